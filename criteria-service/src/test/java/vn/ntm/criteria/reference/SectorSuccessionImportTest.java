package vn.ntm.criteria.reference;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.EventTypes;
import vn.ntm.criteria.AuthFixture;
import vn.ntm.criteria.SetFixtures;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

/**
 * The sector succession of 1 March 2025 is loaded at the first start through the product's own import (README
 * "Sectors and their succession"): the merged departments end on 2025-02-28 with their successors and sources, the new
 * ones exist from 2025-03-01, and the new codes are accepted where sector codes are checked. Re-imports change
 * nothing; a broken file is refused whole; a province corrects the data through the same import.
 */
@QuarkusTest
class SectorSuccessionImportTest {
    private static final String SUCCESSION = "sector-succession-2025-03.csv";
    private static final String DUTIES = "sector-criterion-duties-2025-03.csv";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theSeedEndsTheMergedDepartmentsWithTheirSuccessorsAndSources() {
        JsonPath sectors = given().get("/sectors").then().statusCode(200).extract().jsonPath();
        assertThat(sectors.getString("find { it.code == 'TNMT' }.validTo")).isEqualTo("2025-02-28");
        assertThat(sectors.getList("find { it.code == 'TNMT' }.successors")).containsExactly("NNMT");
        assertThat(sectors.getString("find { it.code == 'TNMT' }.legalBasis")).contains("176/2025/QH15",
                "45/2025/NĐ-CP");
        assertThat(sectors.getList("find { it.code == 'NNPTNT' }.successors")).containsExactly("NNMT");
        assertThat(sectors.getList("find { it.code == 'GTVT' }.successors")).containsExactly("XD");
        assertThat(sectors.getList("find { it.code == 'TTTT' }.successors")).containsExactly("KHCN", "VHTTDL");
        assertThat(sectors.getList("find { it.code == 'LDTBXH' }.successors"))
                .as("the primary successor first").containsExactly("NV", "NNMT", "YT", "GDDT");
        assertThat(sectors.getString("find { it.code == 'NNMT' }.name")).isEqualTo("Nông nghiệp và Môi trường");
        assertThat(sectors.getString("find { it.code == 'NNMT' }.validFrom")).isEqualTo("2025-03-01");
        assertThat(sectors.getString("find { it.code == 'NNMT' }.validTo")).isNull();
        assertThat(sectors.getString("find { it.code == 'KHCN' }.name")).isEqualTo("Khoa học và Công nghệ");
        assertThat(sectors.getString("find { it.code == 'XD' }.validTo")).as("XD continues").isNull();
        // the criterion duties of SOURCES.md: 11 → NNMT, 12 → NV with GDDT cooperating, 8 → KHCN
        JsonPath ldtbxh = new JsonPath(sectors.prettify()).setRootPath("find { it.code == 'LDTBXH' }");
        assertThat(ldtbxh.getBoolean("successions[0].primary")).isTrue();
        assertThat(ldtbxh.getBoolean("successions[1].primary")).isFalse();
        assertThat(ldtbxh.getString("successions[1].duties")).isEqualTo("poverty reduction");
        assertThat(ldtbxh.getList("successions[1].criteria.findAll { it.role == 'LEAD' }.criterion"))
                .containsOnly(11);
        assertThat(ldtbxh.getList("successions[3].criteria.findAll { it.role == 'COOPERATING' }.criterion"))
                .containsOnly(12);
        assertThat(ldtbxh.getList("successions[1].criteria.set")).contains("XA_NTM_2021_2025", "XA_NTM_2016_2020");
        assertThat(count("select count(*) from sector_import where version = 'sector-succession-2025-03'"
                + " and imported_by = 'seed'")).isEqualTo(1);
    }

