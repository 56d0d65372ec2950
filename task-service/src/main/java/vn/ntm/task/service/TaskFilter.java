package vn.ntm.task.service;

import vn.ntm.contracts.OrganisationType;
import vn.ntm.task.domain.TaskStatus;
import vn.ntm.task.service.ServiceException.FieldError;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The filters, sort and page of a task list as query strings; {@link #parse} validates all of them at once and
 * builds the JPQL. The order always ends with the id, so pages never overlap or skip.
 */
public record TaskFilter(String inspectionId, String assigneeType, String assigneeCode, String communeCode,
                         String criterion, String status, String overdue, String dueBefore, String sort,
                         String page, String size) {

    public static final int MAX_SIZE = 200;
    private static final Map<String, String> SORTABLE = Map.of(
            "dueDate", "t.dueDate", "createdAt", "t.createdAt", "updatedAt", "t.updatedAt", "status", "t.status",
            "criterion", "t.criterion", "communeCode", "t.communeCode", "assigneeCode", "t.assigneeCode",
            "assigneeType", "t.assigneeType", "title", "t.title");

    /** A validated query: JPQL where clause and order, parameters, paging. */
    public record Query(String where, Map<String, Object> params, String orderBy, int page, int size) {
    }

    public Query parse(LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (present(inspectionId)) {
            try {
                params.put("inspectionId", UUID.fromString(inspectionId.strip()));
                where.append(" and t.inspectionId = :inspectionId");
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("inspectionId", "must be a UUID"));
            }
        }
        if (present(assigneeType)) {
            try {
                params.put("assigneeType", OrganisationType.valueOf(assigneeType.strip()).name());
                where.append(" and t.assigneeType = :assigneeType");
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("assigneeType", "must be one of UBND_XA, UBND_HUYEN, SO_NGANH, VP_DIEU_PHOI"));
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
                errors.add(new FieldError("criterion", "must be a criterion number from 1 to 99"));
            } else {
                params.put("criterion", n);
                where.append(" and t.criterion = :criterion");
            }
        }
        if (present(status)) {
            try {
                params.put("status", TaskStatus.valueOf(status.strip()));
                where.append(" and t.status = :status");
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("status", "must be one of OPEN, IN_PROGRESS, DONE, CANCELLED"));
            }
        }
        if (present(overdue)) {
            String v = overdue.strip();
            if (!v.equals("true") && !v.equals("false")) {
                errors.add(new FieldError("overdue", "must be true or false"));
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
                errors.add(new FieldError("dueBefore", "must be an ISO date such as 2022-12-31"));
            }
        }
        StringBuilder order = new StringBuilder();
        String sorts = present(sort) ? sort.strip() : "dueDate";
        for (String key : sorts.split(",")) {
            String k = key.strip();
            boolean desc = k.startsWith("-");
            String path = SORTABLE.get(desc || k.startsWith("+") ? k.substring(1) : k);
            if (path == null) {
                errors.add(new FieldError("sort", "unknown sort key '" + k + "'; use " + String.join(", ",
                        SORTABLE.keySet().stream().sorted().toList()) + ", with - for descending"));
                continue;
            }
            order.append(path).append(desc ? " desc" : " asc").append(", ");
        }
        order.append("t.id asc");
        int p = 0;
        int s = 20;
        if (present(page)) {
            Integer v = integer(page);
            // page x size must not overflow the row offset
            if (v == null || v < 0 || v > Limits.MAX_PAGE) {
                errors.add(new FieldError("page", "must be a whole number from 0 to " + Limits.MAX_PAGE
                        + " (the first page is 0)"));
            } else {
                p = v;
            }
        }
        if (present(size)) {
            Integer v = integer(size);
            if (v == null || v < 1 || v > MAX_SIZE) {
                errors.add(new FieldError("size", "must be a whole number from 1 to " + MAX_SIZE));
            } else {
                s = v;
            }
        }
        if (!errors.isEmpty()) {
            throw ServiceException.badRequest("Invalid task query parameters.", errors);
        }
        return new Query(where.toString(), params, order.toString(), p, s);
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
