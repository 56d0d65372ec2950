package vn.ntm.inspection.inspections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.Topics;
import vn.ntm.inspection.fixtures.Api;
import vn.ntm.inspection.fixtures.Auth;
import vn.ntm.inspection.fixtures.CatalogFixture;
import vn.ntm.inspection.fixtures.Db;
import vn.ntm.inspection.fixtures.Topic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Issue 22 item 3: a FINALIZED inspection is corrected (đính chính) by a new version of its findings with a reason and
 * the corrector; the first version stays readable; ntm.inspection.corrected carries the whole corrected record.
 */
@QuarkusTest
class InspectionCorrectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REASON = "Đoàn kiểm tra ghi nhầm kết quả tiêu chí 17: biên bản thẩm định xác định đã đạt.";

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void registerAndCatalogAreCopied() {
        CatalogFixture.ensureSeedSet(db);
    }

    private record Finalized(String id, String commune) {
    }

    private static Finalized finalized(List<Integer> met) {
        String commune = Api.uniqueCommune();
        String id = Api.json().body(Api.inspectionBody("Đính chính " + UUID.randomUUID(), commune, "2023-04-12"))
                .post("/inspections").then().statusCode(201).extract().path("id");
        Api.findings(id).body(Api.findingsMeeting(met)).put("/inspections/" + id + "/communes/" + commune
                + "/findings").then().statusCode(200);
        Api.json().post("/inspections/" + id + "/finalize").then().statusCode(200);
        return new Finalized(id, commune);
    }

    private static String correction(String commune, String reason, List<Integer> met) {
        return "{" + (reason == null ? "" : "\"reason\": " + quoted(reason) + ", ") + "\"communes\": [{\"code\": \""
                + commune + "\", \"findings\": " + Api.findingsMeeting(met) + "}]}";
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long met(String id) {
        return Db.count(db, "select count(*) from finding f join inspection_commune c on c.id = f.commune_id"
                + " where c.inspection_id = ?::uuid and f.result = 'MET'", id);
    }

    private long versions(String id) {
        return Db.count(db, "select count(*) from inspection_findings_version where inspection_id = ?::uuid", id);
    }

    private long correctedEvents(String id) {
        return Db.count(db, "select count(*) from outbox_event where event_key = ? and event_type = ?", id,
                EventTypes.INSPECTION_CORRECTED);
    }

    @Test
    void aCorrectionMakesVersionTwoWithReasonAndActorAndVersionOneStaysReadable() throws IOException {
        Finalized f = finalized(List.of(1, 2, 3));
        String etag = Api.etag(f.id());

        String newEtag = Api.json().header("If-Match", etag).body(correction(f.commune(), REASON, List.of(1, 2, 3, 17)))
                .post("/inspections/" + f.id() + "/corrections").then().statusCode(201)
                .body("version", equalTo(2))
                .body("reason", equalTo(REASON))
                .body("correctedBy", equalTo("inspector-20"))
                .body("communes", equalTo(List.of(f.commune())))
                .extract().header("ETag");
        assertThat(newEtag).isNotEqualTo(etag);
        assertThat(met(f.id())).isEqualTo(4);

        Api.reader().get("/inspections/" + f.id()).then().statusCode(200)
                .header("ETag", newEtag)
                .body("status", equalTo("FINALIZED"))
                .body("findingsVersion", equalTo(2))
                .body("latestFindingsVersion", equalTo(2))
                .body("communes[0].summary.met", equalTo(4))
                .body("communes[0].summary.metCriteria", equalTo(List.of(1, 2, 3, 17)));
        Api.reader().get("/inspections/" + f.id() + "?version=1").then().statusCode(200)
                .body("findingsVersion", equalTo(1))
                .body("latestFindingsVersion", equalTo(2))
                .body("communes[0].summary.met", equalTo(3))
                .body("communes[0].summary.metCriteria", equalTo(List.of(1, 2, 3)))
                .body("communes[0].findings[16].result", equalTo("NOT_MET"));
        Api.reader().get("/inspections/" + f.id() + "?version=2").then().statusCode(200)
                .body("communes[0].findings[16].result", equalTo("MET"));
        Api.reader().get("/inspections/" + f.id() + "?version=3").then().statusCode(404)
                .contentType("application/problem+json");
        Api.reader().get("/inspections/" + f.id() + "/corrections").then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].version", equalTo(2))
                .body("[0].reason", equalTo(REASON))
                .body("[0].correctedBy", equalTo("inspector-20"))
                .body("[0].correctedAt", org.hamcrest.Matchers.notNullValue());

        // the finalized event and then the correction, same key; the correction carries the whole corrected record
        List<ConsumerRecord<String, String>> records = Topic.sentWithKey(db, Topics.INSPECTION_EVENTS, f.id());
        assertThat(records).extracting(r -> Topic.header(r, CloudEventHeaders.TYPE))
                .containsExactly(EventTypes.INSPECTION_FINALIZED, EventTypes.INSPECTION_CORRECTED);
        ConsumerRecord<String, String> corrected = records.get(1);
        assertThat(Topic.header(corrected, CloudEventHeaders.DATA_SCHEMA))
                .isEqualTo("https://ntm.vn/contracts/schemas/inspection-corrected.schema.json");
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(resource("/contracts/schemas/inspection-corrected.schema.json"), InputFormat.JSON);
        assertThat(schema.validate(corrected.value(), InputFormat.JSON)).isEmpty();
        JsonNode data = JSON.readTree(corrected.value());
        assertThat(data.get("inspectionId").asText()).isEqualTo(f.id());
        assertThat(data.get("version").asInt()).isEqualTo(2);
        assertThat(data.get("reason").asText()).isEqualTo(REASON);
        assertThat(data.get("correctedBy").asText()).isEqualTo("inspector-20");
        assertThat(data.at("/inspection/communes/0/summary/met").asInt()).isEqualTo(4);
        assertThat(data.at("/inspection/communes/0/findings/16/result").asText()).isEqualTo("MET");
        assertThat(data.at("/inspection/finalizedAt").asText()).isNotBlank();
    }

    @Test
    void twoCorrectionsRacingForTheSameVersionOneWinsTheOtherGets412() throws Exception {
        Finalized f = finalized(List.of(1, 2, 3));
        String etag = Api.etag(f.id());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> first = () -> Api.json().header("If-Match", etag)
                    .body(correction(f.commune(), "Lần một", List.of(1, 2, 3, 4))).post("/inspections/" + f.id()
                            + "/corrections").then().extract().statusCode();
            Callable<Integer> second = () -> Api.json().header("If-Match", etag)
                    .body(correction(f.commune(), "Lần hai", List.of(1, 2, 3, 5))).post("/inspections/" + f.id()
                            + "/corrections").then().extract().statusCode();
            Future<Integer> a = pool.submit(first);
            Future<Integer> b = pool.submit(second);
            assertThat(List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS)))
                    .containsExactlyInAnyOrder(201, 412);
        } finally {
            pool.shutdownNow();
        }
        assertThat(versions(f.id())).isEqualTo(2);
        assertThat(correctedEvents(f.id())).isEqualTo(1);
        Api.reader().get("/inspections/" + f.id() + "/corrections").then().body("size()", equalTo(1));

        // a correction without If-Match is 428; with the new ETag a second correction makes version 3
        Api.json().body(correction(f.commune(), REASON, List.of(1))).post("/inspections/" + f.id() + "/corrections")
                .then().statusCode(428).contentType("application/problem+json");
        Api.json().header("If-Match", Api.etag(f.id())).body(correction(f.commune(), REASON, List.of(1)))
                .post("/inspections/" + f.id() + "/corrections").then().statusCode(201).body("version", equalTo(3));
        Api.reader().get("/inspections/" + f.id() + "?version=1").then().body("communes[0].summary.met", equalTo(3));
        Api.reader().get("/inspections/" + f.id()).then().body("communes[0].summary.met", equalTo(1));
    }

    @Test
    void aRefusedCorrectionIsAProblemNamingTheFieldAndChangesNothing() {
        Finalized f = finalized(List.of(1, 2, 3));
        String path = "/inspections/" + f.id() + "/corrections";
        String etag = Api.etag(f.id());

        // another province's inspection: 404, as for every other change; a viewer: 403
        Api.json(Auth.inspector("01")).header("If-Match", etag).body(correction(f.commune(), REASON, List.of(1)))
                .post(path).then().statusCode(404).contentType("application/problem+json");
        Api.json(Auth.viewer("20")).header("If-Match", etag).body(correction(f.commune(), REASON, List.of(1)))
                .post(path).then().statusCode(403).contentType("application/problem+json");
        // no reason, a blank one
        badField(Api.json().header("If-Match", etag).body(correction(f.commune(), null, List.of(1))).post(path)
                .then(), "reason");
        badField(Api.json().header("If-Match", etag).body(correction(f.commune(), "  ", List.of(1))).post(path)
                .then(), "reason");
        // an unknown criterion
        String unknown = "{\"reason\": \"x\", \"communes\": [{\"code\": \"" + f.commune() + "\", \"findings\": "
                + Api.findingsMeeting(List.of(1)).replace("{\"criterion\": 19,", "{\"criterion\": 99,") + "}]}";
        badField(Api.json().header("If-Match", etag).body(unknown).post(path).then(),
                "communes[0].findings[18].criterion");
        // incomplete findings: every criterion of the set, as at finalize
        String incomplete = "{\"reason\": \"x\", \"communes\": [{\"code\": \"" + f.commune() + "\", \"findings\":"
                + " [{\"criterion\": 1, \"result\": \"MET\"}]}]}";
        badField(Api.json().header("If-Match", etag).body(incomplete).post(path).then(), "communes[0].findings");
        // a commune outside the inspection, a statedMet above the set's size
        badField(Api.json().header("If-Match", etag).body(correction("00004", REASON, List.of(1))).post(path).then(),
                "communes[0].code");
        String tooMany = "{\"reason\": \"x\", \"communes\": [{\"code\": \"" + f.commune() + "\", \"statedMet\": 20,"
                + " \"findings\": " + Api.findingsMeeting(List.of(1)) + "}]}";
        badField(Api.json().header("If-Match", etag).body(tooMany).post(path).then(), "communes[0].statedMet");

        assertThat(Api.etag(f.id())).isEqualTo(etag);
        assertThat(met(f.id())).isEqualTo(3);
        assertThat(versions(f.id())).isZero();
        assertThat(correctedEvents(f.id())).isZero();
        Api.reader().get("/inspections/" + f.id() + "/corrections").then().statusCode(200).body("size()", equalTo(0));
        Api.reader().get("/inspections/" + f.id()).then().body("findingsVersion", equalTo(1));
    }

    @Test
    void aDraftIsNotCorrectedButChangedDirectly() {
        String commune = Api.uniqueCommune();
        String id = Api.json().body(Api.inspectionBody("Nháp " + UUID.randomUUID(), commune, "2023-04-12"))
                .post("/inspections").then().statusCode(201).extract().path("id");
        String etag = Api.etag(id);

        Api.json().header("If-Match", etag).body(correction(commune, REASON, List.of(1)))
                .post("/inspections/" + id + "/corrections").then().statusCode(409)
                .contentType("application/problem+json").body("status", equalTo(409))
                .body("code", equalTo("INSPECTION_NOT_FINALIZED"));
        assertThat(Api.etag(id)).isEqualTo(etag);
        assertThat(versions(id)).isZero();
        assertThat(Db.string(db, "select status from inspection where id = ?::uuid", id)).isEqualTo("DRAFT");
        Api.reader().get("/inspections/" + id + "?version=2").then().statusCode(404);
        Api.reader().get("/inspections/" + id + "?version=1").then().statusCode(200)
                .body("findingsVersion", equalTo(1));
    }

    private static void badField(ValidatableResponse response, String field) {
        response.statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.message", org.hamcrest.Matchers.notNullValue());
    }

    private static String resource(String path) {
        try (InputStream in = InspectionCorrectionTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
