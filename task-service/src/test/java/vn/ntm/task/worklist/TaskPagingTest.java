package vn.ntm.task.worklist;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.ntm.task.BulkTasks;
import vn.ntm.task.Fixtures;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static vn.ntm.task.Auth.asAdmin;

/**
 * Page numbers reach the first {@code ntm.tasks.offset-window} tasks (10 000; 250 in the default suite, 10 000 in the
 * volume profile); the {@code after} cursor reaches every task, in the order of any sort; {@code total} counts up to
 * the window and says when there are more.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskPagingTest {
    private static final String PROBLEM = "application/problem+json";
    private static final int WINDOW = ConfigProvider.getConfig().getValue("ntm.tasks.offset-window", Integer.class);
    /** Beyond the window, with due dates shared by several tasks (365 days) so that ties fall across pages. */
    private static final int BIG = WINDOW + 250;
    /** Within the window. */
    private static final int SMALL = Math.min(300, WINDOW - 50);

    @Inject
    AgroalDataSource ds;

    private UUID big;
    private UUID small;

    @BeforeAll
    void fill() {
        big = BulkTasks.insert(ds, "95", BIG);
        small = BulkTasks.insert(ds, "94", SMALL);
    }

    @AfterAll
    void clean() {
        BulkTasks.delete(ds, big);
        BulkTasks.delete(ds, small);
    }

    @Test
    void refusesPageNumbersBeyondTheOffsetWindow() {
        asAdmin().queryParam("inspectionId", big).queryParam("page", WINDOW / 50).queryParam("size", 50)
                .when().get("/tasks").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("page"))
                .body("errors.find { it.field == 'page' }.message", containsString("after=<next>"));
        asAdmin().queryParam("inspectionId", big).queryParam("page", WINDOW).queryParam("size", 1)
                .when().get("/tasks").then().statusCode(400).contentType(PROBLEM);
        asAdmin().queryParam("inspectionId", big).queryParam("page", WINDOW - 1).queryParam("size", 1)
                .when().get("/tasks").then().statusCode(200).body("items.size()", equalTo(1));
        asAdmin().queryParam("inspectionId", big).queryParam("page", WINDOW / 50 - 1).queryParam("size", 50)
                .when().get("/tasks").then().statusCode(200)
                .body("page", equalTo(WINDOW / 50 - 1)).body("items.size()", equalTo(50)).body("next", notNullValue());
    }

    @Test
    void countFalseSkipsTheCountAndSaysTheTotalIsALowerBound() {
        asAdmin().queryParam("inspectionId", small).queryParam("size", 20).queryParam("count", "false")
                .when().get("/tasks").then().statusCode(200)
                .body("items.size()", equalTo(20)).body("total", equalTo(21)).body("totalExact", equalTo(false))
                .body("next", notNullValue());
        // the last page proves the total without counting
        asAdmin().queryParam("inspectionId", small).queryParam("page", SMALL / 20 - 1).queryParam("size", 20)
                .queryParam("count", "false").when().get("/tasks").then().statusCode(200)
                .body("items.size()", equalTo(20)).body("total", equalTo(SMALL)).body("totalExact", equalTo(true));
        // the default still counts
        asAdmin().queryParam("inspectionId", small).queryParam("size", 20)
                .when().get("/tasks").then().statusCode(200).body("total", equalTo(SMALL))
                .body("totalExact", equalTo(true));
        asAdmin().queryParam("inspectionId", small).queryParam("count", "maybe")
                .when().get("/tasks").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("count"));
    }

    @Test
    void theCursorReachesEveryTaskBeyondTheOffsetWindowInOrder() {
        // pages of an odd size end between two tasks of the same due date
        List<String> seen = walk(big, null, 97);
        assertThat(seen).hasSize(BIG);
        assertThat(new HashSet<>(seen)).hasSize(BIG);
        assertThat(seen).isEqualTo(BulkTasks.ids(ds, big, "due_date, id"));
    }

    @Test
    void cursorPagesFollowEverySortIncludingNullsAndDescendingKeys() {
        String[][] sorts = {
                {null, "due_date, id"},
                {"-dueDate", "due_date desc, id"},
                {"criterion,-communeCode", "criterion asc nulls last, commune_code desc nulls first, id"},
                {"-criterion,title", "criterion desc nulls first, title, id"},
                {"status,-updatedAt,assigneeCode", "array_position(array['OPEN', 'IN_PROGRESS', 'REPORTED', 'RETURNED',"
                        + " 'DONE', 'CANCELLED'], status), updated_at desc, assignee_code, id"},
                {"-communeName,assigneeName", "commune_name desc nulls first, assignee_name, id"},
                {"communeCode,-createdAt,-title", "commune_code asc nulls last, created_at desc, title desc, id"}};
        for (String[] sort : sorts) {
            List<String> expected = BulkTasks.ids(ds, small, sort[1]);
            assertThat(walk(small, sort[0], 19)).as("sort " + sort[0]).isEqualTo(expected);
            assertThat(offsetPages(small, sort[0])).as("offset pages, sort " + sort[0]).isEqualTo(expected);
        }
    }

    @Test
    void totalIsExactUpToTheOffsetWindowAndFlaggedBeyond() {
        asAdmin().queryParam("inspectionId", small).when().get("/tasks").then().statusCode(200)
                .body("total", equalTo(SMALL)).body("totalExact", equalTo(true));
        asAdmin().queryParam("inspectionId", big).when().get("/tasks").then().statusCode(200)
                .body("total", equalTo(WINDOW)).body("totalExact", equalTo(false));
        // the total is about the whole filtered list on every page, cursor pages included
        String next = asAdmin().queryParam("inspectionId", small).queryParam("size", 100).when().get("/tasks")
                .then().extract().path("next");
        asAdmin().queryParam("inspectionId", small).queryParam("size", 100).queryParam("after", next)
                .when().get("/tasks").then().statusCode(200)
                .body("page", equalTo(1)).body("total", equalTo(SMALL)).body("totalExact", equalTo(true));
    }

    @Test
    void refusesACursorOfAnotherSortAForgedOneOrOneWithAPageNumber() {
        String next = asAdmin().queryParam("inspectionId", small).queryParam("size", 10).when().get("/tasks")
                .then().statusCode(200).extract().path("next");
        asAdmin().queryParam("inspectionId", small).queryParam("sort", "title").queryParam("after", next)
                .when().get("/tasks").then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("after"));
        for (String forged : new String[] {"abc", "YzEuZEdsMGJHVS4xLnguMQ", "' OR 1=1 --", "x".repeat(5000)}) {
            asAdmin().queryParam("inspectionId", small).queryParam("after", forged)
                    .when().get("/tasks").then().statusCode(400).contentType(PROBLEM)
                    .body("errors.field", hasItem("after"));
        }
        asAdmin().queryParam("inspectionId", small).queryParam("page", 1).queryParam("after", next)
                .when().get("/tasks").then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("page"));
    }

    @Test
    void theChangeFeedWalksTasksChangedInTheSameMicrosecondOnceEachInTheOrderTheyChanged() {
        // a province of their own: 44 tasks changed at one instant, 15 a microsecond later, one a millisecond before
        UUID feed = BulkTasks.insert(ds, "92", 60);
        try {
            BulkTasks.execute(ds, "update task set updated_at = case when source_ref::int % 4 = 0"
                    + " then timestamptz '2026-03-01 08:00:00.123001+07' else timestamptz '2026-03-01 08:00:00.123+07'"
                    + " end where inspection_id = ?", feed);
            BulkTasks.execute(ds, "update task set updated_at = timestamptz '2026-03-01 08:00:00.122+07'"
                    + " where inspection_id = ? and source_ref = '1'", feed);
            List<String> expected = BulkTasks.ids(ds, feed, "updated_at, id").subList(1, 60);

            // pages of 7 end inside the ties: every task once, by (updatedAt, id)
            assertThat(walkFeed("2026-03-01T01:00:00.123Z", 7)).isEqualTo(expected);
            assertThat(walkFeed("2026-03-01T08:00:00.123+07:00", 200)).isEqualTo(expected);
            assertThat(walkFeed("2026-03-01T01:00:00.123001Z", 5)).hasSize(15)
                    .isEqualTo(expected.subList(44, 59));
            assertThat(walkFeed("2026-03-01T01:00:00.1231Z", 5)).isEmpty();

            // a change stamped a moment ago may still be committing: it waits for ntm.tasks.feed-settle
            BulkTasks.execute(ds, "update task set updated_at = now() where inspection_id = ? and source_ref = '2'",
                    feed);
            String justChanged = BulkTasks.ids(ds, feed, "updated_at desc, id").get(0);
            assertThat(walkFeed("2026-03-01T01:00:00Z", 50)).hasSize(59).doesNotContain(justChanged);
            BulkTasks.execute(ds, "update task set updated_at = now() - interval '1 minute'"
                    + " where inspection_id = ? and source_ref = '2'", feed);
            List<String> after = walkFeed("2026-03-01T01:00:00Z", 50);
            assertThat(after).hasSize(60).doesNotHaveDuplicates()
                    .isEqualTo(BulkTasks.ids(ds, feed, "updated_at, id"));
        } finally {
            BulkTasks.delete(ds, feed);
        }
    }

    @Test
    void refusesAnUpdatedSinceThatIsNoInstantAndACodeThatIsNoCode() {
        for (String bad : new String[] {"2025-07-01", "2025-07-01T00:00:00", "hôm qua", "1751328000",
                "2025-13-01T00:00:00Z"}) {
            asAdmin().queryParam("updatedSince", bad).when().get("/tasks").then().statusCode(400)
                    .contentType(PROBLEM).body("errors.field", hasItem("updatedSince"));
        }
        asAdmin().queryParam("province", "20 or 1=1").when().get("/tasks").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("province"));
        asAdmin().queryParam("district", "'187'").when().get("/tasks/summary").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("district"));
        asAdmin().header("Accept-Language", "en").queryParam("updatedSince", "2025-07-01").when().get("/tasks")
                .then().statusCode(400).body("errors.find { it.field == 'updatedSince' }.message",
                        containsString("2025-07-01T00:00:00Z"));
    }

    /** Follows the change feed of province 92 from {@code since} to its last page. */
    private List<String> walkFeed(String since, int size) {
        List<String> ids = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            var request = asAdmin().queryParam("updatedSince", since).queryParam("province", "92")
                    .queryParam("size", size);
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonNode body = json(request.when().get("/tasks").then().statusCode(200).extract().asString());
            body.get("items").forEach(item -> ids.add(item.get("id").asText()));
            after = body.get("next").isNull() ? null : body.get("next").asText();
            assertThat(++pages).as("pages").isLessThan(100);
        } while (after != null);
        return ids;
    }

    /**
     * Follows next from the first page to the last; the last page has no next. Without the count, as a client
     * walking a whole list asks (the count of every page is checked in the tests above).
     */
    private List<String> walk(UUID inspectionId, String sort, int size) {
        List<String> ids = new ArrayList<>();
        String after = null;
        int page = 0;
        do {
            var request = asAdmin().queryParam("inspectionId", inspectionId).queryParam("size", size)
                    .queryParam("count", "false");
            if (sort != null) {
                request.queryParam("sort", sort);
            }
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonNode body = json(request.when().get("/tasks").then().statusCode(200).extract().asString());
            assertThat(body.get("page").asInt()).as("page").isEqualTo(page);
            body.get("items").forEach(item -> ids.add(item.get("id").asText()));
            after = body.get("next").isNull() ? null : body.get("next").asText();
            page++;
            assertThat(page).as("pages").isLessThan(BIG);
        } while (after != null);
        return ids;
    }

    /** Page numbers of 50 tasks from the first page to the last, all within the window. */
    private List<String> offsetPages(UUID inspectionId, String sort) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            var request = asAdmin().queryParam("inspectionId", inspectionId).queryParam("size", 50)
                    .queryParam("page", page);
            if (sort != null) {
                request.queryParam("sort", sort);
            }
            JsonNode items = json(request.when().get("/tasks").then().statusCode(200).extract().asString())
                    .get("items");
            items.forEach(item -> ids.add(item.get("id").asText()));
            if (items.size() < 50) {
                return ids;
            }
        }
    }

    /** Read with Jackson: the walks read hundreds of pages, and RestAssured's Groovy paths cost more than a request. */
    private static JsonNode json(String body) {
        try {
            return Fixtures.JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theLastPageHasNoNext() {
        int last = (SMALL - 1) / 120;
        asAdmin().queryParam("inspectionId", small).queryParam("size", 120).queryParam("page", last)
                .when().get("/tasks").then().statusCode(200).body("items.size()", equalTo(SMALL - last * 120))
                .body("next", nullValue());
    }

    @Test
    void theLinkHeaderWalksTheWholeListKeepingTheFiltersAndSort() {
        String first = RestAssured.baseURI + ":" + RestAssured.port + "/tasks?inspectionId=" + small
                + "&sort=-dueDate&size=100";
        List<String> seen = new ArrayList<>();
        String url = first;
        int pages = 0;
        while (url != null) {
            io.restassured.response.Response page = asAdmin().urlEncodingEnabled(false).when().get(url);
            page.then().statusCode(200);
            String links = page.header("Link");
            assertThat(links).contains("rel=\"first\"").contains("sort=-dueDate").contains("inspectionId=" + small);
            if (pages == 1) {
                assertThat(Links.of(links, "prev")).endsWith("&page=0");
                assertThat(Links.of(links, "last")).endsWith("&page=" + (SMALL - 1) / 100);
            }
            seen.addAll(page.jsonPath().getList("items.id"));
            url = Links.of(links, "next");
            pages++;
        }
        assertThat(pages).isEqualTo((SMALL + 99) / 100);
        assertThat(seen).isEqualTo(BulkTasks.ids(ds, small, "due_date desc, id"));
    }

    /** Reads one relation of an RFC 8288 Link header. */
    static final class Links {
        static String of(String header, String rel) {
            Matcher m = Pattern.compile("<([^>]*)>; rel=\"" + rel + "\"").matcher(header);
            return m.find() ? m.group(1) : null;
        }
    }
}
