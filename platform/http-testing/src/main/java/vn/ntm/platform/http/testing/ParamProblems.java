package vn.ntm.platform.http.testing;

import io.restassured.specification.RequestSpecification;

import java.util.function.Supplier;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * A request parameter refused by the HTTP edge, checked in both languages: 400 {@code application/problem+json} of
 * type validation with one error naming the parameter (field and pointer), the detail and the message in Vietnamese
 * (no {@code Accept-Language}) and in English.
 */
public final class ParamProblems {
    public static final String VALIDATION_TYPE = "https://ntm.gov.vn/problems/validation";

    private ParamProblems() {
    }

    /** The words of one answer: the problem's detail and the parameter's message. */
    public record Words(String detail, String message) {
    }

    /** {@code GET path} with the query parameter {@code name=value} on the request {@code base} makes. */
    public static void assertRefused(Supplier<RequestSpecification> base, String path, String name, String value,
                                     Words vi, Words en) {
        for (boolean english : new boolean[] {false, true}) {
            RequestSpecification request = base.get().queryParam(name, value);
            if (english) {
                request.header("Accept-Language", "en");
            }
            Words words = english ? en : vi;
            request.get(path).then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo(VALIDATION_TYPE)).body("code", equalTo("VALIDATION"))
                    .body("detail", equalTo(words.detail()))
                    .body("errors", hasSize(1)).body("errors[0].field", equalTo(name))
                    .body("errors[0].pointer", equalTo("/" + name))
                    .body("errors[0].message", equalTo(words.message()));
        }
    }
}