    @Test
    void reimportingTheShippedFilesChangesAndAnnouncesNothing() {
        long announcements = announcements();
        for (String file : List.of(SUCCESSION, DUTIES)) {
            importCsv(AuthFixture.admin(), SectorSeeder.resource(file), Map.of("legalBasis", SectorSeeder.LEGAL_BASIS))
                    .statusCode(200)
                    .body("inserted", equalTo(0)).body("updated", equalTo(0)).body("removed", equalTo(0))
                    .body("sectorsAdded.size()", equalTo(0)).body("sectorsClosed.size()", equalTo(0))
                    .body("announced", equalTo(false));
        }
        // a file that states no legal basis keeps the recorded one
        importCsv(AuthFixture.admin(), SectorSeeder.resource(SUCCESSION), Map.of()).statusCode(200)
                .body("unchanged", equalTo(9)).body("sectorsClosed.size()", equalTo(0))
                .body("kind", equalTo("sector-successions"));
        assertThat(given().get("/sectors").then().extract().jsonPath()
                .getString("find { it.code == 'TNMT' }.legalBasis")).isEqualTo(SectorSeeder.LEGAL_BASIS);
        assertThat(announcements()).isEqualTo(announcements);
    }

    @Test
    void aProvinceCorrectsTheDutiesThroughTheSameImportAndTheListIsAnnounced() {
        long announcements = announcements();
        String duties = SectorSeeder.resource(DUTIES);
        String withoutVocational = String.join("\n", duties.lines().filter(l -> !l.contains(",GDDT,")).toList());
        try {
            // recorded as the token's subject, never the display name (upn, preferred_username)
            importCsv(AuthFixture.adminNamed("5e2b-admin-sub", "Lê Thị Hoa"), withoutVocational,
                    Map.of("version", "duties-without-gddt")).statusCode(200).body("removed", equalTo(3))
                    .body("unchanged", equalTo(9)).body("announced", equalTo(true));
            assertThat(count("select count(*) from sector_import where version = 'duties-without-gddt'"
                    + " and imported_by = '5e2b-admin-sub'")).isEqualTo(1);
            assertThat(count("select count(*) from sector_import where imported_by = 'Lê Thị Hoa'")).isZero();
            assertThat(given().get("/sectors").then().statusCode(200).extract().jsonPath()
                    .getList("find { it.code == 'LDTBXH' }.successions[3].criteria")).isEmpty();
        } finally {
            importCsv(AuthFixture.admin(), duties, Map.of()).statusCode(200).body("inserted", equalTo(3))
                    .body("announced", equalTo(true));
        }
        assertThat(announcements()).isEqualTo(announcements + 2);
        assertThat(given().get("/sectors").then().statusCode(200).extract().jsonPath()
                .getList("find { it.code == 'LDTBXH' }.successions[3].criteria.criterion")).containsOnly(12);
    }

    @Test
    void correctingASuccessionRowKeepsTheCriterionDutiesRecordedOnIt() {
        String succession = SectorSeeder.resource(SUCCESSION);
        String corrected = succession.replace("posts, telecommunications, information technology, digital transformation",
                "bưu chính, viễn thông, công nghệ thông tin, chuyển đổi số");
        assertThat(corrected).isNotEqualTo(succession);
        try {
            importCsv(AuthFixture.admin(), corrected, Map.of("version", "succession-duties-in-vietnamese"))
                    .statusCode(200).body("updated", equalTo(1)).body("removed", equalTo(0));
            JsonPath tttt = new JsonPath(given().get("/sectors").then().statusCode(200).extract().asString())
                    .setRootPath("find { it.code == 'TTTT' }");
            assertThat(tttt.getString("successions[0].duties")).isEqualTo(
                    "bưu chính, viễn thông, công nghệ thông tin, chuyển đổi số");
            assertThat(tttt.getList("successions[0].criteria.criterion")).as("criterion 8 still goes to KHCN")
                    .containsOnly(8).hasSize(3);
        } finally {
            importCsv(AuthFixture.admin(), succession, Map.of()).statusCode(200).body("updated", equalTo(1));
        }
    }

