package vn.ntm.inspection.inspections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.Topics;
import vn.ntm.inspection.fixtures.Api;
import vn.ntm.inspection.fixtures.CatalogFixture;
import vn.ntm.inspection.fixtures.SeedInspection;
import vn.ntm.inspection.fixtures.Topic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** The seed inspection entered through the REST API, as DOMAIN.md §4 decodes the notice. */
@QuarkusTest
class SeedInspectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void catalogHasTheSeedSet() {
        CatalogFixture.ensureSeedSet(db);
    }

    @Test
    void seedInspectionGivesThirteenOfNineteenForThuongCuongAndChiLangsNamedUnmetCriteria() {
        String id = SeedInspection.enter();

        var body = Api.reader().get("/inspections/" + id).then().statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("communes[0].code", equalTo("06490"))
                .body("communes[0].name", equalTo("Xã Thượng Cường"))
                .body("communes[0].summary.met", equalTo(13))
                .body("communes[0].summary.notMet", equalTo(6))
                .body("communes[0].summary.notAssessed", equalTo(0))
                .body("communes[0].summary.total", equalTo(19))
                .body("communes[0].summary.metCriteria", equalTo(SeedInspection.THUONG_CUONG_MET))
                .body("communes[0].summary.notMetCriteria", equalTo(SeedInspection.THUONG_CUONG_NOT_MET))
                .body("communes[0].findings[16].criterionName", equalTo("Môi trường và an toàn thực phẩm"))
                .body("communes[0].findings[16].deadline", equalTo("2022-10-30"))
                .body("communes[0].findings[16].sectors", equalTo(List.of("TNMT", "YT", "NNPTNT", "CT")))
                .body("communes[1].code", equalTo("06523"))
                .body("communes[1].statedMet", equalTo(10))
                .body("communes[1].targetTier", equalTo("NTM_KIEU_MAU"))
                .body("communes[1].summary.met", equalTo(0))
                .body("communes[1].summary.notMet", equalTo(4))
                .body("communes[1].summary.notAssessed", equalTo(15))
                .body("communes[1].summary.total", equalTo(19))
                .body("communes[1].summary.notMetCriteria", equalTo(SeedInspection.CHI_LANG_NAMED_NOT_MET))
                .body("communes[1].summary.missingCriteria", equalTo(List.of()))
                .body("communes[0].change", nullValue())
                .body("summary.communes", equalTo(2))
                .body("recommendations.size()", equalTo(4))
                .body("participants[0].type", nullValue())
                .body("participants[0].name", equalTo("Đoàn TNCSHCM tỉnh Lạng Sơn"))
                .extract().asString();

        JsonNode view = read(body);
        assertThat(view.get("summary").get("averageMetPerCommune").decimalValue()).isEqualByComparingTo("6.5");
        assertThat(view.get("statedFigures").get("averageCriteriaMetPerCommune").toString()).isEqualTo("10.11");
        assertThat(view.get("statedFigures").get("changeVsPreviousSet").toString()).isEqualTo("-4.45");
        assertThat(view.get("legalBasis").get(1).get("number").asText()).isEqualTo("71/KH-SLĐTBXH");
    }

    @Test
    void finalizedSeedEventOnTheBrokerConformsToTheSchemaAndEqualsTheGoldenFile() throws IOException {
        String id = SeedInspection.enter();

        Api.json().post("/inspections/" + id + "/finalize").then().statusCode(200)
                .body("status", equalTo("FINALIZED"));

        List<ConsumerRecord<String, String>> records = Topic.sentWithKey(db, Topics.INSPECTION_EVENTS, id);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(Topic.header(record, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.INSPECTION_FINALIZED);
        assertThat(Topic.header(record, CloudEventHeaders.SOURCE)).isEqualTo("/ntm/inspection-service");
        assertThat(Topic.header(record, CloudEventHeaders.ID)).isNotBlank();
        assertThat(Topic.header(record, CloudEventHeaders.DATA_SCHEMA))
                .isEqualTo("https://ntm.vn/contracts/schemas/inspection-finalized.v2.schema.json");

        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(resource("/contracts/schemas/inspection-finalized.v2.schema.json"), InputFormat.JSON);
        assertThat(schema.validate(record.value(), InputFormat.JSON)).isEmpty();
        Schema v1 = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(resource("/contracts/schemas/inspection-finalized.schema.json"), InputFormat.JSON);
        assertThat(v1.validate(record.value(), InputFormat.JSON)).as("version 2 is a new schema version")
                .isNotEmpty();

        JsonNode produced = read(record.value());
        assertThat(produced.get("schemaVersion").asInt()).isEqualTo(2);
        // every unit code travels with the register date it refers to: the inspection's date
        assertThat(produced.get("registerDate").asText()).isEqualTo("2022-07-20");
        for (JsonNode commune : produced.get("communes")) {
            assertThat(commune.get("registerDate").asText()).isEqualTo("2022-07-20");
            commune.get("findings").forEach(f -> assertThat(f.get("registerDate").asText()).isEqualTo("2022-07-20"));
        }
        produced.get("recommendations")
                .forEach(r -> assertThat(r.get("registerDate").asText()).isEqualTo("2022-07-20"));
        JsonNode golden = SeedInspection.goldenV2();
        assertThat(produced.get("inspectionId").asText()).isEqualTo(id);
        assertThat(Instant.parse(produced.get("finalizedAt").asText())).isAfter(Instant.now().minusSeconds(300));
        ObjectNode normalized = (ObjectNode) produced.deepCopy();
        normalized.set("inspectionId", golden.get("inspectionId"));
        normalized.set("finalizedAt", golden.get("finalizedAt"));
        ArrayNode recommendations = (ArrayNode) normalized.get("recommendations");
        for (int i = 0; i < recommendations.size(); i++) {
            ((ObjectNode) recommendations.get(i)).set("id", golden.get("recommendations").get(i).get("id"));
        }
        assertThat(normalized).isEqualTo(golden);
        // Vietnamese text goes over the wire as UTF-8, not \\u escapes
        assertThat(record.value()).contains("Thượng Cường").doesNotContain("\\u");
    }

    @Test
    void theRecordCarriesTheRegisterDateNextToItsUnitCodes() {
        String id = SeedInspection.enter();
        JsonNode view = read(Api.json().get("/inspections/" + id).then().statusCode(200).extract().asString());
        assertThat(view.get("registerDate").asText()).isEqualTo("2022-07-20");
        assertThat(view.get("communes").get(0).get("registerDate").asText()).isEqualTo("2022-07-20");
        assertThat(view.get("communes").get(0).get("findings").get(0).get("registerDate").asText())
                .isEqualTo("2022-07-20");
        assertThat(view.get("recommendations").get(0).get("registerDate").asText()).isEqualTo("2022-07-20");
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = SeedInspectionTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
