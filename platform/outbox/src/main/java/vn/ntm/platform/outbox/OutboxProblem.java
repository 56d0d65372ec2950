package vn.ntm.platform.outbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import vn.ntm.platform.i18n.LocalizedText;

import java.util.Locale;

/**
 * The problem details the outbox admin endpoints answer: the same {@code type} and {@code code} as every service's
 * (platform/http's list), the title and detail in the request's language. The module answers them itself, so it
 * needs no HTTP edge of its own.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OutboxProblem(String type, String title, int status, String detail, String instance, String code) {
    public static final String MEDIA_TYPE = "application/problem+json";

    /** A 404: the type and code of platform/http's {@code not-found} kind. */
    static OutboxProblem notFound(String detail, String instance, Locale language) {
        return new OutboxProblem("https://ntm.gov.vn/problems/not-found",
                LocalizedText.of("outbox.problem.notFoundTitle").in(language), 404, detail, instance, "NOT_FOUND");
    }
}
