package vn.ntm.platform.outbox;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * RFC 9457 problem details answered by the outbox admin endpoints, with the stable type and code every service uses
 * for the kind (platform/http's {@code ProblemKind}; not a dependency, since its HTTP edge would then apply to any
 * application using the outbox, and the same URI is all a client needs).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutboxProblem(String type, String title, int status, String detail, String instance, String code) {
    public static final String MEDIA_TYPE = "application/problem+json";

    /** platform/http's {@code ProblemKind.NOT_FOUND}. */
    static final String NOT_FOUND_TYPE = "https://ntm.gov.vn/problems/not-found";

    static OutboxProblem notFound(String detail, String instance) {
        return new OutboxProblem(NOT_FOUND_TYPE, "Not Found", 404, detail, instance, "NOT_FOUND");
    }
}
