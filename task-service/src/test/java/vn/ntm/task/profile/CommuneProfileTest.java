package vn.ntm.task.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.AdminUnitsChanged;
import vn.ntm.contracts.CriteriaSetPublished;
import vn.ntm.contracts.InspectionFinalized;
import vn.ntm.task.Auth;
import vn.ntm.task.Fixtures;
import vn.ntm.task.RegisterFixture;
import vn.ntm.task.intake.InspectionEventBatch;
import vn.ntm.task.register.RegisterCopyService;
import vn.ntm.task.rules.CatalogCopyService;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code GET /communes/{code}/profile} on Lạng Sơn's real register (DOMAIN.md §6, §8): Xã Thượng Cường (06490) and
 * Xã Gia Lộc (06475 until 2025-06-30) merged with others into Xã Bằng Mạc (06475 since 2025-07-01). Inspections are
 * handed to the intake as its consumer does (finalized, then corrected); the register and catalog copies are applied
 * directly and the register copy removed afterwards, as other register tests do.
 */
@QuarkusTest
class CommuneProfileTest {
    private static final String SET = "XA_NTM_2021_2025";
    private static final String PROBLEM = "application/problem+json";

    @Inject
    InspectionEventBatch inspections;
    @Inject
    RegisterCopyService register;
    @Inject
    CatalogCopyService catalog;
    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void langSonRegisterAndTheCatalogWithNoEarlierInspectionOfTheSeedCommunes() throws Exception {
        register.apply(UUID.randomUUID(), Fixtures.JSON.readValue(RegisterFixture.langSon(), AdminUnitsChanged.class));
        catalog.apply(UUID.randomUUID(), Fixtures.JSON.readValue(
                Fixtures.resource("/contracts/golden/criteria-set-published.json"), CriteriaSetPublished.class));
        Fixtures.forgetSeedHistory(); // the visits of 06490's and 06523's lineages other tests recorded
    }

    /**
     * Other test classes create tasks of the seed's (ceased) units: leave no register copy behind, nor findings and
     * lineage work of the seed communes' lineages that their inspections would continue.
     */
    @AfterEach
    void noRegisterCopyNorSeedLineageHistory() {
        Fixtures.forgetSeedHistory();
        RegisterFixture.deleteCopy(dataSource);
    }

