package vn.ntm.inspection.inspections;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ntm.inspection.fixtures.Api;
import vn.ntm.inspection.fixtures.Auth;
import vn.ntm.inspection.fixtures.Bodies;
import vn.ntm.inspection.fixtures.CatalogFixture;
import vn.ntm.inspection.fixtures.Db;
import vn.ntm.inspection.fixtures.RegisterFixture;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Inspections checked against the local register copy as of {@code inspectedOn} (issue 12 item 2, issue 10 item 2). */
@QuarkusTest
class RegisterScopeTest {

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void registerAndCatalogAreCopied() {
        CatalogFixture.ensureSeedSet(db);
    }

    private long titled(ObjectNode body) {
        return Db.count(db, "select count(*) from inspection where title = ?", body.get("title").asText());
    }

    @Test
    void a2022InspectionOfThuongCuongIsAcceptedWithTheRegistersNames() {
        ObjectNode body = Bodies.inspection("2022-07-20", "20", "187", "06490", "06523=Chi Lăng");
        Api.json().body(body.toString()).post("/inspections").then().statusCode(201)
                .body("province.name", equalTo("Tỉnh Lạng Sơn"))
                .body("district.name", equalTo("Huyện Chi Lăng"))
                .body("communes[0].name", equalTo("Xã Thượng Cường"))
                .body("communes[1].name", equalTo("Xã Chi Lăng"));
    }

