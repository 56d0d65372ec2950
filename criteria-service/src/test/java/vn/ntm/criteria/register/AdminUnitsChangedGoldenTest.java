package vn.ntm.criteria.register;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.ntm.contracts.AdminUnitsChanged;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the wire format of ntm.admin-units.changed: the seeded event of Lạng Sơn, cut down to the seed inspection's
 * units, serializes exactly to the golden file.
 */
@QuarkusTest
class AdminUnitsChangedGoldenTest {
    private static final Set<String> GOLDEN_CODES = Set.of("20", "187", "06475", "06490");

    @Inject
    ObjectMapper json;
    @Inject
    AdminUnitStore store;

    @Test
    void seededLangSonSerializesToTheGoldenEvent() throws IOException {
        AdminUnitsChanged full = store.provinceStates(List.of("20"), "units-2025-07").get("20");
        AdminUnitsChanged cut = new AdminUnitsChanged(full.schemaVersion(), full.registerVersion(), full.provinceCode(),
                full.units().stream().filter(u -> GOLDEN_CODES.contains(u.code())).toList(),
                full.successions().stream().filter(s -> GOLDEN_CODES.contains(s.fromCode())).toList());

        String wire = json.writeValueAsString(cut);

        assertThat(json.readTree(wire)).isEqualTo(json.readTree(resource("/contracts/golden/admin-units-changed.json")));
        assertThat(wire).contains("\"parentCode\":null").contains("\"validTo\":null")
                .contains("\"validFrom\":\"2025-07-01\"");
        assertThat(schema().validate(json.writeValueAsString(full), InputFormat.JSON)).isEmpty();
    }

    private Schema schema() throws IOException {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(resource("/contracts/schemas/admin-units-changed.schema.json"), InputFormat.JSON);
    }

    private String resource(String path) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