    @Test
    void bangMacsProfileFollowsThuongCuongsInspectionAcrossTheMergerKeepsUnassessedResultsAndTakesTheCorrection() {
        // the inspections' lead agency verifies their tasks and so sees them: a department of its own, so that the
        // open work it reads is this test's, not the seed communes' work other test classes left behind
        String agency = "20:HS" + System.nanoTime() % 1_000_000;
        String verifier = Auth.org("SO_NGANH:" + agency);
        UUID thuongCuong2022 = UUID.randomUUID();
        finalized(ledBy(agency, Fixtures.oneCommuneInspection(thuongCuong2022, "2022-07-20", "06490", null,
                Map.of(1, "MET", 2, "NOT_MET", 5, "MET", 17, "NOT_MET"))));
        // a follow-up of Bằng Mạc re-checks only the criteria not met: the others are NOT_ASSESSED
        UUID followUp = UUID.randomUUID();
        ObjectNode recheck = Fixtures.oneCommuneInspection(followUp, "2025-09-01", "06475", null,
                Map.of(1, "NOT_ASSESSED", 2, "NOT_MET", 5, "NOT_ASSESSED", 17, "MET"));
        finalized(ledBy(agency, recheck));

        JsonPath profile = profile(Auth.admin(), "06475", null);
        assertThat(profile.getString("commune.name")).isEqualTo("Xã Bằng Mạc");
        assertThat(profile.getString("commune.validFrom")).isEqualTo("2025-07-01");
        assertThat(profile.getString("commune.provinceCode")).isEqualTo("20");
        assertThat(profile.getString("commune.districtCode")).isNull();
        assertThat(profile.<String>getList("lineage.predecessors.code"))
                .containsExactlyInAnyOrder("06475", "06487", "06490", "06493");
        Map<String, Object> tc = predecessor(profile, "06490");
        assertThat(tc).containsEntry("name", "Xã Thượng Cường").containsEntry("validTo", "2025-06-30")
                .containsEntry("effectiveOn", "2025-07-01").containsEntry("legalBasis", RegisterFixture.LEGAL_BASIS);
        assertThat(profile.<Object>getList("lineage.successors")).isEmpty();

        // the 2022 result of criteria 1 and 5 stands: the follow-up did not assess them
        assertThat(criterion(profile, 1)).containsEntry("result", "MET").containsEntry("resultLabel", "Đạt")
                .containsEntry("inspectionId", thuongCuong2022.toString()).containsEntry("inspectedOn", "2022-07-20")
                .containsEntry("communeCode", "06490").containsEntry("name", "Quy hoạch")
                .containsEntry("criteriaSet", SET);
        assertThat(criterion(profile, 5)).containsEntry("result", "MET")
                .containsEntry("inspectionId", thuongCuong2022.toString());
        assertThat(criterion(profile, 17)).containsEntry("result", "MET")
                .containsEntry("inspectionId", followUp.toString()).containsEntry("communeCode", "06475");
        assertThat(criterion(profile, 2)).containsEntry("result", "NOT_MET").containsEntry("resultLabel", "Chưa đạt")
                .containsEntry("inspectionId", followUp.toString());
        assertThat(criterion(profile, 19)).containsEntry("result", "NOT_ASSESSED").containsEntry("inspectionId", null);
        assertThat(profile.getList("criteria")).hasSize(19);
        assertThat(profile.getInt("tier.met")).isEqualTo(3);
        assertThat(profile.getInt("tier.total")).isEqualTo(19);
        assertThat(profile.getString("tier.reached")).isNull();
        assertThat(profile.getString("tier.targeted")).isEqualTo("NTM");
        assertThat(profile.getString("tier.targetedLabel")).isEqualTo("nông thôn mới");

        assertThat(profile.<String>getList("inspections.inspectionId"))
                .containsExactly(thuongCuong2022.toString(), followUp.toString());
        assertThat(profile.<String>getList("inspections.lineage")).containsExactly("PREDECESSOR", "SELF");
        assertThat(profile.<String>getList("inspections.communeCode")).containsExactly("06490", "06475");
        assertThat(profile.<Integer>getList("inspections.met")).containsExactly(2, 1);
        assertThat(profile.<Integer>getList("inspections.notAssessed")).containsExactly(0, 2);
        assertThat(profile.getString("inspections[0].leadAgency.code")).isEqualTo(agency);

        // the open work follows the successor: Thượng Cường's criterion-2 work is now Bằng Mạc's; criterion 17 settled
        List<String> criterion2 = taskIds(thuongCuong2022, 2);
        assertThat(criterion2).isNotEmpty();
        JsonPath verifiers = profile(verifier, "06475", null);
        assertThat(openWork(verifiers)).containsKeys(criterion2.toArray(String[]::new));
        assertThat(openWork(verifiers)).doesNotContainKeys(taskIds(thuongCuong2022, 17).toArray(String[]::new));
        assertThat(openWork(verifiers).values()).allSatisfy(t -> assertThat(t.get("criterion")).isNotEqualTo(17));
        Map<String, Object> commune = openWork(verifiers).values().stream()
                .filter(t -> criterion2.contains((String) t.get("taskId")) && "UBND_XA".equals(t.get("assigneeType")))
                .findFirst().orElseThrow();
        assertThat(commune).containsEntry("assigneeCode", "06475").containsEntry("communeCode", "06490")
                .containsEntry("status", "OPEN").containsEntry("statusLabel", "Mới giao");
        assertThat(commune.get("dueDate")).isNotNull();

        // read before the follow-up: the 2022 findings
        JsonPath before = profile(Auth.admin(), "06475", "2025-08-01");
        assertThat(criterion(before, 17)).containsEntry("result", "NOT_MET")
                .containsEntry("inspectionId", thuongCuong2022.toString());
        assertThat(before.<String>getList("inspections.inspectionId")).containsExactly(thuongCuong2022.toString());

        // a correction (đính chính) of the follow-up: criterion 2 was met after all
        corrected(followUp, 2, ledBy(agency, Fixtures.oneCommuneInspection(followUp, "2025-09-01", "06475", null,
                Map.of(1, "NOT_ASSESSED", 2, "MET", 5, "NOT_ASSESSED", 17, "MET"))));
        JsonPath after = profile(verifier, "06475", null);
        assertThat(criterion(after, 2)).containsEntry("result", "MET").containsEntry("inspectionId", followUp.toString());
        assertThat(after.<Integer>getList("inspections.findingsVersion")).containsExactly(1, 2);
        assertThat(openWork(after)).doesNotContainKeys(criterion2.toArray(String[]::new));
    }

