package vn.ntm.task.evidence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.ntm.task.Auth;
import vn.ntm.task.BulkTasks;
import vn.ntm.task.Fixtures;
import vn.ntm.task.InspectionEvents;
import vn.ntm.task.SlowClient;
import vn.ntm.task.intake.InspectionEventBatch;

import java.net.URL;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static vn.ntm.task.Auth.as;
import static vn.ntm.task.Auth.asAdmin;

/**
 * README "Evidence", downloads: a download reads its file slice by slice without holding a database connection
 * between the slices, so more slow clients than the pool has connections leave the service answering; and at most
 * {@code ntm.tasks.evidence.max-concurrent-downloads} transfer at once (21 in the default suite, the pool has 20),
 * a further one getting 503 with {@code Retry-After} at once.
 */
@QuarkusTest
class BoundedDownloadsTest {
    @Inject
    InspectionEventBatch inspections;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    DownloadSlots downloads;
    @ConfigProperty(name = "quarkus.datasource.jdbc.max-size")
    int pool;
    @TestHTTPResource("/")
    URL base;

    private final String assignee = Auth.org("UBND_XA:06490");

    @Test
    void slowDownloadsBeyondThePoolLeaveTheServiceAnsweringAndOneMoreIsRefusedAtOnce() throws Exception {
        UUID inspectionId = UUID.randomUUID();
        InspectionEvents.handle(inspections, UUID.randomUUID(), Fixtures.seedRecord(inspectionId));
        String id = asAdmin().queryParam("inspectionId", inspectionId).queryParam("assigneeType", "UBND_XA")
                .queryParam("assigneeCode", "06490").queryParam("criterion", 17)
                .when().get("/tasks").then().statusCode(200).extract().path("items[0].id");
        String file = largeFile(id);
        String path = "/tasks/" + id + "/evidence/" + file;
        assertThat(downloads.size()).as("the test needs more slots than connections").isGreaterThan(pool);

        List<SlowClient> slow = new ArrayList<>();
        try {
            for (int i = 0; i < downloads.size(); i++) {
                SlowClient client = SlowClient.get(base, path, assignee);
                slow.add(client);
                assertThat(client.status()).isEqualTo(200);
            }
            assertThat(downloads.inUse()).as("every slow download is still transferring").isEqualTo(downloads.size());

            // the pool is free for everybody else: reads and writes answer well within its acquisition timeout (3 s)
            long started = System.nanoTime();
            asAdmin().queryParam("size", 1).when().get("/tasks").then().statusCode(200);
            as(assignee).contentType(ContentType.JSON).body("{\"note\":\"Đang tải biên bản\"}")
                    .when().post("/tasks/" + id + "/notes").then().statusCode(201);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

            // one download more than the bound: refused at once, nothing waits
            started = System.nanoTime();
            as(assignee).when().get(path).then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", notNullValue()).body("code", equalTo("DOWNLOADS_BUSY"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        } finally {
            slow.forEach(SlowClient::close);
        }
        // clients that leave give their slots back, and the file downloads whole again
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> downloads.inUse() == 0);
        Response whole = as(assignee).when().get(path);
        whole.then().statusCode(200);
        assertThat(whole.asByteArray()).hasSize(SIZE);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(whole.asByteArray())))
                .isEqualTo(whole.header("X-Checksum-SHA256"));
    }

    /**
     * A stored PDF of {@value #SIZE} bytes, written as an upload would store it. It is larger than the default suite's
     * upload limit on purpose: a transfer must outlast what the kernel's socket buffers take in (up to 4 MiB on
     * loopback, about 2 MiB when the client reads nothing), so that a client that stops reading holds it open.
     */
    private String largeFile(String taskId) {
        UUID id = UUID.randomUUID();
        BulkTasks.execute(dataSource, "insert into task_evidence (id, task_id, file_name, content_type, size, sha256,"
                + " uploaded_by, uploaded_at, store, content) select ?, ?::uuid, 'Biên bản nghiệm thu.pdf',"
                + " 'application/pdf', length(c), encode(sha256(c), 'hex'), 'user-UBND_XA:06490', now(), 'postgres', c"
                + " from (select convert_to('%PDF-1.7', 'UTF8') || decode(repeat('a5', ? - 8), 'hex') as c) f",
                id, taskId, SIZE);
        return id.toString();
    }

    // three times Linux's largest send buffer (net.ipv4.tcp_wmem max, 4 MiB here): a 4 MiB file fitted into an
    // autotuned buffer now and then, its download ended, and the test saw 19 of 21 slots taken
    private static final int SIZE = 12 * 1024 * 1024;
}
