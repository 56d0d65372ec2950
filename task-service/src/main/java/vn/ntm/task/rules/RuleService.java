package vn.ntm.task.rules;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.ntm.platform.http.EntityTags;
import vn.ntm.platform.http.ServiceException.FieldError;
import vn.ntm.platform.http.ServiceException;
import vn.ntm.platform.i18n.LocalizedText;
import vn.ntm.task.shared.Limits;
import vn.ntm.task.shared.TaskClock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule table: read by the consumer, listed and changed by administrators. A change of an existing rule must
 * name the version it replaces ({@code If-Match}), so that two administrators cannot overwrite each other unseen;
 * every change is recorded in {@code task_rule_history} with who made it and when.
 */
@ApplicationScoped
public class RuleService {
    private static final String COLUMNS = "code, trigger, assignee, title_template, enabled, position, description,"
            + " version, updated_at, updated_by";
    public static final int MAX_HISTORY = 500;

    private final AgroalDataSource dataSource;
    private final TaskClock clock;

    public RuleService(AgroalDataSource dataSource, TaskClock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public record RuleView(String code, RuleTrigger trigger, RuleAssignee assignee, String titleTemplate,
                           boolean enabled, int position, String description, long version, Instant updatedAt,
                           String updatedBy) {
        public TaskRule rule() {
            return new TaskRule(code, trigger, assignee, titleTemplate, enabled, position);
        }
    }

    public record RuleChange(RuleTrigger trigger, RuleAssignee assignee, String titleTemplate, Boolean enabled,
                             Integer position, String description) {
    }

    /** One change of a rule: who, when, and the rule as the change left it. */
    public record RuleHistoryEntry(long id, String code, long version, String action, String actor, Instant at,
                                   RuleTrigger trigger, RuleAssignee assignee, String titleTemplate, boolean enabled,
                                   int position, String description) {
    }

    @Transactional
    public List<RuleView> list() {
        return query("select " + COLUMNS + " from task_rule order by position, code", null);
    }

    @Transactional
    public List<TaskRule> rules() {
        return list().stream().map(RuleView::rule).toList();
    }

    @Transactional
    public RuleView get(String code) {
        List<RuleView> found = query("select " + COLUMNS + " from task_rule where code = ?", code);
        if (found.isEmpty()) {
            throw ServiceException.notFound(LocalizedText.of("task.rule.notFound", code));
        }
        return found.get(0);
    }

    /**
     * Creates or replaces a rule; the change applies to inspections consumed from now on. Replacing needs
     * {@code ifMatch} = the rule's current version (428 without it, 412 when it changed meanwhile); creating needs
     * none ({@code If-None-Match: *} is honoured), and a rule created meanwhile by someone else answers 412.
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
        Instant now = clock.now();
        try (Connection c = dataSource.getConnection()) {
            Long current = currentVersion(c, code);
            String action;
            if (current == null) {
                if (hasIfMatch) {
                    throw ServiceException.staleVersion(LocalizedText.of("task.rule.noneToMatch", code));
                }
                if (insert(c, code, change, actor, now) == 0) {
                    throw ServiceException.staleVersion(LocalizedText.of("task.rule.createdMeanwhile", code));
                }
                action = "CREATED";
            } else {
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
                update(c, code, change, actor, now);
                action = "UPDATED";
            }
            record(c, code, action, actor, now);
        } catch (SQLException e) {
            throw new IllegalStateException("could not save task rule " + code, e);
        }
        return get(code);
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
                        + " position, description from task_rule_history"
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
                            rs.getBoolean("enabled"), rs.getInt("position"), rs.getString("description")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the task rule history", e);
        }
    }


    /** The rule's version, locked until the end of the transaction; null when there is no such rule. */
    private static Long currentVersion(Connection c, String code) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("select version from task_rule where code = ? for update")) {
            st.setString(1, code);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static int insert(Connection c, String code, RuleChange change, String actor, Instant now)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "insert into task_rule (code, trigger, assignee, title_template, enabled, position, description,"
                        + " updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (code) do nothing")) {
            st.setString(1, code);
            bind(st, 2, change);
            st.setTimestamp(8, Timestamp.from(now));
            st.setString(9, actor);
            return st.executeUpdate();
        }
    }

    private static void update(Connection c, String code, RuleChange change, String actor, Instant now)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "update task_rule set trigger = ?, assignee = ?, title_template = ?, enabled = ?, position = ?,"
                        + " description = ?, updated_at = ?, updated_by = ?, version = version + 1 where code = ?")) {
            bind(st, 1, change);
            st.setTimestamp(7, Timestamp.from(now));
            st.setString(8, actor);
            st.setString(9, code);
            st.executeUpdate();
        }
    }

    /** Binds trigger, assignee, title template, enabled, position and description from parameter {@code at}. */
    private static void bind(PreparedStatement st, int at, RuleChange change) throws SQLException {
        st.setString(at, change.trigger().name());
        st.setString(at + 1, change.assignee().name());
        st.setString(at + 2, change.titleTemplate().strip());
        st.setBoolean(at + 3, change.enabled() == null || change.enabled());
        st.setInt(at + 4, change.position() == null ? 100 : change.position());
        st.setString(at + 5, change.description());
    }

    /** The rule as the change left it, with who and when. */
    private static void record(Connection c, String code, String action, String actor, Instant now)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "insert into task_rule_history (rule_code, version, action, actor, at, trigger, assignee,"
                        + " title_template, enabled, position, description)"
                        + " select code, version, ?, ?, ?, trigger, assignee, title_template, enabled, position,"
                        + " description from task_rule where code = ?")) {
            st.setString(1, action);
            st.setString(2, actor);
            st.setTimestamp(3, Timestamp.from(now));
            st.setString(4, code);
            st.executeUpdate();
        }
    }

    private List<RuleView> query(String sql, String code) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            if (code != null) {
                st.setString(1, code);
            }
            List<RuleView> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new RuleView(rs.getString("code"), RuleTrigger.valueOf(rs.getString("trigger")),
                            RuleAssignee.valueOf(rs.getString("assignee")), rs.getString("title_template"),
                            rs.getBoolean("enabled"), rs.getInt("position"), rs.getString("description"),
                            rs.getLong("version"), rs.getTimestamp("updated_at").toInstant(),
                            rs.getString("updated_by")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read task rules", e);
        }
    }
}