    @Test
    void theCode06475Read2024IsXaGiaLocWhoseSuccessorIsBangMacAndWhoseHistoryHoldsNoThuongCuongInspection() {
        UUID thuongCuong = UUID.randomUUID();
        finalized(Fixtures.oneCommuneInspection(thuongCuong, "2022-07-20", "06490", null, Map.of(1, "MET")));
        UUID giaLoc = UUID.randomUUID();
        finalized(Fixtures.oneCommuneInspection(giaLoc, "2023-05-04", "06475", null, Map.of(1, "NOT_MET")));

        JsonPath profile = profile(Auth.viewer("20"), "06475", "2024-01-01");
        assertThat(profile.getString("commune.name")).isEqualTo("Xã Gia Lộc");
        assertThat(profile.getString("commune.districtCode")).isEqualTo("187");
        assertThat(profile.getString("commune.validTo")).isEqualTo("2025-06-30");
        assertThat(profile.<Object>getList("lineage.predecessors")).isEmpty();
        assertThat(profile.<String>getList("lineage.successors.code")).containsExactly("06475");
        assertThat(profile.<String>getList("lineage.successors.name")).containsExactly("Xã Bằng Mạc");
        assertThat(profile.<String>getList("lineage.successors.effectiveOn")).containsExactly("2025-07-01");
        assertThat(profile.<String>getList("inspections.inspectionId")).containsExactly(giaLoc.toString());
        assertThat(profile.<String>getList("inspections.lineage")).containsExactly("SELF");
        assertThat(criterion(profile, 1)).containsEntry("result", "NOT_MET");

        JsonPath thuongCuongProfile = profile(Auth.viewer("20"), "06490", "2024-01-01");
        assertThat(thuongCuongProfile.<String>getList("lineage.successors.code")).containsExactly("06475");
        assertThat(thuongCuongProfile.<String>getList("inspections.inspectionId"))
                .containsExactly(thuongCuong.toString());
    }

    @Test
    void aCommuneMeetingEveryCriterionOfItsSetHasReachedTheSetsTier() {
        Map<Integer, String> all = new HashMap<>();
        IntStream.rangeClosed(1, 19).forEach(n -> all.put(n, "MET"));
        UUID id = UUID.randomUUID();
        finalized(Fixtures.oneCommuneInspection(id, "2025-10-01", "06463", null, all));

        JsonPath profile = profile(Auth.org("VP_DIEU_PHOI:20"), "06463", null);
        assertThat(profile.getString("commune.name")).isEqualTo("Xã Chi Lăng");
        assertThat(profile.<String>getList("lineage.predecessors.code")).contains("06523", "06463", "06466");
        assertThat(profile.getString("tier.reached")).isEqualTo("NTM");
        assertThat(profile.getString("tier.reachedLabel")).isEqualTo("nông thôn mới");
        assertThat(profile.getInt("tier.met")).isEqualTo(19);
        assertThat(profile.getInt("tier.total")).isEqualTo(19);
    }

    @Test
    void aCallerOfAnotherProvinceGets404AsForAnUnknownCode() {
        JsonPath other = Auth.as(Auth.viewer("01")).when().get("/communes/06475/profile").then().statusCode(404)
                .contentType(PROBLEM).extract().jsonPath();
        JsonPath unknown = Auth.as(Auth.viewer("01")).when().get("/communes/99999/profile").then().statusCode(404)
                .contentType(PROBLEM).extract().jsonPath();
        assertThat(other.getString("errors[0].field")).isEqualTo("code");
        assertThat(other.getString("code")).isEqualTo(unknown.getString("code"));
        Auth.as(Auth.org("UBND_XA:00004")).when().get("/communes/06475/profile").then().statusCode(404);
        // the commune's own committee and its province's departments read it
        Auth.as(Auth.org("UBND_XA:06475")).when().get("/communes/06475/profile").then().statusCode(200);
        Auth.as(Auth.org("SO_NGANH:20:GTVT")).when().get("/communes/06475/profile").then().statusCode(200);
        Auth.as(Auth.ops()).when().get("/communes/06475/profile").then().statusCode(403).contentType(PROBLEM);
        Auth.as(null).when().get("/communes/06475/profile").then().statusCode(401);
    }

