package vn.ntm.task;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import vn.ntm.platform.http.ProblemKind;

import static org.hamcrest.Matchers.equalTo;
import static vn.ntm.task.Auth.asAdmin;

/** The same refusal in Vietnamese (the default) and in English (Accept-Language: en): only the words change. */
@QuarkusTest
class LanguagesTest {
    @Test
    void theSameValidationErrorInBothLanguages() {
        ValidatableResponse vi = asAdmin().queryParam("size", "0").when().get("/tasks").then();
        ValidatableResponse en = asAdmin().header("Accept-Language", "en").queryParam("size", "0")
                .when().get("/tasks").then();
        for (ValidatableResponse r : new ValidatableResponse[] {vi, en}) {
            r.statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo(ProblemKind.VALIDATION.type())).body("code", equalTo("VALIDATION"))
                    .body("errors[0].field", equalTo("size")).body("errors[0].pointer", equalTo("/size"));
        }
        vi.body("title", equalTo("Dữ liệu không hợp lệ"))
                .body("detail", equalTo("Tham số truy vấn nhiệm vụ không hợp lệ."))
                .body("errors[0].message", equalTo("phải là số nguyên từ 1 đến 200"));
        en.body("title", equalTo("Validation failed"))
                .body("detail", equalTo("Invalid task query parameters."))
                .body("errors[0].message", equalTo("must be a whole number from 1 to 200"));
    }

    @Test
    void aRefusalOfTheServiceLayerInBothLanguages() {
        String id = "00000000-0000-0000-0000-000000000000";
        asAdmin().when().get("/tasks/" + id).then().statusCode(404).body("code", equalTo("NOT_FOUND"))
                .body("title", equalTo("Không tìm thấy")).body("detail", equalTo("Không có nhiệm vụ này."))
                .body("instance", equalTo("/tasks/" + id));
        asAdmin().header("Accept-Language", "en-GB").when().get("/tasks/" + id).then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"))
                .body("title", equalTo("Not Found")).body("detail", equalTo("No such task."));
    }
}
