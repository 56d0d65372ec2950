package vn.ntm.task.evidence;

import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.ntm.task.Auth;
import vn.ntm.task.Fixtures;
import vn.ntm.task.InspectionEvents;
import vn.ntm.task.Multipart;
import vn.ntm.task.intake.InspectionEventBatch;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static vn.ntm.task.Auth.as;
import static vn.ntm.task.Auth.asAdmin;

/**
 * README "Evidence": upload (multipart, as browsers send it), list and download, whatever the store:
 * {@link EvidenceTest} runs these tests with PostgreSQL (the default store), {@link S3EvidenceTest} with the S3 store.
 * Abstract, so that the application holds one bean per concrete test class (a test class extending another would be
 * an ambiguous bean of the same start).
 */
abstract class EvidenceContract {
    private static final String NAME = "Biên bản nghiệm thu đường trục thôn Nà Phát – Đợt 2.pdf";

    @Inject
    InspectionEventBatch inspections;
    @Inject
    EvidenceService evidence;
    @TestHTTPResource("/")
    URL base;

    final String assignee = Auth.org("UBND_XA:06490");

    String aTask() {
        UUID inspectionId = UUID.randomUUID();
        InspectionEvents.handle(inspections, UUID.randomUUID(), Fixtures.seedRecord(inspectionId));
        return asAdmin().queryParam("inspectionId", inspectionId).queryParam("assigneeType", "UBND_XA")
                .queryParam("assigneeCode", "06490").queryParam("criterion", 17)
                .when().get("/tasks").then().statusCode(200).extract().path("items[0].id");
    }

    static byte[] pdfOf(int size, long seed) {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        byte[] magic = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, content, 0, magic.length);
        return content;
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();

