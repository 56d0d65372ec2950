package vn.ntm.platform.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Problems speak Vietnamese unless the request prefers English; type, code and pointers never change. */
@QuarkusTest
class LanguagesTest {
    static RequestSpecification in(String language) {
        RequestSpecification request = given();
        return language == null ? request : request.header("Accept-Language", language);
    }

    static ValidatableResponse post(String language, String body) {
        return in(language).contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/samples").then().contentType(HttpEdgeTest.PROBLEM);
    }

    @Test
    void theSameValidationErrorInBothLanguages() {
        String body = "{\"title\":\"" + "x".repeat(41) + "\",\"year\":\"soon\",\"items\":[]}";
        // year is read by Jackson before Bean Validation: send one error of each kind in turn
        ValidatableResponse vi = post(null, body).statusCode(400);
        ValidatableResponse en = post("en", body).statusCode(400);
        for (ValidatableResponse r : new ValidatableResponse[] {vi, en}) {
            r.body("type", equalTo(ProblemKind.VALIDATION.type())).body("code", equalTo("VALIDATION"))
                    .body("errors[0].field", equalTo("year")).body("errors[0].pointer", equalTo("/year"));
        }
        vi.body("title", equalTo("Dữ liệu không hợp lệ"))
                .body("detail", equalTo("Yêu cầu có trường không hợp lệ."))
                .body("errors[0].message", equalTo("'soon' không phải là một số nguyên"));
        en.body("title", equalTo("Validation failed"))
                .body("detail", equalTo("The request has invalid fields."))
                .body("errors[0].message", equalTo("'soon' is not an integer"));

        String tooLong = "{\"title\":\"" + "x".repeat(41) + "\",\"items\":[]}";
        post("vi-VN", tooLong).statusCode(400).body("errors[0].pointer", equalTo("/title"))
                .body("errors[0].message", equalTo("tiêu đề dài hơn 40 ký tự"));
        post("en-GB,en;q=0.8", tooLong).statusCode(400).body("errors[0].pointer", equalTo("/title"))
                .body("errors[0].message", equalTo("the title is longer than 40 characters"));
        post("en", "{\"title\":\" \",\"items\":[]}").statusCode(400)
                .body("errors[0].message", equalTo("must not be blank"));
        post(null, "{\"title\":\" \",\"items\":[]}").statusCode(400)
                .body("errors[0].message", equalTo("không được để trống"));
    }

    @Test
    void anyOtherLanguageGetsVietnamese() {
        in("fr-FR, de;q=0.8").get("/samples/refusals/NOT_FOUND").then().statusCode(404)
                .body("title", equalTo("Không tìm thấy")).body("detail", equalTo("Không có mẫu 7."));
        in("en").get("/samples/refusals/NOT_FOUND").then().statusCode(404)
                .body("title", equalTo("Not Found")).body("detail", equalTo("No sample 7."));
    }

    @Test
    void serviceRefusalsKeepTheirSpecificCodeInBothLanguages() {
        in(null).get("/samples/specific").then().statusCode(409).body("code", equalTo("TRANSITION_NOT_ALLOWED"))
                .body("title", equalTo("Xung đột trạng thái")).body("detail", equalTo("OPEN không thể chuyển sang DONE."));
        in("en").get("/samples/specific").then().statusCode(409).body("code", equalTo("TRANSITION_NOT_ALLOWED"))
                .body("title", equalTo("Conflict")).body("detail", equalTo("OPEN cannot become DONE."));
        in("en").get("/samples/refusals/VALIDATION").then().statusCode(422)
                .body("errors[0].message", equalTo("code X9 is unknown"));
        in(null).get("/samples/refusals/VALIDATION").then().statusCode(422)
                .body("errors[0].message", equalTo("mã X9 không tồn tại"));
    }

    @Test
    void answersGivenBeforeJaxRsSpeakBothLanguages() {
        in(null).get("/nothing/here").then().statusCode(404).contentType(HttpEdgeTest.PROBLEM)
                .body("detail", equalTo("Không có tài nguyên tại /nothing/here."));
        in("en").get("/nothing/here").then().statusCode(404)
                .body("detail", equalTo("No resource at /nothing/here."));
        in(null).delete("/samples/1").then().statusCode(405).body("title", equalTo("Phương thức không được phép"));
        in("en").delete("/samples/1").then().statusCode(405).body("title", equalTo("Method Not Allowed"));
        in(null).get("/guarded").then().statusCode(401).body("title", equalTo("Chưa xác thực"));
        in("en").get("/guarded").then().statusCode(401).body("title", equalTo("Unauthorized"));
        in(null).get("/samples/1?q=" + "a".repeat(9000)).then().statusCode(414)
                .body("detail", equalTo("Địa chỉ yêu cầu dài hơn 8.192 ký tự."));
        in("en").get("/samples/1?q=" + "a".repeat(9000)).then().statusCode(414)
                .body("detail", equalTo("The request target is longer than 8,192 characters."));
        byte[] big = ("{\"title\":\"" + "x".repeat(3000) + "\",\"items\":[]}").getBytes(StandardCharsets.UTF_8);
        in(null).contentType(ContentType.JSON).body(big).post("/samples").then().statusCode(413)
                .body("detail", equalTo("Nội dung yêu cầu lớn hơn 2 KB, mức tối đa dịch vụ này nhận."));
        in("en").contentType(ContentType.JSON).body(big).post("/samples").then().statusCode(413)
                .body("detail", equalTo("The request body is larger than 2 KB, the most this service accepts."));
        in(null).body(HttpEdgeTest.VALID.getBytes(StandardCharsets.UTF_8)).post("/samples").then().statusCode(415)
                .body("detail", equalTo("Kiểu nội dung không được hỗ trợ; hãy gửi application/json."));
        in("en").body(HttpEdgeTest.VALID.getBytes(StandardCharsets.UTF_8)).post("/samples").then().statusCode(415)
                .body("detail", equalTo("Unsupported content type; send application/json."));
    }

    @Test
    void strictJsonRefusalsSpeakBothLanguages() {
        post(null, "{\"title\":\"a\",\"title\":\"b\",\"items\":[]}").statusCode(400)
                .body("detail", equalTo("Nội dung yêu cầu không phải JSON hợp lệ: trường 'title' xuất hiện hai lần."));
        post("en", "{\"title\":\"a\",\"title\":\"b\",\"items\":[]}").statusCode(400)
                .body("detail", equalTo("The request body is not well-formed JSON: the field 'title' appears twice."));
        String vi = post(null, "{\"title\":\"a\\u0000b\",\"items\":[]}").statusCode(400)
                .body("errors[0].pointer", equalTo("/title")).extract().path("errors[0].message");
        String en = post("en", "{\"title\":\"a\\u0000b\",\"items\":[]}").statusCode(400)
                .body("errors[0].pointer", equalTo("/title")).extract().path("errors[0].message");
        assertThat(vi).isEqualTo("không được chứa U+0000 hoặc surrogate không ghép cặp");
        assertThat(en).isEqualTo("must not contain U+0000 or unpaired surrogates");
    }
}
