package vn.ntm.task.dashboard;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.InspectionFinalized;
import vn.ntm.task.Auth;
import vn.ntm.task.Fixtures;
import vn.ntm.task.InspectionEvents;
import vn.ntm.task.RegisterFixture;
import vn.ntm.task.intake.InspectionEventBatch;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 25 item 2: the province and district dashboards over the read models intake keeps, with the Lạng Sơn register
 * of 2025: Xã Tân Tiến (06019), Xã Tân Yên (06022) and Xã Kim Đồng (06031) of Huyện Tràng Định (180) became Xã Tân Tiến
 * (06019) on 2025-07-01. The results are read under a criteria set of this test's own (a copy of the 2021–2025 set),
 * so that other classes' inspections in the same JVM do not change the counts.
 */
@QuarkusTest
class DashboardTest {
    private static final String SET = "XA_NTM_LS_2021_2025";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final List<String> COMMUNES = List.of("06019", "06022", "06031");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    InspectionEventBatch batch;

    @AfterEach
    void removeTheRegisterCopy() {
        RegisterFixture.removeCopy(dataSource);
    }

    @Test
    void theDashboardsCountCriteriaTiersWorkAndInspectionsAcrossTheMergerOf2025() throws Exception {
        given();
        UUID first = UUID.randomUUID();
        // 2024-05-10: Tân Yên meets 17 of 19 (2 and 5 not met), Kim Đồng meets all 19
        InspectionEvents.handle(batch, UUID.randomUUID(), inspection(first, "2024-05-10",
                Map.of("06022", results(19, Map.of(2, "NOT_MET", 5, "NOT_MET"), "MET"),
                        "06031", results(19, Map.of(), "MET"))));
        // 2024-09-10: a follow-up checks only the unmet criteria of Tân Yên: 2 met, the others not assessed
        UUID followUp = UUID.randomUUID();
        InspectionEvents.handle(batch, UUID.randomUUID(), inspection(followUp, "2024-09-10",
                Map.of("06022", results(19, Map.of(2, "MET", 5, "NOT_MET"), "NOT_ASSESSED"))));

        JsonPath district = dashboard("/dashboards/districts/180", "2024-12-31").statusCode(200).extract().jsonPath();
        assertThat(district.getString("district.code")).isEqualTo("180");
        assertThat(district.getString("district.name")).isEqualTo("Huyện Tràng Định");
        assertThat(district.getString("criteriaSet")).isEqualTo(SET);
        int total = district.getInt("communes.total");
        assertThat(total).isGreaterThan(3);
        assertThat(district.getInt("communes.assessed")).isEqualTo(2);
        assertThat(bucket(district, 18)).isEqualTo(1); // Tân Yên: the follow-up's 2 and the first's other 17
        assertThat(bucket(district, 19)).isEqualTo(1);
        assertThat(district.getList("communes.histogram")).hasSize(20);
        assertThat(district.getInt("communes.tiers.reached[0].communes")).isEqualTo(1);
        assertThat(district.getString("communes.tiers.reached[0].tier")).isEqualTo("NTM");
        assertThat(district.getInt("communes.tiers.targeted.find { it.tier == 'NTM' }.communes")).isEqualTo(2);
        assertThat(criterion(district, 2)).containsEntry("met", 2).containsEntry("notMet", 0)
                .containsEntry("notAssessed", total - 2).containsEntry("metPreviousYear", 0)
                .containsEntry("change", 2);
        assertThat(criterion(district, 5)).containsEntry("met", 1).containsEntry("notMet", 1);
        assertThat(criterion(district, 7)).containsEntry("met", 2); // not erased by the follow-up
        assertThat(district.getInt("inspections.year")).isEqualTo(2024);
        assertThat(district.getInt("inspections.byLeadAgency.find { it.code == '20:LDTBXH' }.inspections"))
                .isEqualTo(2);
        // before the follow-up, criterion 2 of Tân Yên was not met
        JsonPath earlier = dashboard("/dashboards/districts/180", "2024-06-30").statusCode(200).extract().jsonPath();
        assertThat(criterion(earlier, 2)).containsEntry("met", 1).containsEntry("notMet", 1);

        // a correction of the follow-up (version 2) finds 2 not met after all: its results replace the first version's
        InspectionEventBatch.Item correction = new InspectionEventBatch.Item(UUID.randomUUID(),
                inspection(followUp, "2024-09-10",
                        Map.of("06022", results(19, Map.of(2, "NOT_MET"), "NOT_ASSESSED"))),
                2, "Ghi nhầm kết quả tiêu chí số 2 của xã Tân Yên", "inspector-20", null);
        batch.handleAll(List.of(correction));
        JsonPath corrected = dashboard("/dashboards/districts/180", "2024-12-31").statusCode(200).extract()
                .jsonPath();
        assertThat(criterion(corrected, 2)).containsEntry("met", 1).containsEntry("notMet", 1);
        assertThat(bucket(corrected, 17)).isEqualTo(1);

        // after the merger the province's Xã Tân Tiến (06019) carries its predecessors' results: Kim Đồng's 19 met
        // is not Tân Tiến's, whose latest result per criterion is the latest among Tân Tiến, Tân Yên and Kim Đồng
        JsonPath province = dashboard("/dashboards/provinces/20", "2025-09-01").statusCode(200).extract().jsonPath();
        assertThat(province.getString("province.name")).isEqualTo("Tỉnh Lạng Sơn");
        assertThat(province.getInt("communes.total")).isEqualTo(65);
        assertThat(province.getInt("communes.assessed")).isEqualTo(1);
        assertThat(criterion(province, 2)).containsEntry("notMet", 1).containsEntry("met", 0)
                .containsEntry("metPreviousYear", 0);
        assertThat(criterion(province, 7)).containsEntry("met", 1).containsEntry("metPreviousYear", 1);
        // the results of a day before the first inspection: nothing assessed
        assertThat(dashboard("/dashboards/provinces/20", "2024-01-01").statusCode(200).extract().jsonPath()
                .getInt("communes.assessed")).isZero();
        // the default set: the one most communes were last inspected under
        assertThat(Auth.asAdmin().queryParam("at", "2025-09-01").get("/dashboards/provinces/20").then()
                .statusCode(200).extract().jsonPath().getString("criteriaSet")).isNotBlank();
    }

