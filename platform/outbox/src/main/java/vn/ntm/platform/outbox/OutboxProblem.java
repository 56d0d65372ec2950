package vn.ntm.platform.outbox;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The shape of the problem details the outbox admin endpoints answer, for their OpenAPI description. The answers
 * themselves are platform/http's ({@code ServiceException.notFound}): the same type and code as every service, the
 * title and detail in the request's language.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutboxProblem(String type, String title, int status, String detail, String instance, String code) {
    public static final String MEDIA_TYPE = "application/problem+json";
}
