package vn.ntm.inspection.inspections;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ntm.inspection.fixtures.Api;
import vn.ntm.inspection.fixtures.Auth;
import vn.ntm.inspection.fixtures.CatalogFixture;
import vn.ntm.inspection.fixtures.Db;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

/**
 * {@code PATCH /inspections/{id}}: the notice's fields of a DRAFT changed by a JSON merge patch with If-Match, with the
 * limits of the create body; a FINALIZED one never changes.
 */
@QuarkusTest
class InspectionPatchTest {
    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void registerAndCatalogAreCopied() {
        CatalogFixture.ensureSeedSet(db);
    }

    /** A DRAFT with a number, a place, a signer and two recipients. */
    private static String draft(String commune) {
        String body = Api.inspectionBody("Sửa thông báo " + UUID.randomUUID(), commune, "2024-05-10").strip();
        body = body.substring(0, body.length() - 1) + """
                , "number": "12/TB-SLĐTBXH", "place": "Lạng Sơn",
                 "signer": {"title": "GIÁM ĐỐC", "name": "Phạm Đức Huân"},
                 "recipients": ["UBND tỉnh (để báo cáo)", "Lưu: VT"]}""";
        return Api.json().body(body).post("/inspections").then().statusCode(201).extract().path("id");
    }

    private static RequestSpecification patch(String bearer, String id, String contentType) {
        return Api.as(bearer).contentType(contentType + "; charset=UTF-8").accept("application/json")
                .header("If-Match", Api.etag(id));
    }

    @Test
    void aMergePatchChangesTheGivenFieldsKeepsTheOthersAndMovesTheETag() {
        String id = draft(Api.uniqueCommune());
        String before = Api.etag(id);

        String after = patch(Auth.inspector("20"), id, MERGE_PATCH).body("""
                {"number": "245/TB-SLĐTBXH", "place": null, "signer": {"title": "KT. GIÁM ĐỐC - PHÓ GIÁM ĐỐC"},
                 "recipients": ["UBND tỉnh (để báo cáo)", "UBND huyện Chi Lăng", "Lưu: VT, P.BTXHTE"]}""")
                .patch("/inspections/" + id).then().statusCode(200).contentType("application/json")
                .body("number", equalTo("245/TB-SLĐTBXH"))
                .body("place", nullValue())
                .body("signer.title", equalTo("KT. GIÁM ĐỐC - PHÓ GIÁM ĐỐC"))
                .body("signer.name", equalTo("Phạm Đức Huân"))
                .body("recipients", equalTo(List.of("UBND tỉnh (để báo cáo)", "UBND huyện Chi Lăng",
                        "Lưu: VT, P.BTXHTE")))
                .extract().header("ETag");

        assertThat(after).isNotEqualTo(before).isEqualTo(Api.etag(id));
        Api.reader().get("/inspections/" + id).then().statusCode(200)
                .body("number", equalTo("245/TB-SLĐTBXH")).body("place", nullValue())
                .body("signer.name", equalTo("Phạm Đức Huân")).body("recipients[1]", equalTo("UBND huyện Chi Lăng"));

        // plain JSON is read the same way; a field left out is kept, null removes the signer
        patch(Auth.admin(), id, "application/json").body("{\"signer\": null, \"place\": \"Chi Lăng\"}")
                .patch("/inspections/" + id).then().statusCode(200)
                .body("signer", nullValue()).body("place", equalTo("Chi Lăng"))
                .body("number", equalTo("245/TB-SLĐTBXH"));
    }

    @Test
    void withoutIfMatch428AndAStaleOne412AndNothingChanges() {
        String id = draft(Api.uniqueCommune());
        String stale = Api.etag(id);
        patch(Auth.inspector("20"), id, MERGE_PATCH).body("{\"number\": \"1/TB\"}").patch("/inspections/" + id)
                .then().statusCode(200);

        Api.json().contentType(MERGE_PATCH).body("{\"number\": \"2/TB\"}").patch("/inspections/" + id).then()
                .statusCode(428).contentType("application/problem+json");
        Api.json().contentType(MERGE_PATCH).header("If-Match", stale).body("{\"number\": \"3/TB\"}")
                .patch("/inspections/" + id).then().statusCode(412).contentType("application/problem+json");

        assertThat(Db.string(db, "select notice_number from inspection where id = ?::uuid", id)).isEqualTo("1/TB");
    }

    @Test
    void aFinalizedInspectionIs409() {
        String commune = Api.uniqueCommune();
        String id = draft(commune);
        Api.findings(id).body(Api.findingsMeeting(List.of(1, 2, 3))).put("/inspections/" + id + "/communes/" + commune
                + "/findings").then().statusCode(200);
        Api.json().post("/inspections/" + id + "/finalize").then().statusCode(200);

        patch(Auth.inspector("20"), id, MERGE_PATCH).body("{\"number\": \"9/TB\"}").patch("/inspections/" + id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("INSPECTION_FINALIZED"));

        assertThat(Db.string(db, "select notice_number from inspection where id = ?::uuid", id))
                .isEqualTo("12/TB-SLĐTBXH");
    }

    @Test
    void badFieldsAre400NamingEachAndNothingChanges() {
        String id = draft(Api.uniqueCommune());

        patch(Auth.inspector("20"), id, MERGE_PATCH).body("""
                {"number": "%s", "recipients": ["UBND tỉnh", " "], "signer": {"title": "%s", "chucVu": "x"},
                 "place": 7}""".formatted("1".repeat(101), "x".repeat(501)))
                .patch("/inspections/" + id).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("number", "recipients[1]", "signer.title", "signer.chucVu", "place"));
        patch(Auth.inspector("20"), id, MERGE_PATCH).body("{\"title\": \"Đổi tên\"}").patch("/inspections/" + id)
                .then().statusCode(400).contentType("application/problem+json");
        patch(Auth.inspector("20"), id, MERGE_PATCH).body("{\"number\": ").patch("/inspections/" + id)
                .then().statusCode(400).contentType("application/problem+json");
        patch(Auth.inspector("20"), id, MERGE_PATCH).body("{\"recipients\": \"Lưu: VT\"}")
                .patch("/inspections/" + id).then().statusCode(400).body("errors.field", hasItem("recipients"));

        assertThat(Db.string(db, "select notice_number from inspection where id = ?::uuid", id))
                .isEqualTo("12/TB-SLĐTBXH");
    }

    @Test
    void onlyWhoMayEditTheInspectionPatchesIt() {
        String id = draft(Api.uniqueCommune());

        patch(Auth.viewer("20"), id, MERGE_PATCH).body("{\"number\": \"9/TB\"}").patch("/inspections/" + id)
                .then().statusCode(403);
        patch(Auth.inspector("01"), id, MERGE_PATCH).body("{\"number\": \"9/TB\"}").patch("/inspections/" + id)
                .then().statusCode(404);
        patch(null, id, MERGE_PATCH).body("{\"number\": \"9/TB\"}").patch("/inspections/" + id)
                .then().statusCode(401);
        Api.as(Auth.inspector("20")).contentType(MERGE_PATCH).header("If-Match", "\"1\"").body("{}")
                .patch("/inspections/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");

        assertThat(Db.string(db, "select notice_number from inspection where id = ?::uuid", id))
                .isEqualTo("12/TB-SLĐTBXH");
    }
}
