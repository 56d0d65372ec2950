package vn.ntm.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three OpenAPI documents as the build writes them ({@code <service>/target/openapi/openapi.json}, from
 * {@code quarkus.smallrye-openapi.store-schema-directory}), read as a client generator and its users read them:
 * stable verb-noun operationIds, a typed and exemplified body wherever one travels, every error status with the
 * problem schema and its codes, the headers clients need, one security scheme, a real version and servers.
 */
class OpenApiDocumentsTest {
    static final List<String> SERVICES = List.of("criteria-service", "inspection-service", "task-service");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** verb, then the noun in camel case: listTasks, finalizeInspection, getAdminUnitFlags. */
    private static final Pattern VERB_NOUN = Pattern.compile("[a-z]+(?:[A-Z][a-z0-9]*)+");
    private static final Pattern VIETNAMESE = Pattern.compile(
            "[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]",
            Pattern.CASE_INSENSITIVE);
    /** Operations whose bodies carry no text for people (codes, numbers and dates only). */
    private static final Set<String> NO_TEXT_FOR_PEOPLE = Set.of("announceReferenceData", "getAdminUnitFlags",
            "setAdminUnitFlags", "summarizeTasks");
    private static final Path OPERATION_IDS = Path.of("src", "test", "resources", "openapi", "operation-ids.txt");

