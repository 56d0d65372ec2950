package vn.ntm.task.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import vn.ntm.task.Auth;
import vn.ntm.task.Fixtures;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.hamcrest.Matchers.equalTo;

/** The seed inspection, published on the real broker, gives exactly the tasks the rule table predicts. */
@QuarkusTest
class SeedInspectionTasksTest {
    private static final String GOLDEN = "/golden/seed-inspection-tasks.json";

    @Test
    void seedInspectionGivesExactlyTheTasksOfTheGoldenFile() throws Exception {
        UUID inspectionId = UUID.randomUUID();
        Fixtures.publishSeed(inspectionId);
        JsonPath tasks = Fixtures.awaitTasks(inspectionId, Fixtures.SEED_TASK_COUNT);
        assertThat(tasks.getInt("total")).isEqualTo(Fixtures.SEED_TASK_COUNT);

        ArrayNode actual = project(Fixtures.JSON.readTree(tasks.prettify()).get("items"));
        if (SeedInspectionTasksTest.class.getResource(GOLDEN) == null) {
            Path file = Path.of("src/test/resources" + GOLDEN);
            Files.writeString(file, Fixtures.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual)
                    + "\n", StandardCharsets.UTF_8);
            fail("golden file was missing: wrote " + file + " for review");
        }
        JsonNode golden = Fixtures.JSON.readTree(Fixtures.resource(GOLDEN));
        assertThat(actual).isEqualTo(golden);
    }

    @Test
    void organisationsFindTheirOwnTasks() {
        UUID inspectionId = UUID.randomUUID();
        Fixtures.publishSeed(inspectionId);
        Fixtures.awaitTasks(inspectionId, Fixtures.SEED_TASK_COUNT);

        Auth.asAdmin().queryParam("inspectionId", inspectionId).queryParam("communeCode", "06490")
                .queryParam("criterion", 17).queryParam("size", 50)
                .when().get("/tasks")
                .then().statusCode(200)
                .body("total", equalTo(3)) // commune, lead department (cooperating ones attached), district
                .body("items.dueDate.unique()", equalTo(List.of("2022-10-30")));
        Auth.asAdmin().queryParam("inspectionId", inspectionId).queryParam("assigneeType", "SO_NGANH")
                .queryParam("assigneeCode", "20:GTVT").queryParam("communeCode", "06490")
                .when().get("/tasks")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].criterion", equalTo(2))
                .body("items[0].assignee.name", equalTo("Sở Giao thông vận tải tỉnh Lạng Sơn"))
                .body("items[0].status", equalTo("OPEN"))
                .body("items[0].overdue", equalTo(true))
                .body("items[0].version", equalTo(0));
        Auth.asAdmin().queryParam("inspectionId", inspectionId).queryParam("assigneeType", "UBND_HUYEN")
                .queryParam("assigneeCode", "187").queryParam("size", 50)
                .when().get("/tasks")
                .then().statusCode(200)
                .body("items.title", org.hamcrest.Matchers.hasItem(
                        "Hoàn thiện hồ sơ đề nghị công nhận xã Thượng Cường đạt chuẩn nông thôn mới năm 2022"));
    }

    @Test
    void pagesAreStableAndSortedByDueDateThenId() {
        UUID inspectionId = UUID.randomUUID();
        Fixtures.publishSeed(inspectionId);
        Fixtures.awaitTasks(inspectionId, Fixtures.SEED_TASK_COUNT);
        List<String> all = new ArrayList<>();
        List<String> dueDates = new ArrayList<>();
        for (int page = 0; page < 5; page++) {
            JsonPath p = Auth.asAdmin().queryParam("inspectionId", inspectionId).queryParam("sort", "-dueDate")
                    .queryParam("page", page).queryParam("size", 10)
                    .when().get("/tasks").then().statusCode(200)
                    .body("page", equalTo(page)).body("size", equalTo(10)).body("total", equalTo(Fixtures.SEED_TASK_COUNT))
                    .extract().jsonPath();
            all.addAll(p.getList("items.id"));
            dueDates.addAll(p.getList("items.dueDate"));
        }
        assertThat(all).hasSize(Fixtures.SEED_TASK_COUNT).doesNotHaveDuplicates();
        assertThat(dueDates).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(dueDates.get(dueDates.size() - 1)).isEqualTo("2022-10-30");
    }

    @Test
    void summaryCountsByAssigneeStatusAndOverdue() {
        UUID inspectionId = UUID.randomUUID();
        Fixtures.publishSeed(inspectionId);
        Fixtures.awaitTasks(inspectionId, Fixtures.SEED_TASK_COUNT);
        JsonPath summary = Auth.asAdmin().queryParam("inspectionId", inspectionId)
                .when().get("/tasks/summary").then().statusCode(200).extract().jsonPath();
        assertThat(summary.getInt("all.total")).isEqualTo(Fixtures.SEED_TASK_COUNT);
        assertThat(summary.getInt("all.byStatus.OPEN")).isEqualTo(Fixtures.SEED_TASK_COUNT);
        assertThat(summary.getInt("all.overdue")).isEqualTo(Fixtures.SEED_TASK_COUNT); // every seed deadline is in 2022
        List<Map<String, Object>> byAssignee = summary.getList("byAssignee");
        Map<String, Object> district = byAssignee.stream()
                .filter(a -> ((Map<?, ?>) a.get("assignee")).get("code").equals("187")).findFirst().orElseThrow();
        // 10 direct-and-urge, 2 dossiers, 1 recommendation
        assertThat(district.get("total")).isEqualTo(13);
        assertThat(district.get("overdue")).isEqualTo(13);
    }

    @Test
    void exportsTheFilteredListAsCsvForExcel() {
        UUID inspectionId = UUID.randomUUID();
        Fixtures.publishSeed(inspectionId);
        Fixtures.awaitTasks(inspectionId, Fixtures.SEED_TASK_COUNT);
        byte[] body = Auth.asAdmin().queryParam("inspectionId", inspectionId).queryParam("communeCode", "06490")
                .queryParam("criterion", "17")
                .when().get("/tasks/export.csv")
                .then().statusCode(200)
                .header("Content-Type", org.hamcrest.Matchers.startsWith("text/csv"))
                .extract().asByteArray();
        assertThat(body[0]).isEqualTo((byte) 0xEF);
        assertThat(body[1]).isEqualTo((byte) 0xBB);
        assertThat(body[2]).isEqualTo((byte) 0xBF);
        String csv = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n", -1);
        assertThat(lines).hasSize(1 + 3 + 1); // header, 3 tasks, empty after the last CRLF
        // for people: Vietnamese headers and status labels, dates dd/MM/yyyy
        assertThat(lines[0]).isEqualTo("STT,Mã nhiệm vụ,Mã đợt kiểm tra,Mã xã,Xã,Tiêu chí số,Tên tiêu chí,"
                + "Loại đơn vị thực hiện,Mã đơn vị thực hiện,Đơn vị thực hiện,Nhiệm vụ,Nội dung,Ngày giao,"
                + "Hạn hoàn thành,Trạng thái,Quá hạn,Số ngày quá hạn,Phiên bản");
        for (int i = 1; i <= 3; i++) {
            assertThat(lines[i]).matches(".*,(UBND xã|UBND huyện|\"Sở, ngành\"|Văn phòng Điều phối),.*")
                    .startsWith(i + ",")
                    .matches(".*,\\d{2}/\\d{2}/\\d{4},\\d{2}/\\d{2}/\\d{4},Mới giao,(Có|Không),\\d+,\\d+");
        }
        assertThat(csv)
                .contains(",Hoàn thành tiêu chí số 17 (Môi trường và an toàn thực phẩm) tại xã Thượng Cường,")
                .contains(",\"Hướng dẫn, hỗ trợ xã Thượng Cường thực hiện tiêu chí số 17 (Môi trường và an toàn"
                        + " thực phẩm)\",");
        assertThat(csv.replace("\r\n", "")).doesNotContain("\n");
    }

    @Test
    void exportsCodesAndIsoDatesForMachinesAndEnglishLabelsOnRequest() {
        UUID inspectionId = UUID.randomUUID();
        Fixtures.publishSeed(inspectionId);
        Fixtures.awaitTasks(inspectionId, Fixtures.SEED_TASK_COUNT);
        String machine = csv(Auth.asAdmin().queryParam("format", "machine"), inspectionId);
        String human = csv(Auth.asAdmin(), inspectionId);
        String english = csv(Auth.asAdmin().header("Accept-Language", "en-US,en;q=0.9"), inspectionId);
        String[] m = machine.split("\r\n");
        String[] h = human.split("\r\n");
        String[] e = english.split("\r\n");
        assertThat(m[0]).isEqualTo("id,inspectionId,communeCode,communeName,criterion,criterionName,assigneeType,"
                + "assigneeCode,assigneeName,title,dueDate,status,overdue,version,createdAt,description,daysOverdue");
        assertThat(e[0]).isEqualTo("No.,Task id,Inspection id,Commune code,Commune,Criterion,Criterion name,"
                + "Assignee type,Assignee code,Assignee,Task,Content,Assigned on,Due date,Status,Overdue,Days overdue,"
                + "Version");
        assertThat(m.length).isGreaterThan(1);
        assertThat(h).hasSameSizeAs(m);
        assertThat(e).hasSameSizeAs(m);
        java.util.regex.Pattern iso = java.util.regex.Pattern.compile(",(\\d{4})-(\\d{2})-(\\d{2}),OPEN,(true|false),");
        for (int i = 1; i < m.length; i++) {
            java.util.regex.Matcher date = iso.matcher(m[i]);
            assertThat(date.find()).as(m[i]).isTrue();
            assertThat(m[i]).contains(",UBND_XA,").doesNotContain("Mới giao");
            // the same row, sorted alike, with the date as people write it and the status label
            String people = date.group(3) + "/" + date.group(2) + "/" + date.group(1);
            assertThat(h[i]).contains("," + people + ",Mới giao," + (date.group(4).equals("true") ? "Có" : "Không")
                    + ",");
            assertThat(e[i]).contains("," + people + ",Open," + (date.group(4).equals("true") ? "Yes" : "No") + ",");
        }
    }

    private static String csv(io.restassured.specification.RequestSpecification request, UUID inspectionId) {
        byte[] body = request.queryParam("inspectionId", inspectionId).queryParam("communeCode", "06490")
                .queryParam("assigneeType", "UBND_XA").queryParam("sort", "criterion")
                .when().get("/tasks/export.csv").then().statusCode(200).extract().asByteArray();
        return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    }

    private static ArrayNode project(JsonNode items) {
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode item : items) {
            var row = Fixtures.JSON.createObjectNode();
            row.put("ruleCode", item.get("ruleCode").asText());
            row.set("communeCode", item.get("communeCode"));
            row.set("criterion", item.get("criterion"));
            row.set("assignee", item.get("assignee"));
            row.set("title", item.get("title"));
            row.set("dueDate", item.get("dueDate"));
            row.set("status", item.get("status"));
            rows.add(row);
        }
        rows.sort(Comparator.comparing((JsonNode r) -> r.get("ruleCode").asText())
                .thenComparing(r -> r.get("communeCode").asText(""))
                .thenComparingInt(r -> r.get("criterion").asInt(0))
                .thenComparing(r -> r.get("assignee").get("type").asText())
                .thenComparing(r -> r.get("assignee").get("code").asText()));
        ArrayNode out = Fixtures.JSON.createArrayNode();
        rows.forEach(out::add);
        return out;
    }
}
