package vn.ntm.task.rest;

import jakarta.ws.rs.core.SecurityContext;

/** Who made a change: the authenticated principal, else the X-Actor header, else "anonymous"; never the body. */
final class Actors {
    private Actors() {
    }

    static String of(SecurityContext security, String header) {
        if (security != null && security.getUserPrincipal() != null
                && security.getUserPrincipal().getName() != null && !security.getUserPrincipal().getName().isBlank()) {
            return security.getUserPrincipal().getName();
        }
        if (header != null && !header.isBlank()) {
            String actor = header.strip();
            return actor.length() > 200 ? actor.substring(0, 200) : actor;
        }
        return "anonymous";
    }
}
