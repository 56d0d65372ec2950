package vn.ntm.task.evidence;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import vn.ntm.localinfra.S3Server;
import vn.ntm.testinfra.TestInfrastructure;
import vn.ntm.task.Auth;
import vn.ntm.task.Multipart;
import vn.ntm.testinfra.RefusingTable;
import vn.ntm.task.evidence.store.EvidenceStores;
import vn.ntm.task.evidence.store.S3EvidenceStore;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static vn.ntm.task.Auth.as;
import static vn.ntm.task.Auth.asAdmin;

/**
 * README "Evidence" with {@code ntm.tasks.evidence.store=s3}, against a real S3-compatible server (S3Proxy on a
 * filesystem blob store, started by local-infra in its own JVM): every test of {@link EvidenceContract} (round trip,
 * refusals, ten full-size uploads at once), plus where the content is and what a failed transaction leaves. The
 * application of the other tests has the S3 store configured (RealInfrastructure) and sends new files to the bucket
 * while a test of this class runs.
 */
@QuarkusTest
class S3EvidenceTest extends EvidenceContract {
    static final String PREFIX = "evidence/";

    @Inject
    AgroalDataSource db;
    @Inject
    EvidenceStores stores;

    /** The test's own client of the bucket, to see what the service left there. */
    private static S3Client bucket;

