package vn.ntm.task.worklist;

import vn.ntm.task.shared.TaskStatus;
import vn.ntm.task.shared.TaskView;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The position after one task in a sorted task list, for keyset paging: the values of the sort keys and the id of
 * the last task of a page, the sort they belong to and the number of the next page. Opaque to clients (base64url
 * text); decoding checks everything, and the values only ever become query parameters.
 * <p>
 * "After" follows PostgreSQL's order: ascending puts nulls last, descending puts them first; the id breaks ties.
 */
public record TaskCursor(String sortSpec, int page, List<Object> values, UUID id, List<Key> keys) {
    private static final String VERSION = "c1";
    private static final String NULL = "~";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** A sort key: its name, JPQL path, direction, whether it can be null, how its values are read and written. */
    public record Key(String name, String path, boolean desc, boolean nullable, Function<TaskView, Object> value,
                      Function<String, Object> parse) {
        String spec() {
            return (desc ? "-" : "") + name;
        }
    }

    private record Column(String path, boolean nullable, Function<TaskView, Object> value,
                          Function<String, Object> parse) {
    }

    private static final Map<String, Column> COLUMNS = new LinkedHashMap<>();
    private static final String STATUS_RANK = statusRank();

    static {
        COLUMNS.put("assigneeCode", new Column("t.assigneeCode", false, t -> t.assignee().code(), s -> s));
        COLUMNS.put("assigneeType", new Column("t.assigneeType", false, t -> t.assignee().type(), s -> s));
        COLUMNS.put("assigneeName", new Column("t.assigneeName", true, t -> t.assignee().name(), s -> s));
        COLUMNS.put("communeCode", new Column("t.communeCode", true, TaskView::communeCode, s -> s));
        // names sort in Vietnamese order (Bằng Mạc, Chi Lăng, Đồng Mỏ): the columns have the vi-VN ICU collation (V16)
        COLUMNS.put("communeName", new Column("t.communeName", true, TaskView::communeName, s -> s));
        COLUMNS.put("createdAt", new Column("t.createdAt", false, TaskView::createdAt, Instant::parse));
        COLUMNS.put("criterion", new Column("t.criterion", true, TaskView::criterion, Integer::valueOf));
        COLUMNS.put("dueDate", new Column("t.dueDate", false, TaskView::dueDate, LocalDate::parse));
        // the lifecycle's order (TaskStatus), not the alphabet: OPEN, IN_PROGRESS, REPORTED, RETURNED, DONE, CANCELLED
        COLUMNS.put("status", new Column(STATUS_RANK, false, t -> t.status().ordinal(), Integer::valueOf));
        COLUMNS.put("title", new Column("t.title", false, TaskView::title, s -> s));
        COLUMNS.put("updatedAt", new Column("t.updatedAt", false, TaskView::updatedAt, Instant::parse));
    }

    /** {@code case t.status when OPEN then 0 ... end}: a status's place in the lifecycle. */
    private static String statusRank() {
        StringBuilder rank = new StringBuilder("case t.status");
        for (TaskStatus status : TaskStatus.values()) {
            rank.append(" when ").append(TaskStatus.class.getName()).append('.').append(status.name())
                    .append(" then ").append(status.ordinal());
        }
        return rank.append(" end").toString();
    }

    /** The names a list can be sorted by. */
    public static final List<String> SORTABLE = List.copyOf(COLUMNS.keySet());

    /** The sort key of this name, or null when there is none. */
    static Key key(String name, boolean desc) {
        Column c = COLUMNS.get(name);
        return c == null ? null : new Key(name, c.path(), desc, c.nullable(), c.value(), c.parse());
    }

    /** The cursor after {@code last}, for the page {@code page}. */
    static String after(TaskView last, TaskFilter.Query query, int page) {
        StringBuilder out = new StringBuilder(VERSION).append('.').append(text(query.sortSpec()))
                .append('.').append(page);
        for (Key key : query.keys()) {
            Object v = key.value().apply(last);
            out.append('.').append(v == null ? NULL : text(v instanceof Enum<?> e ? e.name() : v.toString()));
        }
        out.append('.').append(last.id());
        return ENCODER.encodeToString(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor, or null when the text is not a cursor of a list sorted by {@code keys}. */
    static TaskCursor decode(String cursor, List<Key> keys) {
        try {
            if (cursor.length() > 4_000) {
                return null;
            }
            String[] parts = new String(DECODER.decode(cursor), StandardCharsets.UTF_8).split("\\.", -1);
            if (parts.length != keys.size() + 4 || !parts[0].equals(VERSION)) {
                return null;
            }
            String spec = untext(parts[1]);
            if (!spec.equals(String.join(",", keys.stream().map(Key::spec).toList()))) {
                return null;
            }
            int page = Integer.parseInt(parts[2]);
            if (page < 1) {
                return null;
            }
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                String raw = parts[3 + i];
                if (raw.equals(NULL)) {
                    if (!keys.get(i).nullable()) {
                        return null;
                    }
                    values.add(null);
                } else {
                    values.add(keys.get(i).parse().apply(untext(raw)));
                }
            }
            return new TaskCursor(spec, page, values, UUID.fromString(parts[parts.length - 1]), List.copyOf(keys));
        } catch (RuntimeException notACursor) {
            return null;
        }
    }

    /**
     * The tasks after this position: for keys k1..kn and the id, {@code k1 after v1, or k1 = v1 and k2 after v2, ...,
     * or all equal and id > last id}.
     */
    String condition() {
        List<String> any = new ArrayList<>();
        StringBuilder equal = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            Key key = keys.get(i);
            Object v = values.get(i);
            String param = ":after" + i;
            String beyond;
            if (v == null) {
                beyond = key.desc() ? key.path() + " is not null" : null; // nothing follows null in ascending order
            } else if (key.desc()) {
                beyond = key.path() + " < " + param;
            } else {
                beyond = key.nullable() ? "(" + key.path() + " > " + param + " or " + key.path() + " is null)"
                        : key.path() + " > " + param;
            }
            if (beyond != null) {
                any.add("(" + equal + beyond + ")");
            }
            equal.append(v == null ? key.path() + " is null" : key.path() + " = " + param).append(" and ");
        }
        any.add("(" + equal + "t.id > :afterId)");
        String after = String.join(" or ", any);
        // the same condition, plus a range on the first key that an index on it (e.g. updated_at, id for the change
        // feed) can start from, instead of reading and dropping every row before the cursor
        Key first = keys.isEmpty() ? null : keys.get(0);
        if (first != null && !first.nullable() && values.get(0) != null) {
            return first.path() + (first.desc() ? " <= " : " >= ") + ":after0 and (" + after + ")";
        }
        return after;
    }

    Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null) {
                params.put("after" + i, values.get(i));
            }
        }
        params.put("afterId", id);
        return params;
    }

    private static String text(String s) {
        return ENCODER.encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String untext(String s) {
        return new String(DECODER.decode(s), StandardCharsets.UTF_8);
    }
}