    static JsonNode document(String service) {
        Path file = Path.of("..", service, "target", "openapi", "openapi.json");
        assertThat(file).as("%s: build the service first (./mvnw package writes its OpenAPI document)", service)
                .exists();
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"criteria-service", "inspection-service", "task-service"})
    void everyOperationIsIdentifiedTypedExemplifiedAndDocumentsItsProblems(String service) {
        JsonNode doc = document(service);
        List<String> defects = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                defects.addAll(defectsOf(doc, where, op.getValue(), ids));
            }
        }
        assertThat(operations).as(service + " operations").isPositive();
        assertThat(defects).as(service).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"criteria-service", "inspection-service", "task-service"})
    void theDocumentHasARealVersionConfigurableServersAndOneBearerScheme(String service) {
        JsonNode doc = document(service);
        assertThat(doc.path("info").path("version").asText()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(doc.path("servers")).as("servers").isNotEmpty();
        assertThat(doc.path("servers").get(0).path("url").asText()).startsWith("http");
        List<String> schemes = new ArrayList<>();
        doc.path("components").path("securitySchemes").fieldNames().forEachRemaining(schemes::add);
        assertThat(schemes).containsExactly("bearer");
        assertThat(doc.path("components").path("securitySchemes").path("bearer").path("scheme").asText())
                .isEqualTo("bearer");
        Set<String> used = new TreeSet<>();
        doc.path("paths").forEach(item -> item.forEach(op -> op.path("security")
                .forEach(requirement -> requirement.fieldNames().forEachRemaining(used::add))));
        assertThat(used).containsOnly("bearer");
    }

    /**
     * The operationIds are public (generated clients name their methods after them): every id ever published stays
     * on its operation. A new operation is added to {@code openapi/operation-ids.txt}; nothing is removed from it.
     */
    @Test
    void operationIdsAreStable() throws IOException {
        Set<String> published = new TreeSet<>();
        for (String service : SERVICES) {
            document(service).path("paths").fields().forEachRemaining(path -> path.getValue().fields()
                    .forEachRemaining(op -> {
                        if (METHODS.contains(op.getKey())) {
                            published.add(service + " " + op.getKey().toUpperCase() + " " + path.getKey() + " "
                                    + op.getValue().path("operationId").asText());
                        }
                    }));
        }
        Set<String> kept = new TreeSet<>();
        for (String line : Files.readAllLines(OPERATION_IDS, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                kept.add(line.strip());
            }
        }
        Set<String> lost = new TreeSet<>(kept);
        lost.removeAll(published);
        Set<String> unlisted = new TreeSet<>(published);
        unlisted.removeAll(kept);
        assertThat(lost).as("published operationIds that changed or disappeared (they are kept forever)").isEmpty();
        assertThat(unlisted).as("new operations: add these lines to " + OPERATION_IDS).isEmpty();
    }

    private static List<String> defectsOf(JsonNode doc, String where, JsonNode op, Set<String> ids) {
        List<String> defects = new ArrayList<>();
        String id = op.path("operationId").asText("");
        if (id.isBlank()) {
            defects.add(where + ": no operationId");
        } else if (!ids.add(id)) {
            defects.add(where + ": operationId " + id + " used twice");
        } else if (!VERB_NOUN.matcher(id).matches()) {
            defects.add(where + ": operationId " + id + " is not verb-noun camel case");
        }
        boolean acceptLanguage = false;
        for (JsonNode parameter : op.path("parameters")) {
            acceptLanguage |= parameter.path("$ref").asText().equals("#/components/parameters/AcceptLanguage");
        }
        if (!acceptLanguage) {
            defects.add(where + ": no Accept-Language parameter");
        }
        JsonNode responses = op.path("responses");
        if (responses.isEmpty()) {
            defects.add(where + ": no responses");
        }
        boolean success = false;
        boolean exemplified = false;
        List<JsonNode> examples = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> response = it.next();
            String status = response.getKey();
            JsonNode content = response.getValue().path("content");
            if (status.startsWith("2") || status.startsWith("3")) {
                success = true;
                if (!status.equals("204") && !status.equals("304") && !typed(content)) {
                    defects.add(where + ": response " + status + " has no typed body");
                }
                if (!exemplified && hasTextBody(content)) {
                    exemplified = true;
                    defects.addAll(examplesOf(doc, where + " response " + status, content, examples));
                }
            } else {
                defects.addAll(problemDefects(where + " response " + status, Integer.parseInt(status),
                        response.getValue()));
            }
        }
        if (!success) {
            defects.add(where + ": no success response");
        }
        for (String status : List.of("400", "404", "500", "503")) {
            if (!responses.has(status)) {
                defects.add(where + ": no " + status + " response");
            }
        }
        JsonNode body = op.path("requestBody");
        if (!body.isMissingNode()) {
            if (!typed(body.path("content"))) {
                defects.add(where + ": request body without a schema");
            }
            if (hasTextBody(body.path("content"))) {
                defects.addAll(examplesOf(doc, where + " request", body.path("content"), examples));
            }
        }
        if (!examples.isEmpty() && !NO_TEXT_FOR_PEOPLE.contains(id)
                && examples.stream().noneMatch(e -> VIETNAMESE.matcher(e.toString()).find())) {
            defects.add(where + ": its examples hold no Vietnamese text");
        }
        return defects;
    }

    private static List<String> problemDefects(String where, int status, JsonNode response) {
        List<String> defects = new ArrayList<>();
        if (!response.path("content").path("application/problem+json").path("schema").path("$ref").asText()
                .equals("#/components/schemas/Problem")) {
            defects.add(where + ": no application/problem+json Problem body");
        }
        JsonNode codes = response.path("x-problem-codes");
        if (codes.isEmpty()) {
            defects.add(where + ": no problem codes (x-problem-codes)");
        }
        for (JsonNode code : codes) {
            if (!response.path("description").asText().contains("`" + code.asText() + "`")) {
                defects.add(where + ": the description does not explain " + code.asText());
            }
        }
        if ((status == 503 || status == 429) && !response.path("headers").has("Retry-After")) {
            defects.add(where + ": no Retry-After header");
        }
        return defects;
    }

    /** The JSON or text media types of a body (binary downloads and multipart uploads have no example). */
    private static boolean hasTextBody(JsonNode content) {
        for (Iterator<String> media = content.fieldNames(); media.hasNext(); ) {
            String type = media.next();
            if (type.endsWith("json") || type.startsWith("text/csv") || type.startsWith("text/plain")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> examplesOf(JsonNode doc, String where, JsonNode content, List<JsonNode> examples) {
        List<String> defects = new ArrayList<>();
        boolean found = false;
        for (Iterator<Map.Entry<String, JsonNode>> media = content.fields(); media.hasNext(); ) {
            Map.Entry<String, JsonNode> type = media.next();
            JsonNode example = type.getValue().get("example");
            if (example == null) {
                continue;
            }
            found = true;
            examples.add(example);
            if (type.getKey().endsWith("json")) {
                ObjectNode schema = JSON.createObjectNode();
                schema.set("components", doc.path("components"));
                schema.putArray("allOf").add(type.getValue().path("schema"));
                List<Error> errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                        .getSchema(schema.toString(), InputFormat.JSON).validate(example.toString(), InputFormat.JSON);
                errors.forEach(e -> defects.add(where + " example (" + type.getKey() + "): " + e));
            }
        }
        if (!found) {
            defects.add(where + ": no example");
        }
        return defects;
    }

    private static boolean typed(JsonNode content) {
        if (content.isMissingNode() || content.isEmpty()) {
            return false;
        }
        for (JsonNode media : content) {
            JsonNode schema = media.path("schema");
            if (schema.isMissingNode() || schema.isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