    @BeforeAll
    static void openBucket() {
        S3Server s3 = TestInfrastructure.get().s3();
        bucket = S3Client.builder().httpClientBuilder(Apache5HttpClient.builder())
                .endpointOverride(URI.create(s3.endpoint())).region(Region.of(S3Server.REGION)).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(),
                        s3.secretKey()))).build();
    }

    @AfterAll
    static void closeBucket() {
        bucket.close();
    }

    private String storeBefore;

    @BeforeEach
    void newFilesToTheBucket() {
        storeBefore = stores.current().name();
        stores.sendNewFilesTo(S3EvidenceStore.NAME);
    }

    @AfterEach
    void newFilesToTheConfiguredStoreAgain() {
        stores.sendNewFilesTo(storeBefore);
    }

    private static List<S3Object> objectsOf(String taskId) {
        return bucket.listObjectsV2(b -> b.bucket(TestInfrastructure.S3_BUCKET).prefix(PREFIX + taskId + "/"))
                .contents();
    }

    @Test
    void keepsTheFileAsAnObjectOfTheBucketAndTheRowWithoutContent() throws Exception {
        String id = aTask();
        String name = "Báo cáo kết quả thực hiện tiêu chí số 17 – Môi trường.pdf";
        byte[] content = pdfOf(1_000_000, 7);
        Response created = Multipart.file(as(assignee), name, content).post("/tasks/" + id + "/evidence");
        created.then().statusCode(201).body("fileName", equalTo(name)).body("sha256", equalTo(sha256(content)));
        String evidenceId = created.path("id");

        String key = PREFIX + id + "/" + evidenceId;
        assertThat(objectsOf(id)).extracting(S3Object::key, S3Object::size)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(key, (long) content.length));
        byte[] stored = bucket.getObjectAsBytes(b -> b.bucket(TestInfrastructure.S3_BUCKET).key(key)).asByteArray();
        assertThat(sha256(stored)).isEqualTo(sha256(content));
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(
                "select store, object_key, content is null from task_evidence where id = ?::uuid")) {
            st.setString(1, evidenceId);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("s3");
                assertThat(rs.getString(2)).isEqualTo(key);
                assertThat(rs.getBoolean(3)).as("content kept out of the row").isTrue();
            }
        }
        Response download = as(Auth.viewer("20")).when().get("/tasks/" + id + "/evidence/" + evidenceId);
        download.then().statusCode(200).contentType("application/pdf")
                .header("X-Checksum-SHA256", sha256(content));
        assertThat(sha256(download.asByteArray())).isEqualTo(sha256(content));
    }

    @Test
    void aTransactionThatFailsAfterTheObjectWasWrittenLeavesNoObjectAndNoRow() {
        String id = aTask();
        // the object is written, then the history entry of the same transaction is refused: all of it rolls back
        try (RefusingTable refusing = new RefusingTable(db, "task_history", "action", "EVIDENCE_ADDED", "23514")) {
            int status = Multipart.file(as(assignee), "Biên bản.pdf", pdfOf(200_000, 3))
                    .post("/tasks/" + id + "/evidence").then().extract().statusCode();
            assertThat(status).isNotEqualTo(201);
            assertThat(refusing.refusals()).isEqualTo(1);
        }
        assertThat(objectsOf(id)).isEmpty();
        asAdmin().when().get("/tasks/" + id + "/evidence").then().statusCode(200).body("", hasSize(0));
        asAdmin().when().get("/tasks/" + id + "/history").then().body("", hasSize(1));
    }

    @Test
    void refusedUploadsWriteNoObject() {
        String id = aTask();
        byte[] pdf = Multipart.pdf("Minh chứng");
        // a viewer may see the task but not change it; another commune does not see it; a task that is not there
        Multipart.file(as(Auth.viewer("20")), "a.pdf", pdf).post("/tasks/" + id + "/evidence").then().statusCode(403);
        Multipart.file(as(Auth.org("UBND_XA:06475")), "a.pdf", pdf).post("/tasks/" + id + "/evidence").then()
                .statusCode(404);
        Multipart.part(as(assignee), "form-data; name=\"file\"; filename=\"giả mạo.pdf\"", "application/pdf",
                "<html></html>".getBytes(StandardCharsets.UTF_8)).post("/tasks/" + id + "/evidence").then()
                .statusCode(415);
        assertThat(objectsOf(id)).isEmpty();
        as(Auth.org("UBND_XA:06475")).when().get("/tasks/" + id + "/evidence").then().statusCode(404);
    }

    @Test
    void theSweepDeletesOldObjectsWithoutARowAndKeepsFilesWithOne() {
        String id = aTask();
        String evidenceId = Multipart.file(as(assignee), "Giữ lại.pdf", Multipart.pdf("giữ"))
                .post("/tasks/" + id + "/evidence").then().statusCode(201).extract().path("id");
        String orphan = PREFIX + id + "/" + UUID.randomUUID();
        bucket.putObject(b -> b.bucket(TestInfrastructure.S3_BUCKET).key(orphan), RequestBody.fromString("mồ côi"));

        int deleted = stores.s3().orElseThrow().sweepOrphans(Instant.now().plusSeconds(60));

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThatThrownBy(() -> bucket.headObject(b -> b.bucket(TestInfrastructure.S3_BUCKET).key(orphan)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThat(objectsOf(id)).extracting(S3Object::key).containsExactly(PREFIX + id + "/" + evidenceId);
        as(assignee).when().get("/tasks/" + id + "/evidence/" + evidenceId).then().statusCode(200);
    }

    @Test
    void aDeletedFileLosesItsObjectOnceTheDeletionCommittedAndARefusedOneKeepsIt() {
        String id = aTask();
        String gone = Multipart.file(as(assignee), "Xóa đi.pdf", Multipart.pdf("xóa"))
                .post("/tasks/" + id + "/evidence").then().statusCode(201).extract().path("id");
        String kept = Multipart.file(as(assignee), "Giữ lại.pdf", Multipart.pdf("giữ"))
                .post("/tasks/" + id + "/evidence").then().statusCode(201).extract().path("id");
        as(Auth.org("SO_NGANH:20:LDTBXH")).delete("/tasks/" + id + "/evidence/" + kept).then().statusCode(403);

        as(assignee).delete("/tasks/" + id + "/evidence/" + gone).then().statusCode(204);

        assertThat(objectsOf(id)).extracting(S3Object::key).containsExactly(PREFIX + id + "/" + kept);
        as(assignee).when().get("/tasks/" + id + "/evidence/" + kept).then().statusCode(200);
    }
}