    @Test
    void aBrokenFileIsRefusedWholeWithItsRowsAndWritesNothing() {
        String before = given().get("/sectors").then().statusCode(200).extract().asString();
        long imports = count("select count(*) from sector_import");
        String csv = String.join("\n",
                "old_code,old_name,successor_code,successor_name,effective_on,duties_moved,primary",
                "NNPTNT,Nông nghiệp và Phát triển nông thôn,NNMT2,,2025-03-01,all,yes",
                "XYZ,Không có,XD,Xây dựng,2025-03-01,all,yes",
                "CA,Công an,QS,Quân sự,01/03/2025,all,yes",
                "YT,Y tế,BHXH,Bảo hiểm xã hội,2025-03-01,some,maybe",
                "TP,Tư pháp,NV,Bộ Nội vụ,2025-03-01,all,yes",
                "QS,Quân sự,CA,Công an,2025-03-01,all,no",
                "");
        ValidatableResponse refused = importCsv(AuthFixture.admin(), csv, Map.of()).statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItems("rows[2].successor_name", "rows[3].old_code",
                        "rows[4].effective_on", "rows[5].primary", "rows[6].successor_name", "rows[7].primary"));
        refused.body("errors.find { it.field == 'rows[3].old_code' }.message", containsString("XYZ"));
        // a duty for a succession the list does not record, and an unknown header
        importCsv(AuthFixture.admin(), "old_code,successor_code,criteria_set,criterion,role\nTNMT,XD,,17,lead\n",
                Map.of()).statusCode(422).body("errors[0].field", equalTo("rows[2].successor_code"));
        importCsv(AuthFixture.admin(), "code,name\nXD,Xây dựng\n", Map.of()).statusCode(422)
                .body("errors[0].field", equalTo("rows[1]"));
        assertThat(given().get("/sectors").then().statusCode(200).extract().asString()).isEqualTo(before);
        assertThat(count("select count(*) from sector_import")).isEqualTo(imports);
    }

    @Test
    void onlyAnAdministratorImports() {
        String csv = SectorSeeder.resource(SUCCESSION);
        importCsv(null, csv, Map.of()).statusCode(401).contentType(startsWith("application/problem+json"));
        importCsv(AuthFixture.inspector("20"), csv, Map.of()).statusCode(403)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void theNewSectorCodesAreAcceptedWhereSectorCodesAreChecked() {
        String code = SetFixtures.uniqueCode("NNMT_SET");
        SetFixtures.post("/criteria-sets", SetFixtures.validDraft(code)
                .replace("\"sectors\": [\"TNMT\", \"YT\", \"NNPTNT\", \"CT\"]", "\"sectors\": [\"NNMT\", \"YT\", \"CT\"]")
                .replace("\"sectors\": [\"GTVT\"]", "\"sectors\": [\"XD\", \"KHCN\"]")).statusCode(201);
        SetFixtures.post("/criteria-sets/" + code + "/publish", "").statusCode(200);
        given().get("/criteria-sets/" + code).then().statusCode(200)
                .body("criteria[2].leadSector.code", equalTo("NNMT"))
                .body("criteria[2].leadSector.name", equalTo("Nông nghiệp và Môi trường"))
                .body("criteria[1].cooperatingSectors[0].name", equalTo("Khoa học và Công nghệ"));
    }

    private static ValidatableResponse importCsv(String bearer, String csv, Map<String, String> query) {
        var spec = given().contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .queryParams(query);
        if (bearer != null) {
            spec = spec.header("Authorization", bearer);
        }
        return spec.post("/sectors/imports").then();
    }

    private long announcements() {
        return count("select count(*) from outbox_event where event_type = '" + EventTypes.SECTORS_CHANGED + "'"
                + " and topic = 'criteria-events'");
    }

    private long count(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql);
             ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
