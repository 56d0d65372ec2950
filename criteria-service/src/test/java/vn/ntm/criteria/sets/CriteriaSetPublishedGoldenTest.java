package vn.ntm.criteria.sets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.CriteriaSetPublished;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Pins the wire format of ntm.criteria-set.published: the seeded set serializes exactly to the golden file. */
@QuarkusTest
class CriteriaSetPublishedGoldenTest {
    @Inject
    ObjectMapper json;
    @Inject
    CriteriaSetService sets;

    @Test
    void seededSetSerializesToTheGoldenEvent() throws IOException {
        // the event data as announce() writes it to the outbox: the set's document, mapped by CriteriaSetEvents
        String wire = json.writeValueAsString(CriteriaSetEvents.published(sets.export("XA_NTM_2021_2025")));

        assertThat(json.readTree(wire)).isEqualTo(json.readTree(resource("/contracts/golden/criteria-set-published.json")));
        assertThat(wire).contains("\"provinceCode\":null").contains("\"name\":\"Giao thông\"");
    }

    @Test
    void goldenEventConformsToTheSchemaAndReadsBackAsTheRecord() throws IOException {
        String golden = resource("/contracts/golden/criteria-set-published.json");
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(resource("/contracts/schemas/criteria-set-published.schema.json"), InputFormat.JSON);

        assertThat(schema.validate(golden, InputFormat.JSON)).isEmpty();
        CriteriaSetPublished event = json.readValue(golden, CriteriaSetPublished.class);
        assertThat(json.readTree(json.writeValueAsString(event))).isEqualTo(json.readTree(golden));
        assertThat(schema.validate(golden.replace("\"GTVT\"", "\"TRANSPORT\""), InputFormat.JSON)).isNotEmpty();
    }

    private String resource(String path) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
