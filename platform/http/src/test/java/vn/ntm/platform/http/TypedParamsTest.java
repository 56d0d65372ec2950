package vn.ntm.platform.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import vn.ntm.platform.http.testing.ParamProblems;
import vn.ntm.platform.http.testing.ParamProblems.Words;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Typed query parameters: read by ParamConverters, checked by Bean Validation, refused naming the parameter. */
@QuarkusTest
class TypedParamsTest {
    private static void refused(String name, String value, String vi, String en) {
        ParamProblems.assertRefused(RestAssured::given, "/samples/search", name, value,
                new Words("Tham số tìm mẫu không hợp lệ.", vi), new Words("Invalid sample search parameters.", en));
    }

    @Test
    void theSharedCheckExpectsThisModulesValidationType() {
        org.assertj.core.api.Assertions.assertThat(ParamProblems.VALIDATION_TYPE)
                .isEqualTo(ProblemKind.VALIDATION.type());
    }

    @Test
    void readsTypedValuesWithoutSurroundingSpacesAndTakesDefaultsForEmptyOnes() {
        given().queryParam("at", " 2025-06-30 ").queryParam("tier", "ntm_nang_cao").queryParam("open", "true")
                .queryParam("size", "").get("/samples/search").then().statusCode(200)
                .body("at", equalTo("2025-06-30")).body("tier", equalTo("NTM_NANG_CAO")).body("open", equalTo(true))
                .body("size", equalTo(20)).body("id", nullValue());
    }

    @Test
    void aMalformedDateNamesTheParameterInBothLanguages() {
        refused("at", "2025-13-45", "phải là ngày dạng YYYY-MM-DD", "must be a date YYYY-MM-DD");
        refused("at", "30/06/2025", "phải là ngày dạng YYYY-MM-DD", "must be a date YYYY-MM-DD");
    }

    @Test
    void anUnknownEnumValueListsTheValues() {
        refused("tier", "GOLD", "phải là một trong NTM, NTM_NANG_CAO", "must be one of NTM, NTM_NANG_CAO");
    }

    @Test
    void aBooleanIsTrueOrFalse() {
        refused("open", "yes", "phải là true hoặc false", "must be true or false");
    }

    @Test
    void aNumberThatIsNotOneAndANumberOutOfRangeGetTheConstraintsMessage() {
        refused("size", "abc", "phải là số nguyên từ 1 đến 200", "must be a whole number from 1 to 200");
        refused("size", "0", "phải là số nguyên từ 1 đến 200", "must be a whole number from 1 to 200");
        refused("size", "201", "phải là số nguyên từ 1 đến 200", "must be a whole number from 1 to 200");
    }

    @Test
    void aParameterMayNameItsOwnMessage() {
        refused("id", "not-a-uuid", "phải là id của một mẫu", "must be the id of a sample");
    }
}
