package vn.ntm.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every golden file is a valid example of its JSON Schema, and the contract files refer to each other correctly. */
class GoldenFilesMatchTheirSchemasTest {
    private static final Pattern CONTRACT_FILE = Pattern.compile("(golden|schemas)/([A-Za-z0-9._-]+\\.json)");

    static List<String> schemaFiles() {
        return ContractFiles.fileNames(ContractFiles.SCHEMAS);
    }

    static List<String> asyncApiFiles() {
        return ContractFiles.fileNames(ContractFiles.ASYNCAPI);
    }

    @Test
    void everyGoldenFileAndEverySchemaOfTheModuleIsCoveredByTheseTests() {
        assertThat(ContractFiles.fileNames(ContractFiles.GOLDEN))
                .as("a new golden file needs a row in Golden")
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Golden.values()).map(g -> g.file).toList());
        assertThat(schemaFiles())
                .as("a new schema needs a golden file (a row in Golden)")
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Golden.values()).map(g -> g.schema).distinct()
                        .toList());
    }

    @ParameterizedTest
    @EnumSource(Golden.class)
    void everyGoldenFileMatchesItsSchema(Golden golden) {
        assertThat(ContractFiles.validate(golden.schema, golden.text())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Golden.class)
    void everyGoldenFileMatchesItsSchemaWithFormatsAsserted(Golden golden) {
        assertThat(ContractFiles.validateWithFormats(golden.schema, golden.text())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Golden.class)
    void everyGoldenFileCarriesTheSchemaVersionItsSchemaPins(Golden golden) {
        JsonNode schema = ContractFiles.tree(ContractFiles.text(ContractFiles.SCHEMAS + golden.schema));
        int pinned = schema.at("/properties/schemaVersion/const").asInt(-1);

        assertThat(golden.schemaVersion()).isEqualTo(pinned);
        assertThat(Golden.versionOf(golden.schema)).as("*.vN.schema.json is version N").isEqualTo(pinned);
        assertThat(Golden.versionOf(golden.file)).as("*.vN.json is version N").isEqualTo(pinned);
        assertThat(pinned).as("no schema of a version the record does not know")
                .isBetween(1, golden.currentSchemaVersion());
    }

    @Test
    void everyRecordHasAGoldenFileOfTheVersionItsProducersWrite() {
        Set<Class<?>> records = new LinkedHashSet<>();
        Arrays.stream(Golden.values()).forEach(g -> records.add(g.record));
        for (Class<?> record : records) {
            assertThat(Arrays.stream(Golden.values()).filter(g -> g.record == record).anyMatch(Golden::current))
                    .as("%s has a golden file of its SCHEMA_VERSION", record.getSimpleName()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void everySchemaIsAValidDraft202012Schema(String schemaFile) {
        Schema metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        String schema = ContractFiles.text(ContractFiles.SCHEMAS + schemaFile);

        assertThat(ContractFiles.tree(schema).get("$schema").asText())
                .isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(metaSchema.validate(schema, InputFormat.JSON)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("schemaFiles")
    void everySchemaIdIsItsFileNameUnderTheSchemaBase(String schemaFile) {
        JsonNode schema = ContractFiles.tree(ContractFiles.text(ContractFiles.SCHEMAS + schemaFile));

        assertThat(schema.get("$id").asText()).isEqualTo(CloudEventHeaders.SCHEMA_BASE + schemaFile);
    }

    @Test
    void theDataSchemaHeadersNameTheSchemasOfTheVersionsProducersWrite() {
        assertThat(CloudEventHeaders.INSPECTION_FINALIZED_V2_SCHEMA)
                .isEqualTo(CloudEventHeaders.SCHEMA_BASE + currentSchemaOf(InspectionFinalized.class));
        assertThat(CloudEventHeaders.TASK_EVENT_V3_SCHEMA)
                .isEqualTo(CloudEventHeaders.SCHEMA_BASE + currentSchemaOf(TaskEvent.class));
        assertThat(CloudEventHeaders.TASK_REASSIGNED_V3_SCHEMA)
                .isEqualTo(CloudEventHeaders.SCHEMA_BASE + currentSchemaOf(TaskReassigned.class));
        assertThat(CloudEventHeaders.TASK_EXTENSION_V2_SCHEMA)
                .isEqualTo(CloudEventHeaders.SCHEMA_BASE + currentSchemaOf(TaskExtensionEvent.class));
        assertThat(CloudEventHeaders.SECTORS_CHANGED_V2_SCHEMA)
                .isEqualTo(CloudEventHeaders.SCHEMA_BASE + currentSchemaOf(SectorsChanged.class));
    }

    @ParameterizedTest
    @MethodSource("asyncApiFiles")
    void everyGoldenFileAndSchemaTheAsyncApiDocumentsNameExists(String document) {
        String text = ContractFiles.text(ContractFiles.ASYNCAPI + document);
        Matcher named = CONTRACT_FILE.matcher(text);
        List<String> missing = new ArrayList<>();
        int count = 0;
        while (named.find()) {
            count++;
            List<String> files = ContractFiles.fileNames("/contracts/" + named.group(1) + "/");
            if (!files.contains(named.group(2))) {
                missing.add(named.group());
            }
        }

        assertThat(count).as("the document names contract files").isPositive();
        assertThat(missing).isEmpty();
    }

    private static String currentSchemaOf(Class<?> record) {
        List<String> schemas = Stream.of(Golden.values()).filter(g -> g.record == record && g.current())
                .map(g -> g.schema).distinct().toList();
        assertThat(schemas).hasSize(1);
        return schemas.get(0);
    }
}
