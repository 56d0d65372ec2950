package vn.ntm.task.rules;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.ntm.platform.http.EntityTags;
import vn.ntm.platform.http.ProblemKind;
import vn.ntm.platform.http.ServiceException.FieldError;
import vn.ntm.platform.http.ProblemCode;
import vn.ntm.platform.http.ServiceException;
import vn.ntm.platform.i18n.LocalizedText;
import vn.ntm.task.shared.Limits;
import vn.ntm.task.shared.TaskClock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rule table: read by the consumer, listed and changed by administrators. A rule code has one row per period
 * of validity ({@code validFrom}..{@code validTo}, like the register's units; the consumer applies the rows valid
 * on each inspection's date); a row is named by its code and {@code validFrom}. A change of an existing row must
 * name the version it replaces ({@code If-Match}), so that two administrators cannot overwrite each other unseen;
 * two rows of one code never cover the same day (409); every change is recorded in {@code task_rule_history} with
 * who made it and when.
 */
@ApplicationScoped
public class RuleService {
    private static final String COLUMNS = "id, code, trigger, assignee, title_template, enabled, position,"
            + " description, version, updated_at, updated_by, valid_from, valid_to";
    private static final String ORDER = " order by position, code, valid_from nulls first";
    public static final int MAX_HISTORY = 500;

    private final AgroalDataSource dataSource;
    private final TaskClock clock;

    public RuleService(AgroalDataSource dataSource, TaskClock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** One row of a rule: the rule as it stands from {@code validFrom} to {@code validTo} (null: open). */
    public record RuleView(String code, RuleTrigger trigger, RuleAssignee assignee, String titleTemplate,
                           boolean enabled, int position, String description, long version, Instant updatedAt,
                           String updatedBy, LocalDate validFrom, LocalDate validTo) {
        public TaskRule rule() {
            return new TaskRule(code, trigger, assignee, titleTemplate, enabled, position, validFrom, validTo);
        }
    }

    /** {@code validFrom} names the row (with the code); null = the row without a start. */
    public record RuleChange(RuleTrigger trigger, RuleAssignee assignee, String titleTemplate, Boolean enabled,
                             Integer position, String description, LocalDate validFrom, LocalDate validTo) {
        public RuleChange(RuleTrigger trigger, RuleAssignee assignee, String titleTemplate, Boolean enabled,
                          Integer position, String description) {
            this(trigger, assignee, titleTemplate, enabled, position, description, null, null);
        }
    }

    /** One change of a rule: who, when, and the rule row as the change left it. */
    public record RuleHistoryEntry(long id, String code, long version, String action, String actor, Instant at,
                                   RuleTrigger trigger, RuleAssignee assignee, String titleTemplate, boolean enabled,
                                   int position, String description, LocalDate validFrom, LocalDate validTo) {
    }

    private record Row(long id, RuleView view) {
    }

    /** Every row of every rule; with {@code on}, only the rows valid on that day. */
    @Transactional
    public List<RuleView> list(LocalDate on) {
        List<RuleView> all = rows("select " + COLUMNS + " from task_rule" + ORDER, null).stream().map(Row::view)
                .toList();
        return on == null ? all : all.stream().filter(r -> r.rule().validOn(on)).toList();
    }

    @Transactional
    public List<RuleView> list() {
        return list(null);
    }

    /** Every row of the table, whatever its dates: the planner picks those valid on each inspection's date. */
    @Transactional
    public List<TaskRule> rules() {
        return list(null).stream().map(RuleView::rule).toList();
    }

    @Transactional
    public RuleView get(String code) {
        return get(code, null);
    }

    /**
     * The row of {@code code} valid on {@code on}; without a day, the row valid today, else the latest one (a rule
     * that has ended or not yet begun).
     */
    @Transactional
    public RuleView get(String code, LocalDate on) {
        List<RuleView> found = rows("select " + COLUMNS + " from task_rule where code = ?" + ORDER, code).stream()
                .map(Row::view).toList();
        if (found.isEmpty()) {
            throw ServiceException.notFound(LocalizedText.of("task.rule.notFound"));
        }
        LocalDate day = on == null ? clock.today() : on;
        return found.stream().filter(r -> r.rule().validOn(day)).findFirst().orElseGet(() -> {
            if (on != null) {
                throw ServiceException.notFound(LocalizedText.of("task.rule.notValidOn", code, on));
            }
            return found.get(found.size() - 1);
        });
    }

    /**
     * Creates or replaces the row of a rule that begins on {@code change.validFrom()}; the change applies to
     * inspections consumed from now on whose date lies in the row's period. Replacing needs {@code ifMatch} = the
     * row's current version (428 without it, 412 when it changed meanwhile); creating needs none
     * ({@code If-None-Match: *} is honoured). A period that ends before it begins is 422 on {@code validTo}; one that
     * shares a day with another row of the code is 409 on {@code validFrom}. Nothing is written on a refusal.
     */
    @Transactional
    public RuleView put(String code, String ifMatch, String ifNoneMatch, RuleChange change, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (!Limits.isRuleCode(code)) {
            errors.add(new FieldError("code", Limits.RULE_CODE_TEXT));
        }
        if (change == null) {
            throw ServiceException.badRequest(LocalizedText.of("task.rule.bodyRequired"),
                    List.of(FieldError.of("body", "task.field.missing")));
        }
        if (change.trigger() == null) {
            errors.add(FieldError.of("trigger", "task.field.required"));
        }
        if (change.assignee() == null) {
            errors.add(FieldError.of("assignee", "task.field.required"));
        }
        if (change.titleTemplate() == null || change.titleTemplate().isBlank()) {
            errors.add(FieldError.of("titleTemplate", "task.field.required"));
        } else {
            Limits.text("titleTemplate", change.titleTemplate(), Limits.TITLE, errors);
        }
        Limits.text("description", change.description(), Limits.DESCRIPTION, errors);
        if (change.trigger() != null && change.assignee() != null) {
            TaskRule.problems(change.trigger(), change.assignee())
                    .forEach(p -> errors.add(new FieldError("assignee", p)));
        }
        boolean hasIfMatch = ifMatch != null && !ifMatch.isBlank();
        Long expected = hasIfMatch ? EntityTags.version(ifMatch) : null;
        if (hasIfMatch && (expected == null || expected < 0)) {
            errors.add(FieldError.of("If-Match", "task.rule.ifMatchFormat"));
        }
        boolean createOnly = ifNoneMatch != null && ifNoneMatch.strip().equals("*");
        if (ifNoneMatch != null && !ifNoneMatch.isBlank() && !createOnly) {
            errors.add(FieldError.of("If-None-Match", "task.rule.ifNoneMatch"));
        }
        if (!errors.isEmpty()) {
            throw ServiceException.badRequest(LocalizedText.of("task.rule.invalid"), errors);
        }
        if (change.validFrom() != null && change.validTo() != null && change.validFrom().isAfter(change.validTo())) {
            throw ServiceException.invalid(LocalizedText.of("task.rule.invalid"), List.of(FieldError.of("validTo",
                    "task.rule.periodOrder", change.validFrom(), change.validTo())))
                    .withCode(ProblemCode.RULE_PERIOD_REVERSED);
        }
        Instant now = clock.now();
        try (Connection c = dataSource.getConnection()) {
            lock(c, code);
            List<Row> existing = rows(c, code);
            Row target = existing.stream().filter(r -> Objects.equals(r.view().validFrom(), change.validFrom()))
                    .findFirst().orElse(null);
            long id;
            String action;
            if (target == null) {
                if (hasIfMatch) {
                    throw ServiceException.staleVersion(LocalizedText.of("task.rule.noneToMatch", code));
                }
                refuseOverlap(code, change, existing, null);
                id = insert(c, code, change, actor, now);
                action = "CREATED";
            } else {
                long current = target.view().version();
                if (createOnly) {
                    throw ServiceException.staleVersion(LocalizedText.of("task.rule.exists", code, current));
                }
                if (!hasIfMatch) {
                    throw ServiceException.preconditionRequired(LocalizedText.of("task.rule.ifMatchRequired",
                            current));
                }
                if (expected.longValue() != current) {
                    throw ServiceException.staleVersion(LocalizedText.of("task.rule.stale", code, current,
                            ifMatch.strip()));
                }
                refuseOverlap(code, change, existing, target);
                id = target.id();
                update(c, id, change, actor, now);
                action = "UPDATED";
            }
            record(c, id, action, actor, now);
            return rows(c, code).stream().filter(r -> r.id() == id).findFirst().orElseThrow().view();
        } catch (SQLException e) {
            if ("23P01".equals(e.getSQLState())) { // the exclusion constraint: cannot happen under the lock
                throw overlap(code, change, null);
            }
            throw new IllegalStateException("could not save task rule " + code, e);
        }
    }

    private static void refuseOverlap(String code, RuleChange change, List<Row> existing, Row self) {
        for (Row other : existing) {
            if (other != self && TaskRule.overlap(change.validFrom(), change.validTo(), other.view().validFrom(),
                    other.view().validTo())) {
                throw overlap(code, change, other.view());
            }
        }
    }

    private static ServiceException overlap(String code, RuleChange change, RuleView other) {
        String period = other == null ? "" : period(other.validFrom(), other.validTo());
        return new ServiceException(ProblemKind.CONFLICT, 409,
                LocalizedText.of("task.rule.overlap", code, period(change.validFrom(), change.validTo()), period),
                List.of(FieldError.of("validFrom", "task.rule.overlapField", period)))
                .withCode(ProblemCode.RULE_PERIOD_OVERLAP);
    }

    private static String period(LocalDate from, LocalDate to) {
        return (from == null ? "…" : from.toString()) + " – " + (to == null ? "…" : to.toString());
    }

    /** Changes of the rules, newest first: of one rule when {@code code} is given, older than {@code before}. */
    @Transactional
    public List<RuleHistoryEntry> history(String code, Long beforeId, int max) {
        if (code != null && !code.isBlank() && !Limits.isRuleCode(code.strip())) {
            throw ServiceException.badRequest(LocalizedText.of("task.rule.historyInvalid"),
                    List.of(new FieldError("code", Limits.RULE_CODE_TEXT)));
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                "select id, rule_code, version, action, actor, at, trigger, assignee, title_template, enabled,"
                        + " position, description, valid_from, valid_to from task_rule_history"
                        + " where (?::text is null or rule_code = ?) and (?::bigint is null or id < ?)"
                        + " order by id desc limit ?")) {
            String rule = code == null || code.isBlank() ? null : code.strip();
            st.setString(1, rule);
            st.setString(2, rule);
            st.setObject(3, beforeId, java.sql.Types.BIGINT);
            st.setObject(4, beforeId, java.sql.Types.BIGINT);
            st.setInt(5, max);
            List<RuleHistoryEntry> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new RuleHistoryEntry(rs.getLong("id"), rs.getString("rule_code"), rs.getLong("version"),
                            rs.getString("action"), rs.getString("actor"), rs.getTimestamp("at").toInstant(),
                            RuleTrigger.valueOf(rs.getString("trigger")),
                            RuleAssignee.valueOf(rs.getString("assignee")), rs.getString("title_template"),
                            rs.getBoolean("enabled"), rs.getInt("position"), rs.getString("description"),
                            rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the task rule history", e);
        }
    }


    /** Serialises the changes of one rule code (its rows are compared with each other), until the commit. */
    private static void lock(Connection c, String code) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select pg_advisory_xact_lock(hashtext('task_rule:' || ?))")) {
            st.setString(1, code);
            st.execute();
        }
    }

    private static List<Row> rows(Connection c, String code) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select " + COLUMNS + " from task_rule where code = ?" + ORDER
                + " for update")) {
            st.setString(1, code);
            return read(st);
        }
    }

    private static long insert(Connection c, String code, RuleChange change, String actor, Instant now)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "insert into task_rule (code, trigger, assignee, title_template, enabled, position, description,"
                        + " valid_from, valid_to, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " returning id")) {
            st.setString(1, code);
            bind(st, 2, change);
            st.setTimestamp(10, Timestamp.from(now));
            st.setString(11, actor);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void update(Connection c, long id, RuleChange change, String actor, Instant now)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "update task_rule set trigger = ?, assignee = ?, title_template = ?, enabled = ?, position = ?,"
                        + " description = ?, valid_from = ?, valid_to = ?, updated_at = ?, updated_by = ?,"
                        + " version = version + 1 where id = ?")) {
            bind(st, 1, change);
            st.setTimestamp(9, Timestamp.from(now));
            st.setString(10, actor);
            st.setLong(11, id);
            st.executeUpdate();
        }
    }

    /**
     * Binds trigger, assignee, title template, enabled, position, description, valid from and valid to from
     * parameter {@code at}.
     */
    private static void bind(PreparedStatement st, int at, RuleChange change) throws SQLException {
        st.setString(at, change.trigger().name());
        st.setString(at + 1, change.assignee().name());
        st.setString(at + 2, change.titleTemplate().strip());
        st.setBoolean(at + 3, change.enabled() == null || change.enabled());
        st.setInt(at + 4, change.position() == null ? 100 : change.position());
        st.setString(at + 5, change.description());
        st.setObject(at + 6, change.validFrom(), Types.DATE);
        st.setObject(at + 7, change.validTo(), Types.DATE);
    }

    /** The rule row as the change left it, with who and when. */
    private static void record(Connection c, long id, String action, String actor, Instant now)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "insert into task_rule_history (rule_code, version, action, actor, at, trigger, assignee,"
                        + " title_template, enabled, position, description, valid_from, valid_to)"
                        + " select code, version, ?, ?, ?, trigger, assignee, title_template, enabled, position,"
                        + " description, valid_from, valid_to from task_rule where id = ?")) {
            st.setString(1, action);
            st.setString(2, actor);
            st.setTimestamp(3, Timestamp.from(now));
            st.setLong(4, id);
            st.executeUpdate();
        }
    }

    private List<Row> rows(String sql, String code) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            if (code != null) {
                st.setString(1, code);
            }
            return read(st);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read task rules", e);
        }
    }

    private static List<Row> read(PreparedStatement st) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(new Row(rs.getLong("id"), new RuleView(rs.getString("code"),
                        RuleTrigger.valueOf(rs.getString("trigger")), RuleAssignee.valueOf(rs.getString("assignee")),
                        rs.getString("title_template"), rs.getBoolean("enabled"), rs.getInt("position"),
                        rs.getString("description"), rs.getLong("version"), rs.getTimestamp("updated_at").toInstant(),
                        rs.getString("updated_by"), rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class))));
            }
        }
        return out;
    }
}
