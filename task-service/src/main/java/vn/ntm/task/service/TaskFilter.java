package vn.ntm.task.service;

import vn.ntm.platform.http.LocalizedText;
import vn.ntm.platform.http.SearchTerms;
import vn.ntm.platform.http.ServiceException;

import vn.ntm.contracts.OrganisationType;
import vn.ntm.task.domain.TaskStatus;
import vn.ntm.platform.http.ServiceException.FieldError;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The filters, sort and page of a task list as query strings; {@link #parse} validates all of them at once and
 * builds the JPQL. The order always ends with the id, so pages never overlap or skip. Offset paging ({@code page})
 * reaches the first {@link #OFFSET_WINDOW} tasks only; beyond, the client follows the opaque {@code after} cursor
 * (keyset paging: the next page starts after the last task of the previous one, under the same sort).
 */
public record TaskFilter(String inspectionId, String assigneeType, String assigneeCode, String communeCode,
                         String criterion, String status, String overdue, String dueBefore, String sort,
                         String page, String size, String after, String q) {

    public static final int MAX_SIZE = 200;
    /** Offset pages must lie within the first this-many tasks: deeper offsets make PostgreSQL read and drop rows. */
    public static final int OFFSET_WINDOW = 10_000;

    /** A validated query: JPQL where clause and order, parameters, paging, and the sort keys for the next cursor. */
    public record Query(String where, Map<String, Object> params, String orderBy, int page, int size,
                        List<TaskCursor.Key> keys, String sortSpec) {
        /** The same query restricted further by a JPQL condition on {@code t}. */
        public Query and(String condition, Map<String, Object> more) {
            Map<String, Object> all = new LinkedHashMap<>(params);
            all.putAll(more);
            return new Query("(" + where + ") and (" + condition + ")", all, orderBy, page, size, keys, sortSpec);
        }
    }

    public TaskFilter(String inspectionId, String assigneeType, String assigneeCode, String communeCode,
                      String criterion, String status, String overdue, String dueBefore, String sort,
                      String page, String size) {
        this(inspectionId, assigneeType, assigneeCode, communeCode, criterion, status, overdue, dueBefore, sort,
                page, size, null, null);
    }

    public TaskFilter(String inspectionId, String assigneeType, String assigneeCode, String communeCode,
                      String criterion, String status, String overdue, String dueBefore, String sort,
                      String page, String size, String after) {
        this(inspectionId, assigneeType, assigneeCode, communeCode, criterion, status, overdue, dueBefore, sort,
                page, size, after, null);
    }

    /** The same filter continuing after the cursor {@code after}. */
    public TaskFilter after(String cursor) {
        return new TaskFilter(inspectionId, assigneeType, assigneeCode, communeCode, criterion, status, overdue,
                dueBefore, sort, page, size, cursor, q);
    }

    /** The query of a list page: paging is validated, a cursor continues where it points. */
    public Query parse(LocalDate today) {
        return parse(today, true);
    }

    /** The query of the summary and the export: {@code page} and {@code size} are checked but not used, nor is
     * {@code after}. */
    public Query parseUnpaged(LocalDate today) {
        return parse(today, false);
    }

    private Query parse(LocalDate today, boolean paged) {
        List<FieldError> errors = new ArrayList<>();
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (present(inspectionId)) {
            try {
                params.put("inspectionId", UUID.fromString(inspectionId.strip()));
                where.append(" and t.inspectionId = :inspectionId");
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("inspectionId", "task.query.uuid"));
            }
        }
        if (present(assigneeType)) {
            try {
                params.put("assigneeType", OrganisationType.valueOf(assigneeType.strip()).name());
                where.append(" and t.assigneeType = :assigneeType");
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("assigneeType", "task.query.assigneeType"));
            }
        }
        if (present(assigneeCode)) {
            Limits.code("assigneeCode", assigneeCode.strip(), errors);
            params.put("assigneeCode", assigneeCode.strip());
            where.append(" and t.assigneeCode = :assigneeCode");
        }
        if (present(communeCode)) {
            Limits.code("communeCode", communeCode.strip(), errors);
            params.put("communeCode", communeCode.strip());
            where.append(" and t.communeCode = :communeCode");
        }
        if (present(criterion)) {
            Integer n = integer(criterion);
            if (n == null || n < 1 || n > 99) {
                errors.add(FieldError.of("criterion", "task.query.criterion"));
            } else {
                params.put("criterion", n);
                where.append(" and t.criterion = :criterion");
            }
        }
        if (present(status)) {
            // one status or a comma list: an assignee's work list is status=OPEN,IN_PROGRESS,RETURNED
            try {
                List<TaskStatus> statuses = java.util.Arrays.stream(status.split(",", -1))
                        .map(v -> TaskStatus.valueOf(v.strip())).distinct().toList();
                params.put("status", statuses);
                where.append(" and t.status in :status");
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("status", "task.query.status"));
            }
        }
        if (present(overdue)) {
            String v = overdue.strip();
            if (!v.equals("true") && !v.equals("false")) {
                errors.add(FieldError.of("overdue", "task.query.boolean"));
            } else {
                params.put("active", TaskStatus.ACTIVE);
                params.put("today", today);
                where.append(v.equals("true") ? " and (t.status in :active and t.dueDate < :today)"
                        : " and not (t.status in :active and t.dueDate < :today)");
            }
        }
        if (present(dueBefore)) {
            try {
                params.put("dueBefore", LocalDate.parse(dueBefore.strip()));
                where.append(" and t.dueDate < :dueBefore");
            } catch (DateTimeParseException e) {
                errors.add(FieldError.of("dueBefore", "task.query.date"));
            }
        }
        // q: every word occurs in what the list shows (commune, assignee, title), diacritics and case ignored: the
        // column search_text, which the task_search trigram index covers (V16). When an equality filter already
        // narrows the list to one assignee, inspection or commune (a few hundred tasks), checking the words on those
        // rows takes about a millisecond, while the planner, which underestimates a trigram scan, would still
        // intersect with the index (tens of milliseconds for a common syllable on a million tasks): the column is
        // then written as an expression the index does not cover.
        boolean narrowed = params.containsKey("assigneeCode") || params.containsKey("inspectionId")
                || params.containsKey("communeCode");
        String column = narrowed ? "concat(t.searchText, '')" : "t.searchText";
        List<String> patterns = SearchTerms.patterns(q, errors);
        for (int i = 0; i < patterns.size(); i++) {
            params.put("q" + i, patterns.get(i));
            where.append(" and ").append(column).append(" like function('ntm_fold' as String, :q").append(i)
                    .append(") escape '").append(SearchTerms.ESCAPE).append("'");
        }
        StringBuilder order = new StringBuilder();
        List<TaskCursor.Key> keys = new ArrayList<>();
        String sorts = present(sort) ? sort.strip() : "dueDate";
        for (String key : sorts.split(",")) {
            String k = key.strip();
            boolean desc = k.startsWith("-");
            TaskCursor.Key sortKey = TaskCursor.key(desc || k.startsWith("+") ? k.substring(1) : k, desc);
            if (sortKey == null) {
                errors.add(FieldError.of("sort", "task.query.sort", k, TaskCursor.SORTABLE));
                continue;
            }
            keys.add(sortKey);
            order.append(sortKey.path()).append(desc ? " desc" : " asc").append(", ");
        }
        order.append("t.id asc");
        String sortSpec = String.join(",", keys.stream().map(TaskCursor.Key::spec).toList());
        int p = 0;
        int s = 20;
        if (present(size)) {
            Integer v = integer(size);
            if (v == null || v < 1 || v > MAX_SIZE) {
                errors.add(FieldError.of("size", "task.query.size", MAX_SIZE));
            } else {
                s = v;
            }
        }
        TaskCursor cursor = null;
        if (paged && present(after)) {
            if (present(page)) {
                errors.add(FieldError.of("page", "task.query.pageAndAfter"));
            }
            cursor = TaskCursor.decode(after.strip(), keys);
            if (cursor == null) {
                errors.add(FieldError.of("after", "task.query.cursor"));
            } else {
                p = cursor.page();
            }
        } else if (present(page)) {
            Integer v = integer(page);
            int lastPage = OFFSET_WINDOW / s - 1;
            if (v == null || v < 0) {
                errors.add(FieldError.of("page", "task.query.page"));
            } else if (paged && v > lastPage) {
                errors.add(FieldError.of("page", "task.query.pageBeyond", v, s, OFFSET_WINDOW, lastPage));
            } else {
                p = v;
            }
        }
        if (!errors.isEmpty()) {
            throw ServiceException.badRequest(LocalizedText.of("task.query.invalid"), errors);
        }
        Query query = new Query(where.toString(), params, order.toString(), p, s, List.copyOf(keys), sortSpec);
        return cursor == null ? query : query.and(cursor.condition(), cursor.params());
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static Integer integer(String s) {
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
