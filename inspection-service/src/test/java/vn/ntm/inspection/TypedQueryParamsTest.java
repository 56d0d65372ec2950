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
        refused("page", "x", "phải là số nguyên từ 0 đến 100.000 (trang đầu tiên là 0)",
                "must be a whole number between 0 and 100,000 (the first page is 0)");
    }

    @Test
    void anUnknownStatusIsNamedAndAnyCaseOfAKnownOneIsRead() {
        refused("status", "CLOSED",
                "phải là mã một trạng thái của đợt kiểm tra (bản nháp hoặc đã hoàn tất) như tài liệu của tham số này nêu",
                "must be the code of an inspection state (draft or finalized) as this parameter's documentation gives it");
        Api.as(Auth.admin()).queryParam("status", "finalized").queryParam("size", "1").get("/inspections").then()
                .statusCode(200).body("size", equalTo(1));
    }
}
