package vn.ntm.criteria.register;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.EventTypes;
import vn.ntm.criteria.AuthFixture;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static vn.ntm.criteria.AdminUnitFixtures.importCsv;
import static vn.ntm.criteria.AdminUnitFixtures.registerFile;
import static vn.ntm.criteria.CriteriaEventsConsumer.header;
import static vn.ntm.criteria.CriteriaEventsConsumer.recordsWithKey;

/**
 * {@code POST /admin-units/imports} on the seeded register. The re-import of the shipped files runs first: the later
 * test changes the register in 2091, and a re-import of the open-ended 2025-07 register would undo that.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminUnitImportTest {
    private static final String UNITS_HEADER = "level,code,name,type,parent_code\n";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper json;

    @Test
    @Order(1)
    void reimportingTheShippedRegistersChangesNothingAndAnnouncesNothing() throws Exception {
        Snapshot before = snapshot();

        long started = System.nanoTime();
        JsonPath old = importCsv(registerFile("units-2025-03.csv"),
                Map.of("validFrom", "1900-01-01", "validTo", "2025-06-30")).statusCode(200).extract().jsonPath();
        Log.infof("re-import of units-2025-03.csv (10,806 units) took %d ms", (System.nanoTime() - started) / 1_000_000);
        assertSummary(old, "units", 10_806, 0, 0, 10_806, 0);

        JsonPath current = importCsv(registerFile("units-2025-07.csv"), Map.of("validFrom", "2025-07-01"))
                .statusCode(200).extract().jsonPath();
        assertSummary(current, "units", 3_355, 0, 0, 3_355, 0);

        started = System.nanoTime();
        JsonPath successions = importCsv(registerFile("succession-2025-07.csv"), Map.of()).statusCode(200)
                .extract().jsonPath();
        Log.infof("re-import of succession-2025-07.csv (10,566 rows) took %d ms",
                (System.nanoTime() - started) / 1_000_000);
        assertSummary(successions, "successions", 10_566, 0, 0, 10_566, 0);

        assertSummary(importCsv(registerFile("succession-provinces-2025-07.csv"), Map.of()).statusCode(200)
                .extract().jsonPath(), "successions", 63, 0, 0, 63, 0);

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @Order(2)
    void changedRegisterAnnouncesExactlyTheProvincesThatChanged() throws Exception {
        String changed = registerFile("units-2025-07.csv")
                .replace("commune,01273,Phường Thục Phán,Phường,04\n", "commune,01273,Phường Thục Phán Mới,Phường,04\n")
                .replace("commune,03325,Xã Mường Phăng,Xã,11\n", "");
        Map<String, String> query = Map.of("validFrom", "2091-01-01", "validTo", "2091-12-31",
                "version", "units-2091-test");
        long eventsBefore = count("select count(*) from outbox_event where event_type = 'ntm.admin-units.changed'"
                + " and topic = 'criteria-events'");

        // the import records its actor as the token's subject, never the display name (upn, preferred_username)
        JsonPath summary = importCsv(AuthFixture.adminNamed("a91c-admin-sub", "Trần Văn Bình"), changed, query)
                .statusCode(200).extract().jsonPath();
        assertThat(count("select count(*) from admin_unit_import where register_version = 'units-2091-test'"
                + " and imported_by = 'a91c-admin-sub'")).isEqualTo(1);
        assertThat(count("select count(*) from admin_unit_import where imported_by = 'Trần Văn Bình'")).isZero();

        assertSummary(summary, "units", 3_354, 1, 0, 3_353, 1);
        assertThat(summary.getList("provincesChanged")).containsExactly("04", "11");
        assertThat(summary.getString("registerVersion")).isEqualTo("units-2091-test");
        assertThat(name("01273", "2026-01-01")).isEqualTo("Phường Thục Phán");
        assertThat(name("01273", "2091-06-01")).isEqualTo("Phường Thục Phán Mới");
        assertThat(name("01273", "2092-01-01")).isEqualTo("Phường Thục Phán");
        given().queryParam("at", "2091-06-01").get("/admin-units/03325").then().statusCode(404);
        assertThat(name("03325", "2092-01-01")).isEqualTo("Xã Mường Phăng");
        assertThat(count("select count(*) from outbox_event where event_type = 'ntm.admin-units.changed'"
                + " and topic = 'criteria-events'"))
                .isEqualTo(eventsBefore + 2);

        List<ConsumerRecord<String, String>> records = recordsWithKey("admin-units:04", Duration.ofSeconds(60));
        ConsumerRecord<String, String> last = records.get(records.size() - 1);
        assertThat(header(last, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.ADMIN_UNITS_CHANGED);
        JsonNode event = json.readTree(last.value());
        assertThat(event.get("registerVersion").asText()).isEqualTo("units-2091-test");
        assertThat(event.get("provinceCode").asText()).isEqualTo("04");
        assertThat(versionsOf(event, "01273")).containsExactly("1900-01-01..2025-06-30 Phường Hợp Giang",
                "2025-07-01..2090-12-31 Phường Thục Phán",
                "2091-01-01..2091-12-31 Phường Thục Phán Mới", "2092-01-01..null Phường Thục Phán");

        // the same file again: nothing changes, nothing is announced
        assertSummary(importCsv(changed, query).statusCode(200).extract().jsonPath(), "units", 3_354, 0, 0, 3_354, 0);
        assertThat(count("select count(*) from outbox_event where event_type = 'ntm.admin-units.changed'"
                + " and topic = 'criteria-events'"))
                .isEqualTo(eventsBefore + 2);
    }

    @Test
    void invalidFileIsRefusedWholeWithRowNumbersAndNothingIsWritten() throws Exception {
        Snapshot before = snapshot();
        String csv = UNITS_HEADER
                + "province,98,Tỉnh Thử Nghiệm,Tỉnh,\n"          // row 2: fine
                + "commune,9800,Xã Mã Ngắn,Xã,981\n"              // row 3: 4-digit commune code
                + "hamlet,98001,Thôn Một,Thôn,981\n"              // row 4: unknown level
                + "district,981,Huyện Thử Nghiệm,Huyện,98\n"      // row 5: fine
                + "commune,98011,Xã Mồ Côi,Xã,989\n"              // row 6: unknown parent
                + "commune,98014,Xã Một,Xã,981\n"                 // row 7: fine
                + "commune,98014,Xã Hai,Xã,981\n"                 // row 8: duplicate code
                + "commune,,Xã Không Mã,Xã,981\n";                // row 9: missing code

        var response = importCsv(csv, Map.of("validFrom", "2030-01-01")).statusCode(422)
                .contentType("application/problem+json").body("status", equalTo(422)).extract().jsonPath();

        assertThat(response.getList("errors.field")).containsExactly("rows[3].code", "rows[4].level",
                "rows[6].parent_code", "rows[8].code", "rows[9].code");
        assertThat(response.getString("errors[3].message")).contains("bị trùng").contains("dòng 7");
        assertThat(response.getString("detail")).contains("chưa ghi dữ liệu nào");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void successionBetweenUnitsThatDidNotExistIsRefused() throws Exception {
        Snapshot before = snapshot();
        String csv = "old_code,old_name,new_code,new_name,effective_from\n"
                + "06475,Xã Gia Lộc,06475,Xã Bằng Mạc,2025-07-01\n"          // row 2: known, fine
                + "06490,Xã Thượng Cường,06475,Xã Bằng Mạc,2026-01-01\n"     // row 3: 06490 gone by 2025-12-31
                + "06487,Xã Bằng Hữu,06475,Xã Gia Lộc,2025-07-01\n"          // row 4: 06475 is not Gia Lộc then
                + "06493,Xã Bằng Mạc,06475,Xã Bằng Mạc,01/07/2025\n";        // row 5: not an ISO date

        var problem = importCsv(csv, Map.of()).statusCode(422).contentType("application/problem+json")
                .extract().jsonPath();

        assertThat(problem.getList("errors.field")).containsExactly("rows[3].old_code", "rows[4].new_code",
                "rows[5].effective_from");
        assertThat(problem.getString("errors[1].message")).contains("Xã Bằng Mạc").contains("Xã Gia Lộc");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void unitsFileNeedsTheDayItIsValidFrom() throws Exception {
        Snapshot before = snapshot();
        String csv = UNITS_HEADER + "province,98,Tỉnh Thử Nghiệm,Tỉnh,\n";

        importCsv(csv, Map.of()).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("validFrom"));
        importCsv(csv, Map.of("validFrom", "2030-02-30")).statusCode(400).body("errors[0].field", equalTo("validFrom"));
        importCsv(csv, Map.of("validFrom", "2030-01-01", "validTo", "2029-12-31")).statusCode(400)
                .body("errors[0].field", equalTo("validTo"));
        importCsv("a,b,c\n1,2,3\n", Map.of("validFrom", "2030-01-01")).statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("rows[1]"));
        given().header("Authorization", AuthFixture.admin()).contentType("text/csv")
                .body(new byte[] {'l', 'e', 'v', (byte) 0xC0, (byte) 0xAF}).queryParam("validFrom", "2030-01-01")
                .post("/admin-units/imports").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", AuthFixture.admin()).contentType("application/json").body("{}")
                .post("/admin-units/imports").then().statusCode(415).contentType("application/problem+json");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void onlyAnAdminImports() throws Exception {
        Snapshot before = snapshot();
        String csv = UNITS_HEADER + "province,98,Tỉnh Thử Nghiệm,Tỉnh,\n";
        Map<String, String> query = Map.of("validFrom", "2099-01-01", "validTo", "2099-01-31");

        importCsv(null, csv, query).statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
        importCsv(AuthFixture.inspector("20"), csv, query).statusCode(403).contentType("application/problem+json");
        importCsv(AuthFixture.viewer("20"), csv, query).statusCode(403);
        importCsv(AuthFixture.org("UBND_XA:06475"), csv, query).statusCode(403);
        importCsv(AuthFixture.ops(), csv, query).statusCode(403);
        importCsv(AuthFixture.expiredAdmin(), csv, query).statusCode(401);
        assertThat(snapshot()).isEqualTo(before);
    }

    private static List<String> versionsOf(JsonNode event, String code) {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode unit : event.get("units")) {
            if (unit.get("code").asText().equals(code)) {
                out.add(unit.get("validFrom").asText() + ".." + unit.get("validTo").asText() + " "
                        + unit.get("name").asText());
            }
        }
        return out;
    }

    private static void assertSummary(JsonPath summary, String kind, int rows, int inserted, int updated,
                                      int unchanged, int closed) {
        assertThat(summary.getString("kind")).isEqualTo(kind);
        assertThat(List.of(summary.getInt("rows"), summary.getInt("inserted"), summary.getInt("updated"),
                summary.getInt("unchanged"), summary.getInt("closed")))
                .as("rows, inserted, updated, unchanged, closed")
                .containsExactly(rows, inserted, updated, unchanged, closed);
        if (inserted + updated + closed == 0) {
            assertThat(summary.getList("provincesChanged")).isEmpty();
        }
    }

    private static String name(String code, String at) {
        return given().queryParam("at", at).get("/admin-units/" + code).then().statusCode(200).extract().jsonPath()
                .getString("name");
    }

    /** What an import may change: the register, the successions, the events, the import log. */
    private record Snapshot(String units, long successions, long events, long imports) {
    }

    private Snapshot snapshot() throws Exception {
        return new Snapshot(text("select md5(string_agg(concat_ws('|', code, name, type, level, parent_code,"
                        + " province_code, valid_from, valid_to), ',' order by code, valid_from)) from admin_unit"),
                count("select count(*) || '' from admin_unit_succession"),
                count("select count(*) from outbox_event where event_type = 'ntm.admin-units.changed'"),
                count("select count(*) from admin_unit_import"));
    }

    private long count(String sql) throws Exception {
        return Long.parseLong(text(sql));
    }

    private String text(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql);
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
