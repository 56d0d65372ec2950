package vn.ntm.inspection;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import vn.ntm.inspection.fixtures.Api;
import vn.ntm.inspection.fixtures.Auth;
import vn.ntm.platform.http.ProblemKind;

import static org.hamcrest.Matchers.equalTo;

/** The same refusal in Vietnamese (the default) and in English (Accept-Language: en): only the words change. */
@QuarkusTest
class LanguagesTest {
    @Test
    void theSameValidationErrorInBothLanguages() {
        ValidatableResponse vi = Api.as(Auth.admin()).queryParam("status", "CLOSED").get("/inspections").then();
        ValidatableResponse en = Api.as(Auth.admin()).header("Accept-Language", "en").queryParam("status", "CLOSED")
                .get("/inspections").then();
        for (ValidatableResponse r : new ValidatableResponse[] {vi, en}) {
            r.statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo(ProblemKind.VALIDATION.type())).body("code", equalTo("VALIDATION"))
                    .body("errors[0].field", equalTo("status")).body("errors[0].pointer", equalTo("/status"));
        }
        vi.body("title", equalTo("Dữ liệu không hợp lệ")).body("detail", equalTo("Tham số truy vấn không hợp lệ."))
                .body("errors[0].message", equalTo(
                        "phải là mã một trạng thái của đợt kiểm tra (bản nháp hoặc đã hoàn tất) như tài liệu của tham số này nêu"));
        en.body("title", equalTo("Validation failed")).body("detail", equalTo("Invalid query parameters."))
                .body("errors[0].message", equalTo(
                        "must be the code of an inspection state (draft or finalized) as this parameter's documentation gives it"));
    }

    @Test
    void beanValidationMessagesOfTheServiceInBothLanguages() {
        String body = Api.inspectionBody("Kiểm tra ngôn ngữ", "06490", "2025-03-15").replace("\"06490\"", "\"0 6\"");
        Api.json().body(body).post("/inspections").then().statusCode(400)
                .body("errors.message", org.hamcrest.Matchers.hasItem(
                        "phải là mã gồm 1 đến 40 chữ cái, chữ số hoặc : . _ - (bắt đầu bằng chữ cái hoặc chữ số)"));
        Api.json().header("Accept-Language", "en").body(body).post("/inspections").then().statusCode(400)
                .body("errors.message", org.hamcrest.Matchers.hasItem(
                        "must be a code of 1 to 40 letters, digits or : . _ - (starting with a letter or digit)"));
    }
}
