package vn.ntm.task.shared;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which tasks a caller may <em>read</em> (README "Access control"): the one place that builds the condition, used
 * by the list, the export, the summary and every by-id read (task, history, evidence, extensions). Whether the
 * caller may also <em>change</em> a task it sees is {@link Caller#canChange}: everyone who sees a task without
 * being its assignee or a verifier (a viewer, a district following its communes, the department leading the
 * criterion) reads it only.
 *
 * <p>Each reason to see a task is one method below (assignee, lead agency, cooperating department, coordination
 * office, district, lead department of the criterion), so a new one is one more clause in {@link #organisation}.
 */
public final class TaskVisibility {
    public static final String DISTRICT = "UBND_HUYEN";
    public static final String DEPARTMENT = "SO_NGANH";

    /** Tasks visible through a query: a JPQL condition on {@code t} and its parameters. */
    public record Scope(String where, Map<String, Object> params) {
        public static final Scope ALL = new Scope("1 = 1", Map.of());
        public static final Scope NONE = new Scope("1 = 0", Map.of());
    }

    private TaskVisibility() {
    }

    /**
     * The tasks listed, exported and read by id. {@code today} (TaskClock's day) decides which districts still
     * exist.
     */
    public static Scope read(Caller caller, LocalDate today) {
        return caller.has(Caller.ADMIN) ? Scope.ALL : scope(caller, today);
    }

    /** The tasks counted by the summary: operations staff see every task's counts. */
    public static Scope summary(Caller caller, LocalDate today) {
        return caller.has(Caller.ADMIN) || caller.has(Caller.OPS) ? Scope.ALL : scope(caller, today);
    }

    private static Scope scope(Caller caller, LocalDate today) {
        List<String> any = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if ((caller.has(Caller.VIEWER) || caller.has(Caller.INSPECTOR)) && caller.province() != null) {
            any.add("t.provinceCode = :scopeProvince");
            params.put("scopeProvince", caller.province());
        }
        if (caller.has(Caller.ORG)) {
            for (int i = 0; i < caller.orgs().size(); i++) {
                Caller.Organisation o = caller.orgs().get(i);
                params.put("scopeType" + i, o.type());
                params.put("scopeCode" + i, o.code());
                any.addAll(organisation(o, i, today, params));
            }
        }
        return any.isEmpty() ? Scope.NONE : new Scope(String.join(" or ", any), params);
    }

    /** The reasons an organisation's user sees a task; {@code :scopeType<i>}/{@code :scopeCode<i>} are its claim. */
    private static List<String> organisation(Caller.Organisation o, int i, LocalDate today,
                                             Map<String, Object> params) {
        List<String> any = new ArrayList<>();
        any.add(assigned(i));
        any.add(leadAgency(i));
        any.add(cooperating(i));
        switch (o.type()) {
            case Caller.COORDINATION_OFFICE -> any.add(province(i));
            case DISTRICT -> {
                params.put("scopeToday", today);
                any.add(communesOfDistrict(i));
            }
            case DEPARTMENT -> {
                // the tasks it leads are assigned to it, those it cooperates on are cooperating(i); and it reads the
                // communes' and districts' work on the criteria it leads
                int colon = o.code().indexOf(':');
                if (colon > 0 && colon < o.code().length() - 1) {
                    params.put("scopeLeadProvince" + i, o.code().substring(0, colon));
                    params.put("scopeLeadSector" + i, o.code().substring(colon + 1));
                    any.add(leadDepartment(i));
                }
            }
            default -> {
                // other organisations see what they are assigned, verify or cooperate on
            }
        }
        return any;
    }

    /** The assignee does the work. */
    private static String assigned(int i) {
        return "(t.assigneeType = :scopeType" + i + " and t.assigneeCode = :scopeCode" + i + ")";
    }

    /** The inspection's lead agency verifies the inspection's tasks. */
    private static String leadAgency(int i) {
        return "(t.leadAgencyType = :scopeType" + i + " and t.leadAgencyCode = :scopeCode" + i + ")";
    }

    /** A cooperating department (phối hợp) attached to the task ({@code task_participant}). */
    private static String cooperating(int i) {
        return "exists (select 1 from TaskParticipant p where p.taskId = t.id and p.orgType = :scopeType" + i
                + " and p.orgCode = :scopeCode" + i + ")";
    }

    /** The coordination office {@code VP_DIEU_PHOI:<province>} follows (and verifies) the province's tasks. */
    private static String province(int i) {
        return "t.provinceCode = :scopeCode" + i;
    }

    /**
     * A department {@code SO_NGANH:<province>:<sector>} leads (chủ trì) the criteria whose lead sector is its sector,
     * or one whose work its sector took over ({@code criterion_lead}: the catalog copy through the sector
     * successions), and guides the communes on them (DOMAIN.md section 7): it reads its province's communes' and
     * districts' tasks on those criteria, and changes none ({@link Caller#canChange}).
     */
    private static String leadDepartment(int i) {
        return "(t.provinceCode = :scopeLeadProvince" + i + " and t.assigneeType in ('UBND_XA', 'UBND_HUYEN')"
                + " and exists (select 1 from CriterionLead l where l.setCode = t.criteriaSet"
                + " and l.number = t.criterion and l.sector = :scopeLeadSector" + i + "))";
    }

    /**
     * A district {@code UBND_HUYEN:<district>} directs and supervises its communes, so it reads the tasks about a
     * commune ({@code communeCode}) that belonged to it on the task's inspection date (a code means the unit of
     * that date: codes are reused), in task-service's copy of the register, as long as the district exists today.
     * After the 2025 reorganisation abolished the districts, their users see only what is still assigned to them.
     */
    private static String communesOfDistrict(int i) {
        return "(exists (select 1 from AdminUnit c where c.code = t.communeCode and c.level = 'commune'"
                + " and c.parentCode = :scopeCode" + i
                + " and c.validFrom <= t.inspectedOn and (c.validTo is null or c.validTo >= t.inspectedOn))"
                + " and exists (select 1 from AdminUnit d where d.code = :scopeCode" + i + " and d.level = 'district'"
                + " and d.validFrom <= :scopeToday and (d.validTo is null or d.validTo >= :scopeToday)))";
    }
}
