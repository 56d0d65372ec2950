package vn.ntm.inspection;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.ntm.inspection.fixtures.Api;
import vn.ntm.inspection.fixtures.Auth;
import vn.ntm.platform.http.testing.ParamProblems;
import vn.ntm.platform.http.testing.ParamProblems.Words;

import static org.hamcrest.Matchers.equalTo;

/** Query parameters read as their types: a value that is not one is a 400 naming the parameter, in vi and en. */
@QuarkusTest
class TypedQueryParamsTest {
    private static void refused(String name, String value, String vi, String en) {
        ParamProblems.assertRefused(() -> Api.as(Auth.admin()), "/inspections", name, value,
                new Words("Tham số truy vấn không hợp lệ.", vi), new Words("Invalid query parameters.", en));
    }

    @Test
    void aYearOrSizeThatIsNotANumberOrOutOfRangeIsNamed() {
        refused("year", "abc", "phải là số nguyên từ 2000 đến 2100", "must be a whole number between 2000 and 2100");
        refused("year", "1999", "phải là số nguyên từ 2000 đến 2100", "must be a whole number between 2000 and 2100");
        refused("size", "0", "phải là số nguyên từ 1 đến 100", "must be a whole number between 1 and 100");
        refused("page", "x", "phải là số nguyên từ 0 đến 100000", "must be a whole number between 0 and 100000");
    }

    @Test
    void anUnknownStatusIsNamedAndAnyCaseOfAKnownOneIsRead() {
        refused("status", "CLOSED", "phải là DRAFT hoặc FINALIZED", "must be DRAFT or FINALIZED");
        Api.as(Auth.admin()).queryParam("status", "finalized").queryParam("size", "1").get("/inspections").then()
                .statusCode(200).body("size", equalTo(1));
    }
}
