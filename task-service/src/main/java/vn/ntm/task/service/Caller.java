package vn.ntm.task.service;

import vn.ntm.contracts.OrganisationRef;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is calling, from the bearer token: subject, roles, province and organisations. Decides which tasks the
 * caller may see and change (README "Access control"); a caller with several roles gets the union of their scopes.
 */
public record Caller(String subject, Set<String> roles, String province, List<Organisation> orgs) {
    public static final String ADMIN = "admin";
    public static final String INSPECTOR = "inspector";
    public static final String ORG = "org";
    public static final String VIEWER = "viewer";
    public static final String OPS = "ops";

    public Caller {
        roles = Set.copyOf(roles);
        orgs = List.copyOf(orgs);
        province = province == null || province.isBlank() ? null : province.strip();
    }

    /** An organisation claim: {@code UBND_XA:06490}, {@code SO_NGANH:20:GTVT} (type = text before the first colon). */
    public record Organisation(String type, String code) {
        /** The claim's organisation, or null when it is not of the form {@code TYPE:code}. */
        public static Organisation parse(String claim) {
            if (claim == null) {
                return null;
            }
            int colon = claim.indexOf(':');
            if (colon <= 0 || colon == claim.length() - 1) {
                return null;
            }
            return new Organisation(claim.substring(0, colon).strip(), claim.substring(colon + 1).strip());
        }

        boolean is(OrganisationRef assignee) {
            return assignee != null && type.equals(assignee.type()) && code.equals(assignee.code());
        }
    }

    /** Tasks visible through a query: a JPQL condition on {@code t} and its parameters. */
    public record Scope(String where, Map<String, Object> params) {
        static final Scope ALL = new Scope("1 = 1", Map.of());
        static final Scope NONE = new Scope("1 = 0", Map.of());
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public static final String COORDINATION_OFFICE = "VP_DIEU_PHOI";

    /** May read this task (list, by id, history, evidence, export, summary): its assignee and its verifiers. */
    public boolean canRead(String taskProvince, OrganisationRef assignee, OrganisationRef leadAgency) {
        return has(ADMIN) || readsProvince(taskProvince) || owns(assignee)
                || isVerifier(taskProvince, leadAgency);
    }

    /** An organisation user holding one of these (type, code) organisations: a task's cooperating department. */
    public boolean isAnyOf(List<OrganisationRef> organisations) {
        return has(ORG) && organisations.stream().anyMatch(ref -> orgs.stream().anyMatch(o -> o.is(ref)));
    }

    /** The task's assignee: an organisation user with the assignee's claim. */
    public boolean isAssignee(OrganisationRef assignee) {
        return owns(assignee);
    }

    /**
     * Verifies the task's work (README "Lifecycle"): an administrator, an inspector of the task's province, the
     * province's coordination office or the inspection's lead agency. Whether the assignee may verify its own task
     * (never) is decided by {@code TaskTransitions}.
     */
    public boolean isVerifier(String taskProvince, OrganisationRef leadAgency) {
        if (has(ADMIN)) {
            return true;
        }
        if (has(INSPECTOR) && province != null && province.equals(taskProvince)) {
            return true;
        }
        return has(ORG) && orgs.stream().anyMatch(o -> (taskProvince != null
                && o.type().equals(COORDINATION_OFFICE) && o.code().equals(taskProvince)) || o.is(leadAgency));
    }

    /** May act on this task at all (status, notes, evidence): its assignee or a verifier. */
    public boolean canChange(String taskProvince, OrganisationRef assignee, OrganisationRef leadAgency) {
        return owns(assignee) || isVerifier(taskProvince, leadAgency);
    }

    /** The tasks listed and exported. */
    public Scope readScope() {
        return has(ADMIN) ? Scope.ALL : scope();
    }

    /** The tasks counted by the summary: operations staff see every task's counts. */
    public Scope summaryScope() {
        return has(ADMIN) || has(OPS) ? Scope.ALL : scope();
    }

    private boolean readsProvince(String taskProvince) {
        return (has(VIEWER) || has(INSPECTOR)) && province != null && province.equals(taskProvince);
    }

    private boolean owns(OrganisationRef assignee) {
        return has(ORG) && orgs.stream().anyMatch(o -> o.is(assignee));
    }

    private Scope scope() {
        List<String> any = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if ((has(VIEWER) || has(INSPECTOR)) && province != null) {
            any.add("t.provinceCode = :scopeProvince");
            params.put("scopeProvince", province);
        }
        if (has(ORG)) {
            for (int i = 0; i < orgs.size(); i++) {
                any.add("(t.assigneeType = :scopeType" + i + " and t.assigneeCode = :scopeCode" + i + ")");
                // verifiers: the inspection's lead agency, and the coordination office for its province
                any.add("(t.leadAgencyType = :scopeType" + i + " and t.leadAgencyCode = :scopeCode" + i + ")");
                // cooperating departments (phối hợp) attached to the task
                any.add("exists (select 1 from TaskParticipant p where p.taskId = t.id and p.orgType = :scopeType" + i
                        + " and p.orgCode = :scopeCode" + i + ")");
                params.put("scopeType" + i, orgs.get(i).type());
                params.put("scopeCode" + i, orgs.get(i).code());
                if (orgs.get(i).type().equals(COORDINATION_OFFICE)) {
                    any.add("t.provinceCode = :scopeCode" + i);
                }
            }
        }
        return any.isEmpty() ? Scope.NONE : new Scope(String.join(" or ", any), params);
    }
}
