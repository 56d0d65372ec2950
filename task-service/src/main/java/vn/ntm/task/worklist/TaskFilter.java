package vn.ntm.task.worklist;

import vn.ntm.platform.http.SearchTerms;
import vn.ntm.platform.http.ServiceException.FieldError;
import vn.ntm.platform.http.ServiceException;
import vn.ntm.platform.i18n.LocalizedText;
import vn.ntm.task.shared.Limits;
import vn.ntm.task.shared.TaskStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The filters, sort and page of a task list, typed and range-checked by the resource (Bean Validation); {@link #parse}
 * checks what one value alone cannot tell (codes, the status list, sort keys, {@code page} against {@code size} and
 * {@code after}) and builds the JPQL. The order always ends with the id, so pages never overlap or skip. Offset paging ({@code page})
 * reaches the first {@code offsetWindow} tasks only ({@code ntm.tasks.offset-window}); beyond, the client follows the
 * opaque {@code after} cursor (keyset paging: the next page starts after the last task of the previous one, under the
 * same sort).
 */
public record TaskFilter(UUID inspectionId, String assigneeType, String assigneeCode, String communeCode,
                         Integer criterion, String status, Boolean overdue, LocalDate dueBefore, String sort,
                         Integer page, Integer size, String after, String q, String updatedSince, String province,
                         String district) {

    public static final int MAX_SIZE = 200;

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

    /** The same filter continuing after the cursor {@code after}. */
    public TaskFilter after(String cursor) {
        return new TaskFilter(inspectionId, assigneeType, assigneeCode, communeCode, criterion, status, overdue,
                dueBefore, sort, page, size, cursor, q, updatedSince, province, district);
    }

    /** True when the list is a change feed ({@code updatedSince}): README "Change feed". */
    public boolean feed() {
        return present(updatedSince);
    }

    /**
     * What each typed word of {@code q} names in the small tables of names (V34), looked up as typed (folded and made a
     * pattern in the database): one {@link Match} per word, in order; null for a word that cannot be resolved that way
     * (it names too many things, or nothing of those tables, or folding it made a space), whose text is then checked
     * row by row.
     */
    public interface Words {
        List<Match> matching(List<String> typed);
    }

    /**
     * The names holding a typed word: communes (code and name as the tasks carry them), assignee organisations (type,
     * code, name), criteria (number, name) and the rules whose title text holds it. A task matches the word when its
     * name is one of these (the codes only let the filter read an index) or its rule's title text does.
     */
    public record Match(List<String> communeCodes, List<String> communeNames, List<String> assigneeTypes,
                        List<String> assigneeCodes, List<String> assigneeNames, List<Integer> criteria,
                        List<String> criterionNames, List<String> rules) {
        public boolean none() {
            return communeNames.isEmpty() && assigneeNames.isEmpty() && criterionNames.isEmpty() && rules.isEmpty();
        }
    }

    /**
     * The query of a list page: paging is validated, a cursor continues where it points. Offset pages must lie within
     * the first {@code offsetWindow} tasks: deeper offsets make PostgreSQL read and drop rows.
     */
    public Query parse(LocalDate today, int offsetWindow, Words words) {
        return parse(today, true, offsetWindow, words);
    }

    /** The query of the summary and the export: {@code page} and {@code size} are checked but not used, nor is
     * {@code after}. */
    public Query parseUnpaged(LocalDate today) {
        return parse(today, false, Integer.MAX_VALUE, null);
    }

    public Query parseUnpaged(LocalDate today, Words words) {
        return parse(today, false, Integer.MAX_VALUE, words);
    }

    private Query parse(LocalDate today, boolean paged, int offsetWindow, Words words) {
        List<FieldError> errors = new ArrayList<>();
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (inspectionId != null) {
            params.put("inspectionId", inspectionId);
            where.append(" and t.inspectionId = :inspectionId");
        }
        if (assigneeType != null) {
            params.put("assigneeType", assigneeType);
            where.append(" and t.assigneeType = :assigneeType");
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
        if (criterion != null) {
            params.put("criterion", criterion);
            where.append(" and t.criterion = :criterion");
        }
        if (present(status)) {
            // one status or a comma list: an assignee's work list is status=OPEN,IN_PROGRESS,RETURNED
            try {
                List<TaskStatus> statuses = java.util.Arrays.stream(status.split(",", -1))
                        .map(v -> TaskStatus.valueOf(v.strip())).distinct().toList();
                params.put("status", statuses);
                where.append(" and t.status in :status");
            } catch (IllegalArgumentException e) {
                errors.add(FieldError.of("status", "task.query.status",
                        java.util.Arrays.stream(TaskStatus.values()).map(Enum::name).toList()));
            }
        }
        if (overdue != null) {
            params.put("active", TaskStatus.ACTIVE);
            params.put("today", today);
            where.append(overdue ? " and (t.status in :active and t.dueDate < :today)"
                    : " and not (t.status in :active and t.dueDate < :today)");
        }
        if (dueBefore != null) {
            params.put("dueBefore", dueBefore);
            where.append(" and t.dueDate < :dueBefore");
        }
        if (present(updatedSince)) {
            Instant since = instant(updatedSince.strip());
            if (since == null) {
                errors.add(FieldError.of("updatedSince", "task.query.instant"));
            } else {
                params.put("updatedSince", since);
                where.append(" and t.updatedAt >= :updatedSince");
            }
        }
        if (present(province)) {
            Limits.code("province", province.strip(), errors);
            params.put("province", province.strip());
            where.append(" and t.provinceCode = :province");
        }
        if (present(district)) {
            // a district's communes on the task's inspection date (codes are reused), in the register copy, and the
            // tasks assigned to the district itself; districts were abolished on 2025-07-01, so this finds older work
            Limits.code("district", district.strip(), errors);
            params.put("district", district.strip());
            where.append(" and (exists (select 1 from AdminUnit dc where dc.code = t.communeCode"
                    + " and dc.level = 'commune' and dc.parentCode = :district and dc.validFrom <= t.inspectedOn"
                    + " and (dc.validTo is null or dc.validTo >= t.inspectedOn))"
                    + " or (t.assigneeType = 'UBND_HUYEN' and t.assigneeCode = :district))");
        }
        // q: every word occurs in what the list shows (commune, assignee, title), diacritics and case ignored. The
        // words are first resolved against the small tables of names ({@code words}, V34) to the names holding them,
        // and the tasks carrying one of those names are read through the indexes of their code columns
        // (task_commune, task_assignee); a word of the titles' fixed text names rules. A word of letters that resolves
        // to nothing matches no task. When an equality filter already narrows the list to one assignee, inspection or
        // commune (a few hundred tasks), or a word with digits or signs resolves to nothing (a number or a date of a
        // title), the task's text is folded and checked row by row.
        boolean narrowed = params.containsKey("assigneeCode") || params.containsKey("inspectionId")
                || params.containsKey("communeCode");
        List<String> typed = SearchTerms.words(q, errors);
        List<Match> found = narrowed || typed.isEmpty() || words == null ? null : words.matching(typed);
        for (int i = 0; i < typed.size(); i++) {
            Match match = found == null ? null : found.get(i);
            if (match != null && match.none() && typed.get(i).codePoints().allMatch(Character::isLetter)) {
                // a word of letters that names nothing: no task shows it (titles are rule texts filled with names),
                // and a typo must not read the whole table
                where.append(" and 1 = 0");
                continue;
            }
            if (match == null || match.none()) {
                params.put("q" + i, typed.get(i));
                where.append(" and function('ntm_task_search' as String, t.communeName, t.assigneeName, t.title)")
                        .append(" like ")
                        .append(SearchTerms.containsPattern("function('ntm_fold' as String, :q" + i + ")"))
                        .append(SearchTerms.ESCAPE_CLAUSE);
                continue;
            }
            List<String> any = new ArrayList<>();
            if (!match.communeNames().isEmpty()) {
                params.put("qcc" + i, match.communeCodes());
                params.put("qcn" + i, match.communeNames());
                any.add("(t.communeCode in :qcc" + i + " and t.communeName in :qcn" + i + ")");
            }
            if (!match.assigneeNames().isEmpty()) {
                params.put("qat" + i, match.assigneeTypes());
                params.put("qac" + i, match.assigneeCodes());
                params.put("qan" + i, match.assigneeNames());
                any.add("(t.assigneeType in :qat" + i + " and t.assigneeCode in :qac" + i
                        + " and t.assigneeName in :qan" + i + ")");
            }
            if (!match.criterionNames().isEmpty()) {
                params.put("qkc" + i, match.criteria());
                params.put("qkn" + i, match.criterionNames());
                any.add("(t.criterion in :qkc" + i + " and t.criterionName in :qkn" + i + ")");
            }
            if (!match.rules().isEmpty()) {
                params.put("qr" + i, match.rules());
                any.add("t.ruleCode in :qr" + i);
            }
            where.append(" and (").append(String.join(" or ", any)).append(')');
        }
        StringBuilder order = new StringBuilder();
        List<TaskCursor.Key> keys = new ArrayList<>();
        // a change feed walks the tasks in the order they last changed (ties by id)
        String sorts = present(sort) ? sort.strip() : present(updatedSince) ? "updatedAt" : "dueDate";
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
        int s = size == null ? 20 : size;
        TaskCursor cursor = null;
        if (paged && present(after)) {
            if (page != null) {
                errors.add(FieldError.of("page", "task.query.pageAndAfter"));
            }
            cursor = TaskCursor.decode(after.strip(), keys);
            if (cursor == null) {
                errors.add(FieldError.of("after", "task.query.cursor"));
            } else {
                p = cursor.page();
            }
        } else if (page != null) {
            int lastPage = offsetWindow / s - 1;
            if (paged && page > lastPage) {
                errors.add(FieldError.of("page", "task.query.pageBeyond", page, s, offsetWindow, lastPage));
            } else {
                p = page;
            }
        }
        if (!errors.isEmpty()) {
            throw ServiceException.badRequest(LocalizedText.of("task.query.invalid"), errors);
        }
        Query query = new Query(where.toString(), params, order.toString(), p, s, List.copyOf(keys), sortSpec);
        return cursor == null ? query : query.and(cursor.condition(), cursor.params());
    }

    /** An ISO-8601 date-time with its offset ({@code 2025-07-01T00:00:00Z}, {@code …+07:00}), or null. */
    private static Instant instant(String text) {
        try {
            return text.length() > 64 ? null : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
