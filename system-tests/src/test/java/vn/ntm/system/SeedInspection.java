package vn.ntm.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed inspection of DOMAIN.md §4 (the golden event's content), entered through inspection-service's API. */
final class SeedInspection {
    static JsonNode golden() {
        try (InputStream in = SeedInspection.class.getResourceAsStream("/contracts/golden/inspection-finalized.json")) {
            return Api.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the draft with all findings and recommendations; returns its id. */
    static String enter(Api api, String inspectionService) {
        JsonNode golden = golden();
        ObjectNode create = Api.JSON.createObjectNode();
        for (String field : List.of("title", "inspectedOn", "leadAgency", "legalBasis", "participants", "province",
                "district")) {
            create.set(field, golden.get(field));
        }
        ArrayNode communes = create.putArray("communes");
        for (JsonNode c : golden.get("communes")) {
            ObjectNode commune = communes.addObject();
            for (String field : List.of("code", "name", "criteriaSet", "targetTier", "targetYear")) {
                commune.set(field, c.get(field));
            }
        }
        String inspections = inspectionService + "/inspections";
        HttpResponse<String> created = api.send("POST", inspections, create);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = api.json(created).get("id").asText();
        for (JsonNode c : golden.get("communes")) {
            ArrayNode findings = Api.JSON.createArrayNode();
            for (JsonNode f : c.get("findings")) {
                ObjectNode finding = findings.addObject();
                for (String field : List.of("criterion", "result", "note", "remedy", "deadline")) {
                    finding.set(field, f.get(field));
                }
            }
            // findings need If-Match with the inspection's current ETag
            HttpResponse<String> current = api.get(inspections + "/" + id);
            assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
            String etag = current.headers().firstValue("ETag").orElseThrow();
            HttpResponse<String> put = api.send("PUT", inspections + "/" + id + "/communes/"
                    + c.get("code").asText() + "/findings", findings, java.util.Map.of("If-Match", etag));
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        }
        for (JsonNode r : golden.get("recommendations")) {
            ObjectNode recommendation = Api.JSON.createObjectNode();
            for (String field : List.of("assignee", "communeCode", "content", "deadline")) {
                recommendation.set(field, r.get(field));
            }
            HttpResponse<String> post = api.send("POST", inspections + "/" + id + "/recommendations", recommendation);
            assertThat(post.statusCode()).as(post.body()).isEqualTo(201);
        }
        return id;
    }

    static HttpResponse<String> finalize(Api api, String inspectionService, String id) {
        return api.send("POST", inspectionService + "/inspections/" + id + "/finalize", java.util.Map.of());
    }

    private SeedInspection() {
    }
}
