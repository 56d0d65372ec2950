package vn.ntm.task.shared;

import vn.ntm.contracts.OrganisationRef;

import java.util.List;
import java.util.Set;

/**
 * Who is calling, from the bearer token: subject, roles, province and organisations. Decides which tasks the
 * caller may change (README "Access control"); which tasks it may see is {@link TaskVisibility}'s. A caller with
 * several roles gets the union of their rights.
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

        public boolean is(OrganisationRef assignee) {
            return assignee != null && type.equals(assignee.type()) && code.equals(assignee.code());
        }
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public static final String COORDINATION_OFFICE = "VP_DIEU_PHOI";

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

    private boolean owns(OrganisationRef assignee) {
        return has(ORG) && orgs.stream().anyMatch(o -> o.is(assignee));
    }
}
