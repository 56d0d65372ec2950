package vn.ntm.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI documents are valid AsyncAPI 3.0 (checked against the specification's JSON Schema kept in the test
 * resources, as written and with their references resolved, as the official parser checks them), every reference
 * leads somewhere, and every message carries one of the module's schemas with golden files of it as examples.
 */
class AsyncApiDocumentsAreValidTest {
    static final String DRAFT_2020_12 = "application/schema+json;version=draft-2020-12";

    static List<String> documents() {
        return AsyncApiDocuments.names();
    }

    @Test
    void theModuleHasTheThreeServicesDocuments() {
        assertThat(documents()).contains("criteria-service.asyncapi.yaml", "inspection-service.asyncapi.yaml",
                "task-service.asyncapi.yaml");
    }

    @ParameterizedTest
    @MethodSource("documents")
    void everyDocumentIsValidAsyncApi30AsWritten(String document) {
        JsonNode tree = AsyncApiDocuments.tree(document);

        assertThat(tree.get("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(AsyncApiDocuments.validate(tree)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void everyDocumentIsValidAsyncApi30WithItsReferencesResolved(String document) {
        assertThat(AsyncApiDocuments.validate(AsyncApiDocuments.resolved(document))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("documents")
    void everyReferenceOfADocumentLeadsSomewhere(String document) {
        assertThat(AsyncApiDocuments.unresolvedRefs(document)).isEmpty();
    }

    /** The validation above would pass anything if the kept schema were not applied: these must be refused. */
    static Stream<String> brokenVariants() {
        return Stream.of("/info", "/components/messages/criteriaSetPublished/examples/0/payload",
                "/operations/publishCriteriaSetPublished/action");
    }

    @ParameterizedTest
    @MethodSource("brokenVariants")
    void theAsyncApiSchemaRefusesADocumentWithoutARequiredPart(String pointer) {
        JsonNode broken = JsonTrees.with(AsyncApiDocuments.tree("criteria-service.asyncapi.yaml"), pointer, null);

        assertThat(AsyncApiDocuments.validate(broken)).isNotEmpty();
    }

    @Test
    void theAsyncApiSchemaRefusesAnAsyncApi2Operation() {
        JsonNode broken = JsonTrees.with(AsyncApiDocuments.tree("criteria-service.asyncapi.yaml"),
                "/operations/publishCriteriaSetPublished/action", ContractFiles.tree("\"publish\""));

        assertThat(AsyncApiDocuments.validate(broken)).isNotEmpty();
    }

    /** Every message of every document, resolved, by {@code document#/components/messages/<key>}. */
    static Stream<Map.Entry<String, JsonNode>> messages() {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        for (String document : documents()) {
            AsyncApiDocuments.resolved(document).path("components").path("messages").properties()
                    .forEach(e -> out.add(Map.entry(document + "#/components/messages/" + e.getKey(), e.getValue())));
        }
        return out.stream();
    }

    static Stream<Map.Entry<String, JsonNode>> eventMessages() {
        return messages().filter(m -> !"dead-letter".equals(m.getValue().path("name").asText()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventMessages")
    void everyMessageIsNamedByAnEventTypeAndItsHeadersAgree(Map.Entry<String, JsonNode> message) {
        String name = message.getValue().path("name").asText();
        JsonNode type = message.getValue().at("/headers/properties/ce_type/const");

        assertThat(eventTypes()).contains(name);
        if (!type.isMissingNode()) {
            assertThat(type.asText()).isEqualTo(name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventMessages")
    void everyMessagePayloadIsADraft202012SchemaOfTheModule(Map.Entry<String, JsonNode> message) {
        JsonNode payload = message.getValue().path("payload");

        assertThat(payload.path("schemaFormat").asText()).isEqualTo(DRAFT_2020_12);
        assertThat(payloadSchemas(message.getValue())).isNotEmpty()
                .allSatisfy(file -> assertThat(ContractFiles.fileNames(ContractFiles.SCHEMAS)).contains(file));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventMessages")
    void everyExampleIsAGoldenFileOfOneOfThePayloadsSchemas(Map.Entry<String, JsonNode> message) {
        List<String> schemas = payloadSchemas(message.getValue());
        for (JsonNode example : message.getValue().path("examples")) {
            String golden = goldenOf(example.path("payload"));
            assertThat(golden).as("example %s is a golden file", example.path("name")).isNotNull();

            List<String> matching = schemas.stream()
                    .filter(schema -> ContractFiles.validate(schema, example.path("payload").toString()).isEmpty())
                    .toList();
            assertThat(matching).as("%s matches exactly one of %s", golden, schemas).hasSize(1);
            assertThat(matching).containsExactly(Golden.valueOf(golden).schema);
        }
    }

    @Test
    void everySchemaOfTheModuleIsThePayloadOfAMessageAndEveryGoldenFileAnExample() {
        Set<String> payloads = new TreeSet<>();
        Set<String> examples = new TreeSet<>();
        eventMessages().forEach(m -> {
            payloads.addAll(payloadSchemas(m.getValue()));
            m.getValue().path("examples").forEach(e -> examples.add(goldenOf(e.path("payload"))));
        });

        assertThat(payloads).containsExactlyInAnyOrderElementsOf(ContractFiles.fileNames(ContractFiles.SCHEMAS));
        assertThat(examples).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Golden.values()).map(Golden::name).toList());
    }

    /**
     * The schema files a resolved payload names: its {@code schema}, or the branches of its {@code oneOf} (the
     * versions a consumer may find on the topic). Found by the {@code $id} each schema file carries.
     */
    static List<String> payloadSchemas(JsonNode message) {
        JsonNode schema = message.path("payload").path("schema");
        List<JsonNode> branches = schema.has("oneOf") ? List.copyOf(toList(schema.get("oneOf"))) : List.of(schema);
        List<String> out = new ArrayList<>();
        for (JsonNode branch : branches) {
            String id = branch.path("$id").asText();
            assertThat(id).as("a payload is a schema file of the module").startsWith(CloudEventHeaders.SCHEMA_BASE);
            out.add(id.substring(CloudEventHeaders.SCHEMA_BASE.length()));
        }
        return out;
    }

    /** The {@link Golden} row whose file is this example payload, or null. */
    static String goldenOf(JsonNode payload) {
        return Arrays.stream(Golden.values()).filter(g -> g.tree().equals(payload)).map(Golden::name).findFirst()
                .orElse(null);
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static Set<String> eventTypes() {
        Set<String> out = new LinkedHashSet<>();
        for (Field field : EventTypes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    out.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }
}