    /** A multipart upload as a browser sends it (raw UTF-8 name), its file part streamed from {@code file}. */
    private CompletableFuture<HttpResponse<String>> postStreamed(String taskId, String fileName, GeneratedPdf file)
            throws Exception {
        String boundary = "----ntmBoundary" + UUID.randomUUID().toString().replace("-", "");
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(
                        List.of(new ByteArrayInputStream(head), file, new ByteArrayInputStream(tail))))),
                head.length + file.size + tail.length);
        return client.sendAsync(HttpRequest.newBuilder(base.toURI().resolve("tasks/" + taskId + "/evidence"))
                        .header("Authorization", assignee)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .timeout(Duration.ofMinutes(5)).POST(body).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
    void officeDocumentsAreTypedByTheirContentAndCraftedOnesAreRefusedWithNothingWritten() {
        String id = aTask();
        // the type comes from the content, whatever the name says
        String odt = Multipart.file(as(assignee), "Biên bản.odt", OfficeFiles.odf(OfficeFiles.ODT))
                .post("/tasks/" + id + "/evidence").then().statusCode(201)
                .body("contentType", equalTo(OfficeFiles.ODT)).extract().path("id");
        Multipart.file(as(assignee), "Báo cáo.xls", OfficeFiles.ole2("WordDocument", "1Table"))
                .post("/tasks/" + id + "/evidence").then().statusCode(201)
                .body("contentType", equalTo("application/msword"));
        as(assignee).when().get("/tasks/" + id + "/evidence/" + odt).then().statusCode(200)
                .header("Content-Type", OfficeFiles.ODT);
        // an OpenDocument package naming another type or a header of its own, a .doc that is text, and a compound
        // file without a Word, Excel or PowerPoint stream
        java.util.Map<String, byte[]> crafted = new java.util.LinkedHashMap<>();
        crafted.put("trang.odt", OfficeFiles.odf("text/html", true, "content.xml", "META-INF/manifest.xml"));
        crafted.put("tiêm.odt", OfficeFiles.odf(OfficeFiles.ODT + "\r\nX-Evil: 1", true, "content.xml",
                "META-INF/manifest.xml"));
        crafted.put("Báo cáo.doc", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        crafted.put("Báo cáo cũ.doc", OfficeFiles.ole2("Contents"));
        crafted.forEach((name, content) -> Multipart.file(as(assignee), name, content)
                .post("/tasks/" + id + "/evidence").then().statusCode(415).contentType("application/problem+json")
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE")).body("errors[0].field", equalTo("file")));
        asAdmin().when().get("/tasks/" + id + "/evidence").then().body("", hasSize(2));
        asAdmin().when().get("/tasks/" + id + "/history").then().body("", hasSize(3));
    }

    private String upload(String bearer, String taskId, String name) {
        return Multipart.file(as(bearer), name, Multipart.pdf(name)).post("/tasks/" + taskId + "/evidence").then()
                .statusCode(201).extract().path("id");
    }

    private void patch(String bearer, String taskId, String version, String body) {
        as(bearer).contentType(ContentType.JSON).header("If-Match", "\"" + version + "\"").body(body)
                .patch("/tasks/" + taskId).then().statusCode(200);
    }

    @Test
    void aFileNotYetReportedIsDeletedByTheAssigneeOrItsUploaderAndAReportedOneIsKept() {
        String id = aTask();
        String lead = Auth.org("SO_NGANH:20:LDTBXH");
        String assigneeFile = upload(assignee, id, "Ảnh cũ.pdf");
        String leadFile = upload(lead, id, "Ghi chú của sở.pdf");
        String kept = upload(assignee, id, "Biên bản nghiệm thu.pdf");

        // refusals leave every file and add no history entry
        as(Auth.viewer("20")).delete("/tasks/" + id + "/evidence/" + assigneeFile).then().statusCode(403)
                .contentType("application/problem+json");
        as(Auth.org("UBND_XA:06523")).delete("/tasks/" + id + "/evidence/" + assigneeFile).then().statusCode(404)
                .contentType("application/problem+json");
        as(lead).delete("/tasks/" + id + "/evidence/" + assigneeFile).then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("EVIDENCE_UPLOADER_ONLY"));
        as(assignee).delete("/tasks/" + id + "/evidence/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        as(assignee).delete("/tasks/" + id + "/evidence/not-a-uuid").then().statusCode(404);
        as(assignee).delete("/tasks/" + UUID.randomUUID() + "/evidence/" + assigneeFile).then().statusCode(404);
        asAdmin().when().get("/tasks/" + id + "/evidence").then().body("", hasSize(3));
        asAdmin().when().get("/tasks/" + id + "/history").then().body("", hasSize(4));

        // the uploader deletes its own file, the assignee any file of its task
        as(lead).delete("/tasks/" + id + "/evidence/" + leadFile).then().statusCode(204);
        as(assignee).delete("/tasks/" + id + "/evidence/" + assigneeFile).then().statusCode(204);
        as(assignee).delete("/tasks/" + id + "/evidence/" + assigneeFile).then().statusCode(404);
        as(assignee).when().get("/tasks/" + id + "/evidence/" + leadFile).then().statusCode(404);
        asAdmin().when().get("/tasks/" + id + "/evidence").then().body("id", equalTo(List.of(kept)));
        JsonPath history = asAdmin().when().get("/tasks/" + id + "/history").then().body("", hasSize(6))
                .extract().jsonPath();
        assertThat(history.getList("action").subList(4, 6)).containsExactly("EVIDENCE_DELETED", "EVIDENCE_DELETED");
        assertThat(history.getList("actor").subList(4, 6)).containsExactly("user-SO_NGANH:20:LDTBXH",
                "user-UBND_XA:06490");
        assertThat(history.getString("note[5]")).startsWith("Ảnh cũ.pdf (");

        // reported: the file stays, while the task is REPORTED and after it is returned
        patch(assignee, id, "0", "{\"status\":\"IN_PROGRESS\"}");
        patch(assignee, id, "1", "{\"status\":\"REPORTED\",\"report\":\"Đã hoàn thành\"}");
        as(assignee).delete("/tasks/" + id + "/evidence/" + kept).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("EVIDENCE_REPORTED"));
        patch(Auth.admin(), id, "2", "{\"status\":\"RETURNED\",\"reason\":\"Thiếu ảnh hiện trường\"}");
        as(assignee).delete("/tasks/" + id + "/evidence/" + kept).then().statusCode(409)
                .body("code", equalTo("EVIDENCE_REPORTED"));
        String later = upload(assignee, id, "Ảnh hiện trường.pdf");
        as(assignee).delete("/tasks/" + id + "/evidence/" + later).then().statusCode(204);
        asAdmin().when().get("/tasks/" + id + "/evidence").then().body("id", equalTo(List.of(kept)));
        as(assignee).when().get("/tasks/" + id + "/evidence/" + kept).then().statusCode(200);
    }

    @Test
    void refusesBadUploadsWithProblemJsonAndWritesNothing() throws Exception {
        String id = aTask();
        // one byte over the limit (20 MB; 2 MiB in the default suite; streamed: RestAssured's failure log would box a
        // byte[] of it)
        HttpResponse<String> tooLarge = postStreamed(id, "lớn.pdf", new GeneratedPdf(evidence.maxSize() + 1, 2))
                .get(5, TimeUnit.MINUTES);
        assertThat(tooLarge.statusCode()).as(tooLarge.body()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        assertThat(JsonPath.from(tooLarge.body()).getInt("status")).isEqualTo(413);
        assertThat(JsonPath.from(tooLarge.body()).getString("code")).isEqualTo("TOO_LARGE");
        Multipart.file(as(assignee), "rỗng.pdf", new byte[0]).post("/tasks/" + id + "/evidence").then()
                .statusCode(422).contentType("application/problem+json").body("code", equalTo("FILE_EMPTY"));
        Multipart.part(as(assignee), "form-data; name=\"other\"; filename=\"a.pdf\"", "application/pdf",
                Multipart.pdf("x")).post("/tasks/" + id + "/evidence").then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("ONE_FILE_REQUIRED"));
        Multipart.file(as(assignee), "", Multipart.pdf("x")).post("/tasks/" + id + "/evidence").then()
                .statusCode(422).contentType("application/problem+json").body("code", equalTo("FILE_NAME_INVALID"));
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

    /**
     * README "Evidence": ten files of the full size (the limit: 20 MiB under {@code -Pload}, 2 MiB in the default
     * suite; the largest exactly at it) uploaded at
     * once, and one downloaded. The client streams each body from a generator and digests the download as it
     * arrives, so neither side of this JVM (test and service share it) holds a whole file; the used heap after the
     * uploads is printed as a figure, not asserted.
     */
    @Test
    void takesTenFullSizeUploadsAtOnceAndDownloadsOneByteIdenticalWithItsName() throws Exception {
        String id = aTask();
        int n = 10;
        long limit = evidence.maxSize();
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        long before = runtime.totalMemory() - runtime.freeMemory();
        List<GeneratedPdf> files = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> uploads = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            GeneratedPdf file = new GeneratedPdf(limit - i, 100 + i);
            files.add(file);
            uploads.add(postStreamed(id, "Minh chứng số " + i + ".pdf", file));
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HttpResponse<String> created = uploads.get(i).get(10, TimeUnit.MINUTES);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            JsonPath json = JsonPath.from(created.body());
            assertThat(json.getString("fileName")).isEqualTo("Minh chứng số " + i + ".pdf");
            assertThat(json.getLong("size")).isEqualTo(files.get(i).size);
            assertThat(json.getString("sha256")).isEqualTo(files.get(i).sha256());
            assertThat(json.getString("contentType")).isEqualTo("application/pdf");
            ids.add(json.getString("id"));
        }
        long uploaded = System.nanoTime();
        System.gc();
        System.out.printf("EvidenceTest: %d uploads of up to %d bytes at once in %d ms; used heap after GC %d MiB"
                        + " (before the uploads %d MiB, max heap %d MiB)%n", n, limit,
                (uploaded - started) / 1_000_000, (runtime.totalMemory() - runtime.freeMemory()) >> 20,
                before >> 20, runtime.maxMemory() >> 20);

        asAdmin().when().get("/tasks/" + id + "/evidence").then().statusCode(200).body("", hasSize(n))
                .body("size.sum()", equalTo(Math.toIntExact(files.stream().mapToLong(f -> f.size).sum())));
        HttpResponse<InputStream> one = client.send(HttpRequest.newBuilder(base.toURI().resolve("tasks/" + id
                        + "/evidence/" + ids.get(7))).header("Authorization", assignee).timeout(Duration.ofMinutes(5))
                .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(one.statusCode()).isEqualTo(200);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long received;
        try (InputStream in = new DigestInputStream(one.body(), digest)) {
            received = in.transferTo(OutputStream.nullOutputStream());
        }
        assertThat(received).isEqualTo(files.get(7).size);
        assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(files.get(7).sha256());
        assertThat(one.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(one.headers().firstValue("Content-Disposition")).get().asString()
                .contains("filename*=UTF-8''Minh%20ch%E1%BB%A9ng%20s%E1%BB%91%207.pdf");
        System.out.printf("EvidenceTest: uploads and one download in %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
        asAdmin().when().get("/tasks/" + id + "/history").then().body("", hasSize(1 + n));
    }

    /**
     * A PDF of {@code size} bytes (its magic, then seeded pseudo-random bytes) produced as it is read, digested on
     * the way; it never exists as a whole.
     */
    private static final class GeneratedPdf extends InputStream {
        private static final byte[] MAGIC = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        final long size;
        private final SplittableRandom random;
        private final MessageDigest digest;
        private long position;
        private String sha256;

        GeneratedPdf(long size, long seed) throws Exception {
            this.size = size;
            this.random = new SplittableRandom(seed);
            this.digest = MessageDigest.getInstance("SHA-256");
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int count = (int) Math.min(len, size - position);
            byte[] chunk = new byte[count];
            random.nextBytes(chunk);
            for (int i = 0; i < count && position + i < MAGIC.length; i++) {
                chunk[i] = MAGIC[(int) position + i];
            }
            System.arraycopy(chunk, 0, b, off, count);
            digest.update(chunk);
            position += count;
            return count;
        }

        /** The SHA-256 of everything produced, once all of it was read. */
        synchronized String sha256() {
            assertThat(position).as("bytes produced").isEqualTo(size);
            if (sha256 == null) {
                sha256 = HexFormat.of().formatHex(digest.digest());
            }
            return sha256;
        }
    }
}
