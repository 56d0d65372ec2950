package vn.ntm.criteria;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import vn.ntm.platform.http.testing.ParamProblems.Words;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static vn.ntm.platform.http.testing.ParamProblems.assertRefused;

/** Query parameters read as their types: a value that is not one is a 400 naming the parameter, in vi and en. */
@QuarkusTest
class TypedQueryParamsTest {
    private static final String LIST_VI = "Truy vấn có tham số không hợp lệ.";
    private static final String LIST_EN = "The query has invalid parameters.";

    @Test
    void aSizeThatIsNotANumberOrOutOfRangeGetsTheSameMessage() {
        for (String size : new String[] {"abc", "0", "201"}) {
            assertRefused(RestAssured::given, "/admin-units", "size", size,
                    new Words(LIST_VI, "phải là số nguyên từ 1 đến 200"),
                    new Words(LIST_EN, "must be a whole number from 1 to 200"));
        }
        assertRefused(RestAssured::given, "/admin-units", "page", "-1",
                new Words(LIST_VI, "phải là số nguyên từ 0 đến 100.000 (trang đầu tiên là 0)"),
                new Words(LIST_EN, "must be a whole number from 0 to 100,000 (the first page is 0)"));
    }

    @Test
    void anImpossibleDateAndAnUnknownLevelAreNamed() {
        assertRefused(RestAssured::given, "/admin-units/06490", "at", "2025-13-45",
                new Words("Yêu cầu có tham số không hợp lệ.", "phải là ngày dạng YYYY-MM-DD"),
                new Words("The request has invalid parameters.", "must be a date YYYY-MM-DD"));
        assertRefused(RestAssured::given, "/admin-units", "level", "village",
                new Words(LIST_VI, "phải là province, district hoặc commune"),
                new Words(LIST_EN, "must be province, district or commune"));
    }

    @Test
    void emptyAndPaddedValuesAreReadAsBefore() {
        given().queryParam("size", "").queryParam("level", " commune ").queryParam("at", "2022-07-20")
                .get("/admin-units").then().statusCode(200).body("size", equalTo(50)).body("page", equalTo(0));
    }
}
