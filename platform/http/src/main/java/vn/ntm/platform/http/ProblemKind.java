package vn.ntm.platform.http;

import vn.ntm.platform.i18n.LocalizedText;

/**
 * The kinds of error every service answers, each with a stable {@code type} URI under {@link #TYPE_BASE} and a
 * machine-readable {@code code}. A frontend switches on {@code type} or {@code code}, never on {@code title} or
 * {@code detail}. The list is documented in this module's README; add kinds, never rename one.
 */
public enum ProblemKind {
    VALIDATION("validation", 422, "Validation failed"),
    MALFORMED_REQUEST("malformed-request", 400, "Bad Request"),
    UNAUTHENTICATED("unauthenticated", 401, "Unauthorized"),
    FORBIDDEN("forbidden", 403, "Forbidden"),
    NOT_FOUND("not-found", 404, "Not Found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method Not Allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not Acceptable"),
    CONFLICT("conflict", 409, "Conflict"),
    STALE_VERSION("stale-version", 412, "Precondition Failed"),
    TOO_LARGE("too-large", 413, "Content Too Large"),
    URI_TOO_LONG("uri-too-long", 414, "URI Too Long"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported Media Type"),
    PRECONDITION_REQUIRED("precondition-required", 428, "Precondition Required"),
    /** Any other 4xx the HTTP layer produces (none today); kept so that no answer falls back to about:blank. */
    REQUEST_REFUSED("request-refused", 400, "Request refused"),
    INTERNAL("internal", 500, "Internal Server Error"),
    UNAVAILABLE("unavailable", 503, "Service Unavailable");

    /** Base of every problem type URI; the URIs identify kinds and need not resolve. */
    public static final String TYPE_BASE = "https://ntm.gov.vn/problems/";

    private final String slug;
    private final int status;
    private final String title;

    ProblemKind(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String type() {
        return TYPE_BASE + slug;
    }

    /** {@code VALIDATION}, {@code NOT_FOUND}…: the enum constant's name. */
    public String code() {
        return name();
    }

    /** The usual status of this kind; {@link #VALIDATION} is also answered with 400 (malformed field values). */
    public int status() {
        return status;
    }

    /** The English title, as in HTTP's reason phrases. */
    public String title() {
        return title;
    }

    /** The title in the catalog ({@code problem.title.VALIDATION}…), resolved in the answer's language. */
    public LocalizedText titleText() {
        return LocalizedText.of("problem.title." + name());
    }

    /** The kind of an answer known only by its status (framework exceptions, legacy constructors). */
    public static ProblemKind of(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 412 -> STALE_VERSION;
            case 413 -> TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> VALIDATION;
            case 428 -> PRECONDITION_REQUIRED;
            case 503 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : REQUEST_REFUSED;
        };
    }
}
