package vn.ntm.platform.outbox;

import com.fasterxml.jackson.annotation.JsonInclude;

/** RFC 9457 problem details answered by the outbox admin endpoints. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutboxProblem(String type, String title, int status, String detail, String instance) {
    public static final String MEDIA_TYPE = "application/problem+json";
}
