package vn.ntm.criteria.sets;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

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

    private String resource(String path) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
