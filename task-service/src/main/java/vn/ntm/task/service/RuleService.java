package vn.ntm.task.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import vn.ntm.task.domain.RuleAssignee;
import vn.ntm.task.domain.RuleTrigger;
import vn.ntm.task.domain.TaskRule;
import vn.ntm.task.service.ServiceException.FieldError;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The rule table: read by the consumer, listed and changed by administrators. */
@ApplicationScoped
public class RuleService {
    private static final String COLUMNS = "code, trigger, assignee, title_template, enabled, position, description,"
            + " version, updated_at";

    private final AgroalDataSource dataSource;

    public RuleService(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public record RuleView(String code, RuleTrigger trigger, RuleAssignee assignee, String titleTemplate,
                           boolean enabled, int position, String description, long version, Instant updatedAt) {
        public TaskRule rule() {
            return new TaskRule(code, trigger, assignee, titleTemplate, enabled, position);
        }
    }

    public record RuleChange(RuleTrigger trigger, RuleAssignee assignee, String titleTemplate, Boolean enabled,
                             Integer position, String description) {
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
            throw ServiceException.notFound("No task rule with code " + code + ".");
        }
        return found.get(0);
    }

    /** Creates or replaces a rule; the change applies to inspections consumed from now on. */
    @Transactional
    public RuleView put(String code, RuleChange change) {
        List<FieldError> errors = new ArrayList<>();
        if (!Limits.isRuleCode(code)) {
            errors.add(new FieldError("code", Limits.RULE_CODE_MESSAGE));
        }
        if (change == null) {
            throw ServiceException.badRequest("A rule body is required.", List.of(new FieldError("body", "missing")));
        }
        if (change.trigger() == null) {
            errors.add(new FieldError("trigger", "is required"));
        }
        if (change.assignee() == null) {
            errors.add(new FieldError("assignee", "is required"));
        }
        if (change.titleTemplate() == null || change.titleTemplate().isBlank()) {
            errors.add(new FieldError("titleTemplate", "is required"));
        } else {
            Limits.text("titleTemplate", change.titleTemplate(), Limits.TITLE, errors);
        }
        Limits.text("description", change.description(), Limits.DESCRIPTION, errors);
        if (change.trigger() != null && change.assignee() != null) {
            TaskRule.problems(change.trigger(), change.assignee())
                    .forEach(p -> errors.add(new FieldError("assignee", p)));
        }
        if (!errors.isEmpty()) {
            throw ServiceException.badRequest("The rule is not valid.", errors);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement upsert = c.prepareStatement(
                "insert into task_rule (code, trigger, assignee, title_template, enabled, position, description)"
                        + " values (?, ?, ?, ?, ?, ?, ?) on conflict (code) do update set trigger = excluded.trigger,"
                        + " assignee = excluded.assignee, title_template = excluded.title_template,"
                        + " enabled = excluded.enabled, position = excluded.position,"
                        + " description = excluded.description, version = task_rule.version + 1,"
                        + " updated_at = now()")) {
            upsert.setString(1, code);
            upsert.setString(2, change.trigger().name());
            upsert.setString(3, change.assignee().name());
            upsert.setString(4, change.titleTemplate().strip());
            upsert.setBoolean(5, change.enabled() == null || change.enabled());
            upsert.setInt(6, change.position() == null ? 100 : change.position());
            upsert.setString(7, change.description());
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not save task rule " + code, e);
        }
        return get(code);
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
                            rs.getLong("version"), rs.getTimestamp("updated_at").toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read task rules", e);
        }
    }
}