    @Test
    void anOfficerOfTheSuccessorProvinceReadsACommuneOfThePredecessorProvince() throws Exception {
        // Bến Tre (83) became part of Vĩnh Long (86) on 2025-07-01; Phường Phú Khương kept its code 28756
        String event = """
                {"schemaVersion": 1, "registerVersion": "units-2025-07", "provinceCode": "86",
                 "units": [
                  {"code": "83", "name": "Tỉnh Bến Tre", "type": "Tỉnh", "level": "province", "parentCode": null,
                   "provinceCode": "83", "validFrom": "1900-01-01", "validTo": "2025-06-30"},
                  {"code": "86", "name": "Tỉnh Vĩnh Long", "type": "Tỉnh", "level": "province", "parentCode": null,
                   "provinceCode": "86", "validFrom": "2025-07-01", "validTo": null},
                  {"code": "829", "name": "Thành phố Bến Tre", "type": "Thành phố", "level": "district",
                   "parentCode": "83", "provinceCode": "83", "validFrom": "1900-01-01", "validTo": "2025-06-30"},
                  {"code": "28756", "name": "Phường Phú Khương", "type": "Phường", "level": "commune",
                   "parentCode": "829", "provinceCode": "83", "validFrom": "1900-01-01", "validTo": "2025-06-30"},
                  {"code": "28756", "name": "Phường Phú Khương", "type": "Phường", "level": "commune",
                   "parentCode": "86", "provinceCode": "86", "validFrom": "2025-07-01", "validTo": null}],
                 "successions": [
                  {"fromCode": "28756", "toCode": "28756", "effectiveOn": "2025-07-01", "legalBasis": null},
                  {"fromCode": "83", "toCode": "86", "effectiveOn": "2025-07-01", "legalBasis": null}]}""";
        register.apply(UUID.randomUUID(), Fixtures.JSON.readValue(event, AdminUnitsChanged.class));

        JsonPath before = profile(Auth.viewer("86"), "28756", "2024-01-01");
        assertThat(before.getString("commune.provinceCode")).isEqualTo("83");
        assertThat(before.getString("commune.districtCode")).isEqualTo("829");
        assertThat(before.<String>getList("lineage.successors.code")).containsExactly("28756");
        Auth.as(Auth.viewer("86")).when().get("/communes/28756/profile").then().statusCode(200)
                .body("commune.provinceCode", equalTo("86"));
        Auth.as(Auth.viewer("84")).queryParam("at", "2024-01-01").when().get("/communes/28756/profile").then()
                .statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aCodeTheRegisterDoesNotKnowOnTheDateIs404NamingCodeAndABadDateIs400NamingAt() {
        for (String path : List.of("/communes/99999/profile", "/communes/06487/profile?at=2026-01-01",
                "/communes/06475x/profile", "/communes/" + "0".repeat(40) + "/profile", "/communes/06475%00/profile",
                "/communes/06475%20or%201=1/profile", "/communes/%E2%80%AE06475/profile")) {
            Auth.asAdmin().urlEncodingEnabled(false).when().get(path).then().statusCode(404).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("code"));
        }
        Auth.asAdmin().when().get("/communes/06487/profile?at=2025-06-30").then().statusCode(200)
                .body("commune.name", equalTo("Xã Bằng Hữu"));
        for (String at : List.of("2025-13-01", "hôm nay", "1800-01-01")) {
            Auth.asAdmin().queryParam("at", at).when().get("/communes/06475/profile").then().statusCode(400)
                    .contentType(PROBLEM).body("errors[0].field", equalTo("at"));
        }
        Auth.asAdmin().header("Accept-Language", "en").queryParam("at", "1800-01-01").when()
                .get("/communes/06475/profile").then().statusCode(400).body("errors[0].field", equalTo("at"));
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static ObjectNode ledBy(String agency, ObjectNode event) {
        event.putObject("leadAgency").put("type", "SO_NGANH").put("code", agency)
                .put("name", "Sở Kiểm thử hồ sơ xã tỉnh Lạng Sơn");
        return event;
    }

    private void finalized(ObjectNode event) {
        inspections.handleAll(List.of(new InspectionEventBatch.Item(UUID.randomUUID(),
                Fixtures.JSON.convertValue(event, InspectionFinalized.class), null)));
    }

    private void corrected(UUID id, int version, ObjectNode event) {
        inspections.handleAll(List.of(new InspectionEventBatch.Item(UUID.randomUUID(),
                Fixtures.JSON.convertValue(event, InspectionFinalized.class), version, "Nhập nhầm kết quả tiêu chí 2",
                "inspector-20", null)));
    }

    private static JsonPath profile(String bearer, String code, String at) {
        var request = Auth.as(bearer);
        if (at != null) {
            request = request.queryParam("at", at);
        }
        return request.when().get("/communes/" + code + "/profile").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
    }

    private static Map<String, Object> criterion(JsonPath profile, int number) {
        return profile.<Map<String, Object>>getList("criteria").stream()
                .filter(c -> Integer.valueOf(number).equals(c.get("number"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> predecessor(JsonPath profile, String code) {
        return profile.<Map<String, Object>>getList("lineage.predecessors").stream()
                .filter(c -> code.equals(c.get("code"))).findFirst().orElseThrow();
    }

    private static Map<String, Map<String, Object>> openWork(JsonPath profile) {
        Map<String, Map<String, Object>> out = new HashMap<>();
        profile.<Map<String, Object>>getList("openWork").forEach(t -> out.put((String) t.get("taskId"), t));
        return out;
    }

    private static List<String> taskIds(UUID inspectionId, int criterion) {
        return Auth.asAdmin().queryParam("inspectionId", inspectionId).queryParam("criterion", criterion)
                .queryParam("size", 50).when().get("/tasks").then().statusCode(200).extract().jsonPath()
                .getList("items.id");
    }
}
