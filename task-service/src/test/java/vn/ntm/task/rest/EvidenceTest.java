package vn.ntm.task.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.ntm.task.Auth;
import vn.ntm.task.Fixtures;
import vn.ntm.task.Multipart;
import vn.ntm.task.service.InspectionEventHandler;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static vn.ntm.task.Auth.as;
import static vn.ntm.task.Auth.asAdmin;

/** README "Evidence": upload (multipart, as browsers send it), list and download, stored in PostgreSQL. */
@QuarkusTest
class EvidenceTest {
    private static final String NAME = "Biên bản nghiệm thu đường trục thôn Nà Phát – Đợt 2.pdf";

    @Inject
    InspectionEventHandler handler;

    private final String assignee = Auth.org("UBND_XA:06490");

    private String aTask() {
        UUID inspectionId = UUID.randomUUID();
        handler.handle(UUID.randomUUID(), Fixtures.seedRecord(inspectionId));
        return asAdmin().queryParam("inspectionId", inspectionId).queryParam("assigneeType", "UBND_XA")
                .queryParam("assigneeCode", "06490").queryParam("criterion", 17)
                .when().get("/tasks").then().statusCode(200).extract().path("items[0].id");
    }

    private static byte[] pdfOf(int size, long seed) {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        byte[] magic = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, content, 0, magic.length);
        return content;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @Test
    void keepsAVietnameseNameSentAsRawUtf8AndDownloadsTheFileByteForByte() throws Exception {
        String id = aTask();
        byte[] content = pdfOf(300_000, 1);
        Response created = Multipart.file(as(assignee), NAME, content).post("/tasks/" + id + "/evidence");
        created.then().statusCode(201).body("fileName", equalTo(NAME)).body("size", equalTo(content.length))
                .body("sha256", equalTo(sha256(content))).body("contentType", equalTo("application/pdf"))
                .body("uploadedBy", equalTo("user-UBND_XA:06490"));
        String evidenceId = created.path("id");
        assertThat(created.header("Location")).endsWith("/tasks/" + id + "/evidence/" + evidenceId);

        as(Auth.viewer("20")).when().get("/tasks/" + id + "/evidence").then().statusCode(200)
                .body("", hasSize(1)).body("[0].fileName", equalTo(NAME)).body("[0].id", equalTo(evidenceId));
        Response download = as(Auth.org("SO_NGANH:20:LDTBXH")).when()
                .get("/tasks/" + id + "/evidence/" + evidenceId);
        download.then().statusCode(200).contentType("application/pdf");
        assertThat(download.asByteArray()).isEqualTo(content);
        String encoded = URLEncoder.encode(NAME, StandardCharsets.UTF_8).replace("+", "%20");
        assertThat(download.header("Content-Disposition")).isEqualTo("attachment; filename=\"Bien ban nghiem thu"
                + " duong truc thon Na Phat _ Dot 2.pdf\"; filename*=UTF-8''" + encoded);
        asAdmin().when().get("/tasks/" + id + "/history").then()
                .body("action[1]", equalTo("EVIDENCE_ADDED")).body("actor[1]", equalTo("user-UBND_XA:06490"));
    }

    @Test
    void acceptsTheRfc5987FileNameStarAndSniffsTheTypeFromTheContent() {
        String id = aTask();
        String name = "Ảnh hiện trường bãi rác.png";
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Multipart.fileStar(as(assignee), "Anh hien truong bai rac.png",
                        URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"), png)
                .post("/tasks/" + id + "/evidence").then().statusCode(201)
                .body("fileName", equalTo(name)).body("contentType", equalTo("image/png"));
        // declared a PDF, named .pdf, but it is text: refused, and nothing is written
        Multipart.part(as(assignee), "form-data; name=\"file\"; filename=\"giả mạo.pdf\"", "application/pdf",
                        "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))
                .post("/tasks/" + id + "/evidence").then().statusCode(415).contentType("application/problem+json");
        asAdmin().when().get("/tasks/" + id + "/evidence").then().body("", hasSize(1));
        asAdmin().when().get("/tasks/" + id + "/history").then().body("", hasSize(2));
    }

    @Test
    void refusesBadUploadsWithProblemJsonAndWritesNothing() {
        String id = aTask();
        // one byte over the default limit of 20 MB
        byte[] tooLarge = pdfOf(20 * 1024 * 1024 + 1, 2);
        Multipart.file(as(assignee), "lớn.pdf", tooLarge).post("/tasks/" + id + "/evidence").then()
                .statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
        Multipart.file(as(assignee), "rỗng.pdf", new byte[0]).post("/tasks/" + id + "/evidence").then()
                .statusCode(422).contentType("application/problem+json");
        Multipart.part(as(assignee), "form-data; name=\"other\"; filename=\"a.pdf\"", "application/pdf",
                Multipart.pdf("x")).post("/tasks/" + id + "/evidence").then().statusCode(422)
                .contentType("application/problem+json");
        Multipart.file(as(assignee), "", Multipart.pdf("x")).post("/tasks/" + id + "/evidence").then()
                .statusCode(422).contentType("application/problem+json");
        as(assignee).contentType(ContentType.JSON).body("{\"file\":\"JVBERi0=\"}").post("/tasks/" + id + "/evidence")
                .then().statusCode(415).contentType("application/problem+json");
        Multipart.file(as(assignee), "a.pdf", Multipart.pdf("x")).post("/tasks/" + UUID.randomUUID() + "/evidence")
                .then().statusCode(404).contentType("application/problem+json");
        as(assignee).when().get("/tasks/" + id + "/evidence/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        as(assignee).when().get("/tasks/" + id + "/evidence/not-a-uuid").then().statusCode(404);
        asAdmin().when().get("/tasks/" + id + "/evidence").then().body("", hasSize(0));
        asAdmin().when().get("/tasks/" + id + "/history").then().body("", hasSize(1));
    }

    @Test
    void takesTenUploadsAtOnceAndDownloadsOneByteIdenticalWithItsName() throws Exception {
        String id = aTask();
        int n = 10;
        List<byte[]> contents = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            contents.add(pdfOf(2 * 1024 * 1024 + i, 100 + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<String>> uploads = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                int k = i;
                uploads.add(pool.submit(() -> Multipart.file(as(assignee), "Minh chứng số " + k + ".pdf",
                        contents.get(k)).post("/tasks/" + id + "/evidence").then().statusCode(201)
                        .extract().path("id")));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : uploads) {
                ids.add(f.get(5, TimeUnit.MINUTES));
            }
            asAdmin().when().get("/tasks/" + id + "/evidence").then().statusCode(200).body("", hasSize(n));
            Response one = as(assignee).when().get("/tasks/" + id + "/evidence/" + ids.get(7));
            one.then().statusCode(200);
            assertThat(one.asByteArray()).isEqualTo(contents.get(7));
            assertThat(one.header("Content-Disposition")).contains("filename*=UTF-8''Minh%20ch%E1%BB%A9ng%20s%E1%BB%91%207.pdf");
            asAdmin().when().get("/tasks/" + id + "/history").then().body("", hasSize(1 + n));
        } finally {
            pool.shutdownNow();
        }
    }
}