    @Test
    void a2026InspectionOfThuongCuongIsRefusedBecauseTheCommuneNoLongerExists() {
        ObjectNode body = Bodies.inspection("2026-03-01", "20", null, "06490");
        Api.json().body(body.toString()).post("/inspections").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("communes[0].code"))
                .body("errors[0].message", allOf(containsString("06490"), containsString("01/03/2026")))
                .body("code", equalTo("UNIT_NOT_VALID_ON_DATE"));
        assertThat(titled(body)).isZero();
    }

    @Test
    void aPostReorganisationInspectionNamesNoDistrict() {
        ObjectNode withDistrict = Bodies.inspection("2026-03-01", "20", "187", "06475");
        Api.json().body(withDistrict.toString()).post("/inspections").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("district"));
        assertThat(titled(withDistrict)).isZero();

        // 06475 was Xã Gia Lộc until 2025-06-30 and is Xã Bằng Mạc since
        Api.json().body(Bodies.inspection("2026-03-01", "20", null, "06475").toString()).post("/inspections")
                .then().statusCode(201)
                .body("district", nullValue())
                .body("communes[0].name", equalTo("Xã Bằng Mạc"));
        Api.json().body(Bodies.inspection("2024-03-01", "20", "187", "06475").toString()).post("/inspections")
                .then().statusCode(201)
                .body("communes[0].name", equalTo("Xã Gia Lộc"));
    }

    @Test
    void naming06604AsThuongCuongIsRefusedWithBothNames() {
        ObjectNode body = Bodies.inspection("2022-07-20", "20", "187", "06604=Xã Thượng Cường");
        Api.json().body(body.toString()).post("/inspections").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.message", hasItem(allOf(containsString("Xã Nam Quan"),
                        containsString("Xã Thượng Cường"))))
                .body("errors.field", hasItem("communes[0].name"))
                .body("errors.field", hasItem("communes[0].code"));
        assertThat(titled(body)).isZero();
    }

    @Test
    void inspectorOfProvince20NamingACommuneOfAnotherProvinceIsRefused() {
        ObjectNode body = Bodies.inspection("2023-01-01", "20", null, "00001");
        Api.json().body(body.toString()).post("/inspections").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("communes[0].code"))
                .body("errors[0].message", containsString("tỉnh 01")).body("code", equalTo("UNIT_OUTSIDE_SCOPE"));
        ObjectNode district = Bodies.inspection("2023-01-01", "20", "001", "00001");
        Api.json().body(district.toString()).post("/inspections").then().statusCode(422)
                .body("errors.field", hasItem("district.code"));
        assertThat(titled(body) + titled(district)).isZero();
    }

    @Test
    void organisationsOfAnotherProvinceAreRefused() {
        ObjectNode lead = Bodies.inspection("2023-01-01", "20", null, Api.uniqueCommune());
        ((ObjectNode) lead.get("leadAgency")).put("code", "01:NNPTNT");
        Api.json().body(lead.toString()).post("/inspections").then().statusCode(422)
                .body("errors[0].field", equalTo("leadAgency.code"));
        ObjectNode participant = Bodies.inspection("2023-01-01", "20", null, Api.uniqueCommune());
        participant.putArray("participants").addObject().put("type", "UBND_XA").put("code", "00001")
                .put("name", "UBND phường Phúc Xá");
        Api.json().body(participant.toString()).post("/inspections").then().statusCode(422)
                .body("errors[0].field", equalTo("participants[0].code"))
                .body("errors[0].message", containsString("ngoài tỉnh 20"));
        assertThat(titled(lead) + titled(participant)).isZero();
    }

    @Test
    void recommendationAssignedToUbndXaOfAnotherProvinceIsRefused() {
        String commune = Api.uniqueCommune();
        String id = Api.json().body(Api.inspectionBody("Assignee " + UUID.randomUUID(), commune, "2023-01-01"))
                .post("/inspections").then().statusCode(201).extract().path("id");
        Api.json().body("{\"assignee\": {\"type\": \"UBND_XA\", \"code\": \"00001\", \"name\": \"UBND phường Phúc Xá\"},"
                        + " \"content\": \"Ngoài tỉnh\"}")
                .post("/inspections/" + id + "/recommendations").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("assignee.code"))
                .body("errors[0].message", containsString("Phường Phúc Xá"));
        Api.json().body("{\"assignee\": {\"type\": \"VP_DIEU_PHOI\", \"code\": \"01\", \"name\": \"VP Hà Nội\"},"
                        + " \"content\": \"Ngoài tỉnh\"}")
                .post("/inspections/" + id + "/recommendations").then().statusCode(422);
        Api.findings(id).body("[{\"criterion\": 1, \"result\": \"NOT_MET\", \"responsible\": [{\"type\": \"SO_NGANH\","
                        + " \"code\": \"01:GTVT\", \"name\": \"Sở GTVT Hà Nội\"}]}]")
                .put("/inspections/" + id + "/communes/" + commune + "/findings").then().statusCode(422)
                .body("errors[0].field", equalTo("findings[0].responsible[0].code"));
        assertThat(Db.count(db, "select count(*) from recommendation where inspection_id = ?::uuid", id)).isZero();
        assertThat(Db.count(db, "select count(*) from finding f join inspection_commune c on c.id = f.commune_id"
                + " where c.inspection_id = ?::uuid", id)).isZero();

        // an administrator is not bound to a province
        Api.json(Auth.admin()).body("{\"assignee\": {\"type\": \"UBND_XA\", \"code\": \"00001\", \"name\":"
                        + " \"UBND phường Phúc Xá\"}, \"content\": \"Phối hợp\"}")
                .post("/inspections/" + id + "/recommendations").then().statusCode(201);
    }

    @Test
    void aRedeliveredRegisterEventIsAppliedOnceAndAProvinceIsReplacedWholesale() {
        String eventId = UUID.randomUUID().toString();
        String first = "{\"registerVersion\": \"t1\", \"provinceCode\": \"T9\", \"units\": ["
                + "{\"code\": \"T9\", \"name\": \"Tỉnh Thử\", \"type\": \"Tỉnh\", \"level\": \"province\","
                + " \"parentCode\": null, \"provinceCode\": \"T9\", \"validFrom\": \"1900-01-01\", \"validTo\": null},"
                + "{\"code\": \"T9001\", \"name\": \"Xã Một\", \"type\": \"Xã\", \"level\": \"commune\","
                + " \"parentCode\": \"T9\", \"provinceCode\": \"T9\", \"validFrom\": \"1900-01-01\", \"validTo\": null}],"
                + " \"successions\": []}";
        CatalogFixture.send("admin-units:T9", first, eventId, RegisterFixture.TYPE);
        await().atMost(Duration.ofSeconds(60)).until(() -> Db.count(db,
                "select count(*) from admin_unit where province_code = 'T9'") == 2);
        // a redelivery whose body differs changes nothing
        CatalogFixture.send("admin-units:T9", first.replace("Xã Một", "Xã Khác"), eventId, RegisterFixture.TYPE);
        String second = first.replace(",{\"code\": \"T9001\", \"name\": \"Xã Một\", \"type\": \"Xã\", \"level\":"
                + " \"commune\", \"parentCode\": \"T9\", \"provinceCode\": \"T9\", \"validFrom\": \"1900-01-01\","
                + " \"validTo\": null}", "").replace("\"t1\"", "\"t2\"");
        CatalogFixture.send("admin-units:T9", second, UUID.randomUUID().toString(), RegisterFixture.TYPE);
        await().atMost(Duration.ofSeconds(60)).until(() -> Db.count(db,
                "select count(*) from admin_unit where province_code = 'T9'") == 1);
        assertThat(Db.string(db, "select register_version from admin_unit_province where province_code = 'T9'"))
                .isEqualTo("t2");
        assertThat(Db.count(db, "select count(*) from admin_unit where name = 'Xã Khác'")).isZero();
        assertThat(Db.count(db, "select count(*) from processed_event where event_id = ?::uuid", eventId))
                .isEqualTo(1);
    }

    @Test
    void anEmptyRegisterCopyAnswers503WithRetryAfterUntilCriteriaServiceAnnouncesIt() {
        Db.count(db, "with gone as (delete from admin_unit returning 1) select count(*) from gone");
        try {
            ObjectNode body = Bodies.inspection("2022-07-20", "20", "187", "06490");
            Api.json().body(body.toString()).post("/inspections").then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue()).body("code", equalTo("REGISTER_NOT_LOADED"))
                    .body("detail", containsString("danh mục đơn vị hành chính"));
            assertThat(titled(body)).isZero();
        } finally {
            RegisterFixture.publishAll();
            RegisterFixture.awaitLoaded(db);
        }
        Api.json().body(Bodies.inspection("2022-07-20", "20", "187", "06490").toString()).post("/inspections")
                .then().statusCode(201);
    }
}