    @Test
    void theWorkIsCountedOpenOverdueAwaitingAndDoneWithTheMedianDaysToDone() throws Exception {
        given();
        UUID first = UUID.randomUUID();
        InspectionEvents.handle(batch, UUID.randomUUID(), inspection(first, "2024-05-11",
                Map.of("06022", results(19, Map.of(2, "NOT_MET", 5, "NOT_MET"), "MET"))));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        List<UUID> tasks = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            // this test's work only: the earlier tests' tasks of these communes are closed before the day counted
            st.executeUpdate("update task set status = 'CANCELLED', updated_at = now() - interval '400 days'"
                    + " where commune_code in ('06019', '06022', '06031') and inspection_id <> '" + first + "'"
                    + " and status not in ('DONE', 'CANCELLED')");
            st.executeUpdate("update task set created_at = now() - interval '10 days', due_date = date '2099-12-31'"
                    + " where inspection_id = '" + first + "'");
            // the work about the commune (an inspection's work about no commune is on no commune's row)
            try (ResultSet rs = st.executeQuery("select id from task where inspection_id = '" + first
                    + "' and commune_code = '06022' order by id")) {
                while (rs.next()) {
                    tasks.add(rs.getObject(1, UUID.class));
                }
            }
        }
        assertThat(tasks).hasSizeGreaterThan(4);
        try (Connection c = dataSource.getConnection()) {
            // done after 4 and 2 days; reported, awaiting verification; overdue
            move(c, tasks.get(0), "DONE", "now() - interval '6 days'");
            move(c, tasks.get(1), "DONE", "now() - interval '8 days'");
            move(c, tasks.get(2), "REPORTED", "now() - interval '1 day'");
            try (PreparedStatement st = c.prepareStatement("update task set due_date = ? where id = ?")) {
                st.setObject(1, today.minusDays(3));
                st.setObject(2, tasks.get(3));
                st.executeUpdate();
            }
        }
        JsonPath province = Auth.asAdmin().queryParam("criteriaSet", SET).queryParam("at", today.toString())
                .get("/dashboards/provinces/20").then().statusCode(200).extract().jsonPath();
        Map<String, Object> tanTien = province.getMap("work.byCommune.find { it.communeCode == '06019' }");
        assertThat(tanTien).containsEntry("communeName", "Xã Tân Tiến")
                .containsEntry("open", tasks.size() - 2).containsEntry("overdue", 1)
                .containsEntry("awaitingVerification", 1);
        if (today.getDayOfYear() > 10) { // the work done within this year
            assertThat(tanTien).containsEntry("doneThisYear", 2);
            assertThat(((Number) tanTien.get("medianDaysToDone")).doubleValue()).isEqualTo(3.0);
        }
        assertThat(province.getList("work.byDepartment.assigneeType")).doesNotContain("UBND_XA").isNotEmpty();
        // a day before the work was created: none
        JsonPath before = Auth.asAdmin().queryParam("criteriaSet", SET).queryParam("at", today.minusDays(20)
                .toString()).get("/dashboards/provinces/20").then().statusCode(200).extract().jsonPath();
        assertThat(before.getList("work.byCommune.findAll { it.communeCode == '06019' }")).isEmpty();
    }

    @Test
    void everyTableComesAsAWorkbookWithVietnameseHeaders() throws Exception {
        given();
        InspectionEvents.handle(batch, UUID.randomUUID(), inspection(UUID.randomUUID(), "2024-05-12",
                Map.of("06031", results(19, Map.of(3, "NOT_MET"), "MET"))));
        Response answer = Auth.asAdmin().accept(XLSX).queryParam("at", "2024-12-31").queryParam("criteriaSet", SET)
                .get("/dashboards/districts/180");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith(XLSX);
        assertThat(answer.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"bang-tong-hop-huyen-180-2024-12-31.xlsx\"");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(answer.asByteArray()))) {
            List<String> names = new ArrayList<>();
            workbook.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).containsExactlyElementsOf(DashboardXlsx.SHEETS);
            Sheet criteria = workbook.getSheet("Tiêu chí");
            Row header = criteria.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Tiêu chí số");
            assertThat(header.getCell(2).getStringCellValue()).isEqualTo("Số xã đạt");
            assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(criteria.getPaneInformation().isFreezePane()).isTrue();
            Row third = criteria.getRow(3);
            assertThat(third.getCell(0).getNumericCellValue()).isEqualTo(3.0);
            assertThat(third.getCell(3).getNumericCellValue()).isEqualTo(1.0); // not met: Kim Đồng
            assertThat(third.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            Sheet summary = workbook.getSheet("Tổng hợp");
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Nội dung");
            assertThat(summary.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Huyện Tràng Định");
            assertThat(summary.getRow(3).getCell(1).getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
            Sheet tiers = workbook.getSheet("Mức đạt chuẩn");
            assertThat(tiers.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Nông thôn mới");
            Sheet agencies = workbook.getSheet("Đợt kiểm tra");
            assertThat(agencies.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Sở, ngành");
        }
        // JSON by default; another Accept is 406 problem+json
        Auth.asAdmin().queryParam("at", "2024-12-31").queryParam("criteriaSet", SET).get("/dashboards/districts/180")
                .then().statusCode(200).contentType("application/json");
        Auth.asAdmin().accept("text/csv").queryParam("at", "2024-12-31").get("/dashboards/districts/180")
                .then().statusCode(406).contentType("application/problem+json");
    }

    @Test
    void badInputAndAnotherProvinceAreRefusedNamingTheParameter() {
        given();
        refused(Auth.asAdmin().queryParam("at", "2025-07-01").get("/dashboards/districts/180"), 400, "at");
        refused(Auth.asAdmin().queryParam("at", "2026-01-01").get("/dashboards/districts/180"), 400, "at");
        refused(Auth.asAdmin().queryParam("at", "2025-09-01").get("/dashboards/provinces/99"), 404, "code");
        refused(Auth.asAdmin().queryParam("at", "2024-09-01").get("/dashboards/districts/999"), 404, "code");
        refused(Auth.asAdmin().queryParam("at", "1899-12-31").get("/dashboards/provinces/20"), 400, "at");
        refused(Auth.asAdmin().queryParam("at", "2025-13-01").get("/dashboards/provinces/20"), 400, "at");
        refused(Auth.asAdmin().queryParam("at", "2025-09-01").queryParam("criteriaSet", "XA_KHONG_CO")
                .get("/dashboards/provinces/20"), 404, "criteriaSet");
        refused(Auth.asAdmin().queryParam("criteriaSet", "<script>").get("/dashboards/provinces/20"), 400,
                "criteriaSet");
        // Hà Tĩnh's viewer does not see Lạng Sơn's dashboard: unknown, as another province's task is
        refused(Auth.as(Auth.viewer("42")).queryParam("at", "2025-09-01").queryParam("criteriaSet", SET)
                .get("/dashboards/provinces/20"), 404, "code");
        refused(Auth.as(Auth.org("VP_DIEU_PHOI:42")).queryParam("at", "2024-09-01").queryParam("criteriaSet", SET)
                .get("/dashboards/districts/180"), 404, "code");
        Auth.as(Auth.viewer("20")).queryParam("at", "2025-09-01").queryParam("criteriaSet", SET)
                .get("/dashboards/provinces/20").then().statusCode(200);
        Auth.as(Auth.org("SO_NGANH:20:NNMT")).queryParam("at", "2024-09-01").queryParam("criteriaSet", SET)
                .get("/dashboards/districts/180").then().statusCode(200);
        Auth.as(null).get("/dashboards/provinces/20").then().statusCode(401);
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private static io.restassured.response.ValidatableResponse dashboard(String path, String at) {
        return Auth.asAdmin().queryParam("at", at).queryParam("criteriaSet", SET).get(path).then();
    }

    private static void refused(Response answer, int status, String parameter) {
        answer.then().statusCode(status).contentType("application/problem+json");
        assertThat(answer.jsonPath().<String>getList("errors.field")).contains(parameter);
    }

    private static int bucket(JsonPath dashboard, int met) {
        return dashboard.getInt("communes.histogram.find { it.criteriaMet == " + met + " }.communes");
    }

    private static Map<String, Object> criterion(JsonPath dashboard, int number) {
        return dashboard.getMap("criteria.find { it.number == " + number + " }");
    }

    private static void move(Connection c, UUID task, String status, String at) throws Exception {
        try (PreparedStatement st = c.prepareStatement("update task set status = ?, updated_at = " + at
                + " where id = ?")) {
            st.setString(1, status);
            st.setObject(2, task);
            st.executeUpdate();
        }
    }

    /** The register copy of Lạng Sơn, this test's criteria set, and no earlier results under it. */
    private void given() {
        RegisterFixture.publish(RegisterFixture.langSon(), UUID.randomUUID());
        try {
            ObjectNode set = (ObjectNode) Fixtures.JSON.readTree(
                    Fixtures.resource("/contracts/golden/criteria-set-published.json"));
            set.put("code", SET).put("name", "Bộ tiêu chí xã nông thôn mới tỉnh Lạng Sơn giai đoạn 2021 – 2025");
            RegisterFixture.publish(set.toString(), UUID.randomUUID(), EventTypes.CRITERIA_SET_PUBLISHED);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        RegisterFixture.awaitConsumerCaughtUp();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> ready());
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("delete from visit_result where criteria_set = '" + SET + "'");
            st.executeUpdate("delete from inspection_visit where criteria_set = '" + SET + "'");
            // earlier work of these communes is no longer reconciled (as Fixtures.forgetSeedHistory does)
            st.executeUpdate("update task set work_basis = null where work_basis is not null and commune_code in"
                    + " ('06019', '06022', '06031')");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean ready() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs =
                st.executeQuery("select (select count(*) from catalog_set where code = '" + SET + "' and tier = 'NTM')"
                        + " + (select count(*) from admin_unit where code = '180' and level = 'district')")) {
            rs.next();
            return rs.getInt(1) == 2;
        }
    }

    /** Results of criteria 1..{@code count}: {@code others} except those given. */
    private static Map<Integer, String> results(int count, Map<Integer, String> given, String others) {
        Map<Integer, String> out = new TreeMap<>();
        for (int k = 1; k <= count; k++) {
            out.put(k, given.getOrDefault(k, others));
        }
        return out;
    }

    /** The seed inspection made over: this day, these communes of Huyện Tràng Định with these results. */
    private static InspectionFinalized inspection(UUID id, String day, Map<String, Map<Integer, String>> communes) {
        ObjectNode event = Fixtures.seedEventOfTheSameHistory(id);
        event.put("inspectedOn", day);
        event.putObject("district").put("code", "180").put("name", "Huyện Tràng Định");
        event.putArray("recommendations");
        ObjectNode template = (ObjectNode) event.get("communes").get(0);
        ArrayNode list = event.putArray("communes");
        communes.forEach((code, results) -> {
            ObjectNode commune = template.deepCopy();
            commune.put("code", code).put("name", Map.of("06019", "Xã Tân Tiến", "06022", "Xã Tân Yên", "06031",
                    "Xã Kim Đồng").get(code)).put("criteriaSet", SET).put("targetTier", "NTM");
            commune.putNull("summary");
            ArrayNode findings = commune.putArray("findings");
            results.forEach((criterion, result) -> findings.addObject().put("criterion", criterion)
                    .put("criterionName", "Tiêu chí số " + criterion).put("result", result)
                    .put("deadline", "NOT_MET".equals(result) ? "2099-12-31" : null)
                    .putArray("sectors").add("NNMT"));
            list.add(commune);
        });
        return Fixtures.JSON.convertValue(event, InspectionFinalized.class);
    }
}
