package vn.ntm.platform.http;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who acts in a request, as the services record it (history entries, notes, {@code recordedBy}, imports): the
 * verified token's subject ({@code sub}), stable for a user at its identity provider. Never {@code getName()} or
 * {@code SecurityIdentity.getPrincipal().getName()}: those prefer {@code upn} or {@code preferred_username}, display
 * names a provider may reuse or let the user change.
 */
public final class Actors {
    /** The actor of a request without a token (a public endpoint). */
    public static final String ANONYMOUS = "anonymous";

    private Actors() {
    }

    /** The token's {@code sub}; {@link #ANONYMOUS} when the request has none. */
    public static String of(JsonWebToken token) {
        String subject = token == null ? null : token.getSubject();
        return subject == null || subject.isBlank() ? ANONYMOUS : subject;
    }
}
