package vn.ntm.task.register;


import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import vn.ntm.contracts.OrganisationRef;
import vn.ntm.contracts.TaskReassigned;
import vn.ntm.platform.i18n.LocalizedText;
import vn.ntm.platform.i18n.Messages;
import vn.ntm.platform.outbox.Outbox;
import vn.ntm.task.shared.Labels;
import vn.ntm.task.shared.SearchNames;
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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Moves the active tasks ({@code OPEN}, {@code IN_PROGRESS}, {@code REPORTED}, {@code RETURNED}: work still to be
 * done or checked) of units that ceased to exist to their successors ({@link SuccessionRules}), and the work of
 * provincial departments whose sector ceased (the 1 March 2025 mergers) to the successor department of the same
 * province ({@link SectorSuccessionRules}). A task needs a unit move when the unit its assignee code meant on the
 * task's {@code assignee_as_of} date has a last day before today; the move happens as of the next day (the change's
 * effective date), which becomes the task's new {@code assignee_as_of}, so a chain of changes is followed one change
 * at a time. The task takes the province of its new assignee (the new province's officers see and verify it); its
 * pending extension requests stay with it; {@code original_assignee_*} keeps its first assignee.
 * <p>
 * Exactly once and resumable: each move is its own transaction that locks the task, re-checks it, and inserts
 * {@code task_succession_move (task_id, effective_on, kind)} (primary key) with the task's update, history entry and
 * {@code ntm.task.reassigned} event. A run killed half-way leaves whole moves behind; the next run picks up the rest.
 */
@ApplicationScoped
public class SuccessionService {
    public static final String ACTOR = "system:register";
    /** The statuses whose work is still to be done, and so follows the unit or department that inherited it. */
    static final String ACTIVE = "('OPEN', 'IN_PROGRESS', 'REPORTED', 'RETURNED')";
    private static final String DEPARTMENT = "SO_NGANH";
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
            + " where t.status in " + SuccessionService.ACTIVE
            + " and t.assignee_type in ('UBND_XA', 'UBND_HUYEN', 'SO_NGANH', 'VP_DIEU_PHOI')";

    /**
     * Active tasks whose department (assignee or cooperating department) belongs to a sector that ceased before
     * {@code ?} (twice the day).
     */
    private static final String CEASED_SECTOR = " from task t where t.status in " + SuccessionService.ACTIVE
            + " and ((t.assignee_type = 'SO_NGANH' and exists (select 1 from sector s"
            + " where s.code = split_part(t.assignee_code, ':', 2) and s.valid_to < ?))"
            + " or exists (select 1 from task_participant p join sector s on s.code = split_part(p.org_code, ':', 2)"
            + " where p.task_id = t.id and p.org_type = 'SO_NGANH' and s.valid_to < ?))";

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
            for (boolean departments : new boolean[]{false, true}) {
                if (departments && !QuarkusTransaction.requiringNew().call(() -> moveLeadAgencies(today))) {
                    continue;
                }
                UUID after = null;
                for (List<UUID> page; moved < limit && !(page = candidates(today, after, departments)).isEmpty(); ) {
                    for (UUID id : page) {
                        if (moved >= limit) {
                            break;
                        }
                        boolean done = departments
                                ? QuarkusTransaction.requiringNew().call(() -> moveDepartment(id, today))
                                : QuarkusTransaction.requiringNew().call(() -> moveOne(id, today));
                        if (done) {
                            moved++;
                            progress = true;
                        }
                    }
                    after = page.get(page.size() - 1);
                }
            }
        }
        if (moved > 0) {
            Log.infof("succession: %d task(s) moved to the successors of units or departments that ceased before %s",
                    moved, today);
        }
        return moved;
    }

    private List<UUID> candidates(LocalDate today, UUID after, boolean departments) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "select t.id" + (departments ? CEASED_SECTOR : CEASED_UNIT) + (after == null ? "" : " and t.id > ?")
                        + " order by t.id limit ?")) {
            int i = 1;
            for (int k = 0; k < (departments ? 2 : 1); k++) {
                q.setObject(i++, today);
            }
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
            throw new IllegalStateException("could not find the tasks of ceased units or departments", e);
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
                Log.warnf("task %s: %s %s ceased on %s and the register copy names no successor it holds; left as it"
                        + " is", taskId,
                        task.assignee().type(), task.assignee().code(), task.ceased().validTo());
                return false;
            }
            SuccessionRules.Move move = planned.get();
            if (!insertMove(c, taskId, effectiveOn, "unit", task.assignee(), move.to(), move.rule())) {
                return false;
            }
            reassign(c, task, move.to(), effectiveOn, move.provinceCode(), move.needsReassignment(), move.rule(),
                    move.legalBasis(), effectiveOn, note(task.assignee(), move, effectiveOn));
            return true;
        }
    }

    /**
     * One department's task whose sector (its assignee's, a cooperating department's or its lead agency's) ceased:
     * each moves to the successor ({@link SectorSuccessionRules}) in the province it belonged to. The assignee's move
     * is a reassignment (history, {@code ntm.task.reassigned}, {@code task_succession_move} kind {@code sector});
     * cooperating departments and the lead agency are replaced in the same transaction. False when nothing moved.
     */
    private boolean moveDepartment(UUID taskId, LocalDate today) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Map<String, SectorSuccessionRules.Sector> sectors = SectorCopyService.load(c);
            DepartmentTask task = lockDepartmentTask(c, taskId);
            if (task == null || sectors.isEmpty()) {
                return false;
            }
            boolean changed = false;
            OrganisationRef assignee = task.locked().assignee();
            String sector = DEPARTMENT.equals(assignee.type()) ? SectorSuccessionRules.sectorOf(assignee.code()) : null;
            Optional<SectorSuccessionRules.Move> planned = sector == null ? Optional.empty()
                    : SectorSuccessionRules.successor(sector, task.criteriaSet(), task.locked().criterion(), sectors,
                    today);
            if (sector != null && planned.isEmpty() && sectors.containsKey(sector)
                    && sectors.get(sector).validTo() != null && sectors.get(sector).validTo().isBefore(today)) {
                Log.warnf("task %s: sector %s of %s ceased on %s and the sector list names no successor; left as it"
                        + " is", taskId, sector, assignee.code(), sectors.get(sector).validTo());
            }
            if (planned.isPresent()) {
                SectorSuccessionRules.Move move = planned.get();
                LocalDate asOf = task.locked().assigneeAsOf() != null
                        && task.locked().assigneeAsOf().isAfter(move.effectiveOn())
                        ? task.locked().assigneeAsOf() : move.effectiveOn();
                OrganisationRef to = department(c, assignee, move.toSector(), sectors, asOf);
                if (insertMove(c, taskId, move.effectiveOn(), "sector", assignee, to, move.rule())) {
                    reassign(c, task.locked(), to, asOf, task.provinceCode(), move.needsReassignment(), move.rule(),
                            move.legalBasis(), move.effectiveOn(), sectorNote(assignee, to, move));
                    assignee = to;
                    changed = true;
                    for (String cooperating : move.cooperating()) {
                        addParticipant(c, taskId, department(c, to, cooperating, sectors, asOf), to);
                    }
                }
            }
            changed |= moveParticipants(c, task, assignee, sectors, today);
            return changed;
        }
    }

    /** The department of {@code sector} in the province of {@code from} (a department), named as of {@code asOf}. */
    private static OrganisationRef department(Connection c, OrganisationRef from, String sector,
                                              Map<String, SectorSuccessionRules.Sector> sectors, LocalDate asOf)
            throws SQLException {
        String province = SectorSuccessionRules.provinceOf(from.code());
        String provinceName = new Register(c).validOn("province", province, asOf)
                .map(SuccessionRules.Unit::name).orElse(SectorSuccessionRules.provinceInName(from.name()));
        SectorSuccessionRules.Sector s = sectors.get(sector);
        return new OrganisationRef(DEPARTMENT, province + ":" + sector,
                SectorSuccessionRules.departmentName(sector, s == null ? null : s.name(), provinceName));
    }

    /** Cooperating departments of ceased sectors → their successors (dropped when that is the assignee). */
    private boolean moveParticipants(Connection c, DepartmentTask task, OrganisationRef assignee,
                                     Map<String, SectorSuccessionRules.Sector> sectors, LocalDate today)
            throws SQLException {
        boolean changed = false;
        List<OrganisationRef> participants = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("select org_code, org_name from task_participant"
                + " where task_id = ? and org_type = ? order by id")) {
            q.setObject(1, task.locked().id());
            q.setString(2, DEPARTMENT);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    participants.add(new OrganisationRef(DEPARTMENT, rs.getString(1), rs.getString(2)));
                }
            }
        }
        for (OrganisationRef p : participants) {
            String sector = SectorSuccessionRules.sectorOf(p.code());
            Optional<SectorSuccessionRules.Move> move = sector == null ? Optional.empty()
                    : SectorSuccessionRules.successor(sector, task.criteriaSet(), task.locked().criterion(), sectors,
                    today);
            if (move.isEmpty()) {
                continue;
            }
            OrganisationRef to = department(c, p, move.get().toSector(), sectors, move.get().effectiveOn());
            execute(c, "delete from task_participant where task_id = ? and org_type = ? and org_code = ?",
                    task.locked().id(), DEPARTMENT, p.code());
            addParticipant(c, task.locked().id(), to, assignee);
            changed = true;
        }
        // a department that now is the assignee does not cooperate on its own task (NNPTNT → NNMT on 17)
        changed |= execute(c, "delete from task_participant where task_id = ? and org_type = ? and org_code = ?",
                task.locked().id(), assignee.type(), assignee.code()) > 0;
        return changed;
    }

    private void addParticipant(Connection c, UUID taskId, OrganisationRef department, OrganisationRef assignee)
            throws SQLException {
        if (department.type().equals(assignee.type()) && department.code().equals(assignee.code())) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("insert into task_participant (task_id, org_type,"
                + " org_code, org_name, role, added_at) values (?, ?, ?, ?, 'COOPERATING', ?) on conflict do nothing")) {
            insert.setObject(1, taskId);
            insert.setString(2, department.type());
            insert.setString(3, department.code());
            insert.setString(4, department.name());
            insert.setTimestamp(5, Timestamp.from(clock.now()));
            insert.executeUpdate();
        }
    }

    /**
     * The inspections' lead agencies (they verify) that are departments of a ceased sector → the same province's
     * department of its primary successor, for every active task in one statement per step of a chain; false when
     * the sector copy is empty (no department pass needed).
     */
    private boolean moveLeadAgencies(LocalDate today) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Map<String, SectorSuccessionRules.Sector> sectors = SectorCopyService.load(c);
            if (sectors.isEmpty()) {
                return false;
            }
            List<String> from = new ArrayList<>();
            List<String> to = new ArrayList<>();
            for (String code : sectors.keySet()) {
                SectorSuccessionRules.successor(code, null, null, sectors, today).ifPresent(m -> {
                    from.add(code);
                    to.add(m.toSector());
                });
            }
            for (int step = 0; step < 5 && !from.isEmpty(); step++) {
                try (PreparedStatement update = c.prepareStatement("update task t set lead_agency_code ="
                        + " split_part(t.lead_agency_code, ':', 1) || ':' || m.to_code, version = t.version + 1,"
                        + " updated_at = ? from unnest(?::text[], ?::text[]) as m(from_code, to_code)"
                        + " where t.lead_agency_type = 'SO_NGANH' and t.status in " + ACTIVE
                        + " and split_part(t.lead_agency_code, ':', 2) = m.from_code")) {
                    update.setTimestamp(1, Timestamp.from(clock.now()));
                    update.setArray(2, c.createArrayOf("text", from.toArray()));
                    update.setArray(3, c.createArrayOf("text", to.toArray()));
                    int moved = update.executeUpdate();
                    if (moved == 0) {
                        break;
                    }
                    Log.infof("succession: the lead agency of %d active task(s) moved to the successor department"
                            + " (%s → %s)", moved, from, to);
                }
            }
            return true;
        }
    }

    /** The move's key: false when this task already moved for this change (a concurrent or earlier run). */
    private boolean insertMove(Connection c, UUID taskId, LocalDate effectiveOn, String kind, OrganisationRef from,
                               OrganisationRef to, String rule) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into task_succession_move (task_id,"
                + " effective_on, kind, from_type, from_code, to_type, to_code, rule, moved_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")) {
            insert.setObject(1, taskId);
            insert.setObject(2, effectiveOn);
            insert.setString(3, kind);
            insert.setString(4, from.type());
            insert.setString(5, from.code());
            insert.setString(6, to.type());
            insert.setString(7, to.code());
            insert.setString(8, rule);
            insert.setTimestamp(9, Timestamp.from(clock.now()));
            return insert.executeUpdate() > 0;
        }
    }

    /**
     * The task to its new assignee (valid as of {@code asOf}), with its province, the first assignee kept in
     * {@code original_assignee_*}, one {@code REASSIGNED} history entry and one {@code ntm.task.reassigned} event.
     * Pending extension requests stay with the task ({@code task_extension}): the new province's verifiers decide.
     */
    private void reassign(Connection c, Locked task, OrganisationRef to, LocalDate asOf, String provinceCode,
                          boolean needsReassignment, String rule, String legalBasis, LocalDate effectiveOn,
                          String note) throws SQLException {
        UUID taskId = task.id();
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
            update.setString(1, to.type());
            update.setString(2, to.code());
            update.setString(3, to.name());
            update.setObject(4, asOf);
            update.setString(5, provinceCode);
            update.setBoolean(6, needsReassignment);
            update.setTimestamp(7, Timestamp.from(now));
            update.setObject(8, taskId);
            try (ResultSet rs = update.executeQuery()) {
                rs.next();
                original = new OrganisationRef(rs.getString(1), rs.getString(2), rs.getString(3));
                version = rs.getLong(4);
                flagged = rs.getBoolean(5);
            }
        }
        SearchNames.learn(c, List.of(SearchNames.Name.assignee(to)));
        journal.history(taskId, now, ACTOR, "REASSIGNED", task.status(), task.status(), note);
        outbox.append(TaskJournal.reassigned(new TaskReassigned(
                TaskReassigned.SCHEMA_VERSION, taskId.toString(), task.inspectionId().toString(), provinceCode,
                task.communeCode(), task.communeCode() == null ? null : task.sourceAsOf(), task.criterion(),
                task.title(), task.dueDate(), task.status(), version, to, asOf, task.assignee(),
                task.assigneeAsOf(), original, task.sourceAsOf(), flagged, rule, effectiveOn,
                legalBasis, ACTOR, now)));
    }

    /** The history note of a department's move: the date, the basis, the old and the new department. */
    public static String sectorNote(OrganisationRef from, OrganisationRef to, SectorSuccessionRules.Move move) {
        Object basis = move.legalBasis() == null ? LocalizedText.of("task.succession.sectors") : move.legalBasis();
        String key = SuccessionRules.SPLIT.equals(move.rule()) ? "task.succession.noteSectorSplit"
                : "task.succession.noteSector";
        // history notes are stored once, in Vietnamese, the language of the record
        return LocalizedText.of(key, move.effectiveOn(), basis, describe(from), describe(to))
                .in(Messages.VIETNAMESE);
    }

    private static int execute(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            return st.executeUpdate();
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
        return ref.name() == null ? LocalizedText.of("task.organisation", Labels.assigneeType(ref.type()), ref.code())
                : LocalizedText.of("task.organisation.named", Labels.assigneeType(ref.type()), ref.code(),
                        ref.name());
    }

    private record Locked(UUID id, UUID inspectionId, String communeCode, Integer criterion, String title,
                          LocalDate dueDate, String status, OrganisationRef assignee, SuccessionRules.Unit ceased,
                          LocalDate assigneeAsOf, LocalDate sourceAsOf) {
    }

    private record DepartmentTask(Locked locked, String criteriaSet, String provinceCode, String leadAgencyType,
                                  String leadAgencyCode) {
    }

    /** Locks an active task for a department move; null when it is no longer active. */
    private static DepartmentTask lockDepartmentTask(Connection c, UUID taskId) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("select t.id, t.inspection_id, t.commune_code, t.criterion,"
                + " t.title, t.due_date, t.status, t.assignee_type, t.assignee_code, t.assignee_name,"
                + " coalesce(t.assignee_as_of, (t.created_at at time zone 'Asia/Ho_Chi_Minh')::date),"
                + " coalesce(t.source_as_of, t.assignee_as_of, (t.created_at at time zone 'Asia/Ho_Chi_Minh')::date),"
                + " t.criteria_set, t.province_code, t.lead_agency_type, t.lead_agency_code"
                + " from task t where t.id = ? and t.status in " + ACTIVE + " for update of t")) {
            q.setObject(1, taskId);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Locked locked = new Locked(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), (Integer) rs.getObject(4), rs.getString(5), rs.getObject(6, LocalDate.class),
                        rs.getString(7), new OrganisationRef(rs.getString(8), rs.getString(9), rs.getString(10)),
                        null, rs.getObject(11, LocalDate.class), rs.getObject(12, LocalDate.class));
                return new DepartmentTask(locked, rs.getString(13), rs.getString(14), rs.getString(15),
                        rs.getString(16));
            }
        }
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
        public Optional<String> sectorName(String sectorCode) {
            try (PreparedStatement q = c.prepareStatement("select name from sector where code = ?")) {
                q.setString(1, sectorCode);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the sector copy", e);
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
