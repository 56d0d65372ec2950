package vn.ntm.task.register;


import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.OrganisationRef;
import vn.ntm.contracts.TaskReassigned;
import vn.ntm.contracts.Topics;
import vn.ntm.platform.i18n.LocalizedText;
import vn.ntm.platform.i18n.Messages;
import vn.ntm.platform.outbox.Outbox;
import vn.ntm.platform.outbox.OutboxEvent;
import vn.ntm.task.shared.TaskClock;
import vn.ntm.task.shared.TaskJournal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Moves open tasks of units that ceased to exist to their successors ({@link SuccessionRules}). A task needs a move
 * when the unit its assignee code meant on the task's {@code assignee_as_of} date has a last day before today; the
 * move happens as of the next day (the change's effective date), which becomes the task's new
 * {@code assignee_as_of}, so a chain of changes is followed one change at a time.
 * <p>
 * Exactly once and resumable: each move is its own transaction that locks the task, re-checks it, and inserts
 * {@code task_succession_move (task_id, effective_on)} (primary key) with the task's update, history entry and
 * {@code ntm.task.reassigned} event. A run killed half-way leaves whole moves behind; the next run picks up the rest.
 */
@ApplicationScoped
public class SuccessionService {
    public static final String ACTOR = "system:register";
    private static final int PAGE = 500;

    /** The unit a task's assignee code meant on its {@code assignee_as_of} date, if that unit has ceased by {@code ?}. */
    private static final String CEASED_UNIT = " from task t join admin_unit u"
            + " on u.level = case t.assignee_type when 'UBND_XA' then 'commune' when 'UBND_HUYEN' then 'district'"
            + " else 'province' end"
            + " and u.code = case t.assignee_type when 'SO_NGANH' then split_part(t.assignee_code, ':', 1)"
            + " else t.assignee_code end"
            + " and u.valid_from <= coalesce(t.assignee_as_of, (t.created_at at time zone 'Asia/Ho_Chi_Minh')::date)"
            + " and u.valid_to >= coalesce(t.assignee_as_of, (t.created_at at time zone 'Asia/Ho_Chi_Minh')::date)"
            + " and u.valid_to < ?"
            + " where t.status in ('OPEN', 'IN_PROGRESS')"
            + " and t.assignee_type in ('UBND_XA', 'UBND_HUYEN', 'SO_NGANH', 'VP_DIEU_PHOI')";

    private final AgroalDataSource dataSource;
    private final TaskJournal journal;
    private final Outbox outbox;
    private final TaskClock clock;

    public SuccessionService(AgroalDataSource dataSource, TaskJournal journal, Outbox outbox, TaskClock clock) {
        this.dataSource = dataSource;
        this.journal = journal;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Moves every task whose unit ceased before today; returns the number of moves. */
    public int runDue() {
        return run(clock.today(), Integer.MAX_VALUE);
    }

    /**
     * Moves up to {@code limit} tasks whose unit ceased before {@code today}, in task-id order, each in its own
     * transaction; returns the number of moves. A task the register names nowhere to go for is left as it is.
     */
    public int run(LocalDate today, int limit) {
        int moved = 0;
        boolean progress = true;
        while (progress && moved < limit) {
            progress = false;
            UUID after = null;
            for (List<UUID> page; moved < limit && !(page = candidates(today, after)).isEmpty(); ) {
                for (UUID id : page) {
                    if (moved >= limit) {
                        break;
                    }
                    if (QuarkusTransaction.requiringNew().call(() -> moveOne(id, today))) {
                        moved++;
                        progress = true;
                    }
                }
                after = page.get(page.size() - 1);
            }
        }
        if (moved > 0) {
            Log.infof("register succession: %d task(s) moved to the successors of units that ceased before %s",
                    moved, today);
        }
        return moved;
    }

    private List<UUID> candidates(LocalDate today, UUID after) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select t.id" + CEASED_UNIT + (after == null ? "" : " and t.id > ?") + " order by t.id limit ?")) {
            int i = 1;
            q.setObject(i++, today);
            if (after != null) {
                q.setObject(i++, after);
            }
            q.setInt(i, PAGE);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("could not find the tasks of ceased units", e);
        }
    }

    /** One move, in the caller's (new) transaction; false when the task needs none (any more). */
    private boolean moveOne(UUID taskId, LocalDate today) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Locked task = lock(c, taskId, today);
            if (task == null) {
                return false;
            }
            Register register = new Register(c);
            Optional<SuccessionRules.Move> planned = SuccessionRules.plan(task.assignee(), task.ceased(), register);
            LocalDate effectiveOn = task.ceased().validTo().plusDays(1);
            if (planned.isEmpty()) {
                Log.warnf("task %s: %s %s ceased on %s and the register names no successor; left as it is", taskId,
                        task.assignee().type(), task.assignee().code(), task.ceased().validTo());
                return false;
            }
            SuccessionRules.Move move = planned.get();
            try (PreparedStatement insert = c.prepareStatement("insert into task_succession_move (task_id,"
                    + " effective_on, from_type, from_code, to_type, to_code, rule, moved_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
                insert.setObject(1, taskId);
                insert.setObject(2, effectiveOn);
                insert.setString(3, task.assignee().type());
                insert.setString(4, task.assignee().code());
                insert.setString(5, move.to().type());
                insert.setString(6, move.to().code());
                insert.setString(7, move.rule());
                insert.setTimestamp(8, Timestamp.from(clock.now()));
                if (insert.executeUpdate() == 0) {
                    return false;
                }
            }
            Instant now = clock.now();
            OrganisationRef original;
            long version;
            boolean flagged;
            try (PreparedStatement update = c.prepareStatement("update task set assignee_type = ?,"
                    + " assignee_code = ?, assignee_name = ?, assignee_as_of = ?, province_code = ?,"
                    + " original_assignee_type = coalesce(original_assignee_type, assignee_type),"
                    + " original_assignee_name = case when original_assignee_code is null then assignee_name"
                    + " else original_assignee_name end,"
                    + " original_assignee_code = coalesce(original_assignee_code, assignee_code),"
                    + " needs_reassignment = needs_reassignment or ?, version = version + 1, updated_at = ?"
                    + " where id = ? returning original_assignee_type, original_assignee_code,"
                    + " original_assignee_name, version, needs_reassignment")) {
                update.setString(1, move.to().type());
                update.setString(2, move.to().code());
                update.setString(3, move.to().name());
                update.setObject(4, effectiveOn);
                update.setString(5, move.provinceCode());
                update.setBoolean(6, move.needsReassignment());
                update.setTimestamp(7, Timestamp.from(now));
                update.setObject(8, taskId);
                try (ResultSet rs = update.executeQuery()) {
                    rs.next();
                    original = new OrganisationRef(rs.getString(1), rs.getString(2), rs.getString(3));
                    version = rs.getLong(4);
                    flagged = rs.getBoolean(5);
                }
            }
            String note = note(task.assignee(), move, effectiveOn);
            journal.history(taskId, now, ACTOR, "REASSIGNED", task.status(), task.status(), note);
            outbox.append(OutboxEvent.of(Topics.TASK_EVENTS, taskId.toString(), EventTypes.TASK_REASSIGNED,
                    new TaskReassigned(
                    TaskReassigned.SCHEMA_VERSION, taskId.toString(), task.inspectionId().toString(),
                    task.communeCode(), task.communeCode() == null ? null : task.sourceAsOf(), task.criterion(),
                    task.title(), task.dueDate(), task.status(), version, move.to(), effectiveOn, task.assignee(),
                    task.assigneeAsOf(), original, task.sourceAsOf(), flagged, move.rule(), effectiveOn,
                    move.legalBasis(), ACTOR, now)).withDataSchema(CloudEventHeaders.TASK_REASSIGNED_V2_SCHEMA));
            return true;
        }
    }

    /** The history note: the legal basis, the date, the old and the new unit, and why a review is needed. */
    public static String note(OrganisationRef from, SuccessionRules.Move move, LocalDate effectiveOn) {
        Object basis = move.legalBasis() == null ? LocalizedText.of("task.succession.register") : move.legalBasis();
        String key = switch (move.rule()) {
            case SuccessionRules.SPLIT -> "task.succession.noteSplit";
            case SuccessionRules.COORDINATION_OFFICE -> "task.succession.noteOffice";
            default -> "task.succession.note";
        };
        // history notes are stored once, in Vietnamese, the language of the record
        return LocalizedText.of(key, effectiveOn, basis, describe(from), describe(move.to())).in(Messages.VIETNAMESE);
    }

    public static LocalizedText describe(OrganisationRef ref) {
        return ref.name() == null ? LocalizedText.of("task.organisation", ref.type(), ref.code())
                : LocalizedText.of("task.organisation.named", ref.type(), ref.code(), ref.name());
    }

    private record Locked(UUID id, UUID inspectionId, String communeCode, Integer criterion, String title,
                          LocalDate dueDate, String status, OrganisationRef assignee, SuccessionRules.Unit ceased,
                          LocalDate assigneeAsOf, LocalDate sourceAsOf) {
    }

    /** Locks the task and returns it with its ceased unit, or null when it no longer needs a move. */
    private static Locked lock(Connection c, UUID taskId, LocalDate today) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("select t.id, t.inspection_id, t.commune_code, t.criterion,"
                + " t.title, t.due_date, t.status, t.assignee_type, t.assignee_code, t.assignee_name, u.level,"
                + " u.code, u.name, u.province_code, u.valid_from, u.valid_to,"
                + " coalesce(t.assignee_as_of, (t.created_at at time zone 'Asia/Ho_Chi_Minh')::date),"
                + " coalesce(t.source_as_of, t.assignee_as_of, (t.created_at at time zone 'Asia/Ho_Chi_Minh')::date)"
                + CEASED_UNIT
                + " and t.id = ? for update of t")) {
            q.setObject(1, today);
            q.setObject(2, taskId);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new Locked(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        (Integer) rs.getObject(4), rs.getString(5), rs.getObject(6, LocalDate.class),
                        rs.getString(7), new OrganisationRef(rs.getString(8), rs.getString(9), rs.getString(10)),
                        new SuccessionRules.Unit(rs.getString(11), rs.getString(12), rs.getString(13),
                                rs.getString(14), rs.getObject(15, LocalDate.class),
                                rs.getObject(16, LocalDate.class)), rs.getObject(17, LocalDate.class),
                        rs.getObject(18, LocalDate.class));
            }
        }
    }

    /** The register copy, read in the move's transaction. */
    private record Register(Connection c) implements SuccessionRules.Register {
        @Override
        public Optional<SuccessionRules.Unit> validOn(String level, String code, LocalDate day) {
            try (PreparedStatement q = c.prepareStatement("select level, code, name, province_code, valid_from,"
                    + " valid_to from admin_unit where level = ? and code = ? and valid_from <= ?"
                    + " and (valid_to is null or valid_to >= ?)")) {
                q.setString(1, level);
                q.setString(2, code);
                q.setObject(3, day);
                q.setObject(4, day);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? Optional.of(new SuccessionRules.Unit(rs.getString(1), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class),
                            rs.getObject(6, LocalDate.class))) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the register copy", e);
            }
        }

        @Override
        public List<SuccessionRules.Successor> successors(String fromCode, LocalDate effectiveOn) {
            try (PreparedStatement q = c.prepareStatement("select to_code, legal_basis from admin_unit_succession"
                    + " where from_code = ? and effective_on = ? order by to_code")) {
                q.setString(1, fromCode);
                q.setObject(2, effectiveOn);
                List<SuccessionRules.Successor> out = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SuccessionRules.Successor(rs.getString(1), rs.getString(2)));
                    }
                }
                return out;
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the register copy", e);
            }
        }
    }
}
