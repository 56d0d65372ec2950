package vn.ntm.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three OpenAPI documents as the build writes them ({@code <service>/target/openapi/openapi.json}, from
 * {@code quarkus.smallrye-openapi.store-schema-directory}): every operation has a unique, stable operationId,
 * documented responses, a schema for every body it takes or returns, and its errors as problem+json.
 */
class OpenApiDocumentsTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");

    @ParameterizedTest
    @ValueSource(strings = {"criteria-service", "inspection-service", "task-service"})
    void everyOperationIsIdentifiedTypedAndDocumentsItsProblems(String service) throws IOException {
        Path file = Path.of("..", service, "target", "openapi", "openapi.json");
        assertThat(file).as("%s: build the service first (./mvnw package writes its OpenAPI document)", service)
                .exists();
        JsonNode doc = new ObjectMapper().readTree(Files.readString(file));
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
                defects.addAll(defectsOf(where, op.getValue(), ids));
            }
        }
        assertThat(operations).as(service + " operations").isPositive();
        assertThat(defects).as(service).isEmpty();
    }

    private static List<String> defectsOf(String where, JsonNode op, Set<String> ids) {
        List<String> defects = new ArrayList<>();
        String id = op.path("operationId").asText("");
        if (id.isBlank()) {
            defects.add(where + ": no operationId");
        } else if (!ids.add(id)) {
            defects.add(where + ": operationId " + id + " used twice");
        }
        JsonNode responses = op.path("responses");
        if (responses.isEmpty()) {
            defects.add(where + ": no responses");
        }
        boolean success = false;
        boolean problem = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> response = it.next();
            String code = response.getKey();
            JsonNode content = response.getValue().path("content");
            if (code.startsWith("2") || code.startsWith("3")) {
                success = true;
                if (!code.equals("204") && !code.equals("304") && !typed(content)) {
                    defects.add(where + ": response " + code + " has no typed body");
                }
            }
            if (code.startsWith("4") && content.has("application/problem+json")) {
                problem = true;
            }
        }
        if (!success) {
            defects.add(where + ": no success response");
        }
        if (!problem) {
            defects.add(where + ": no problem+json error response");
        }
        JsonNode body = op.path("requestBody");
        if (!body.isMissingNode() && !typed(body.path("content"))) {
            defects.add(where + ": request body without a schema");
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
