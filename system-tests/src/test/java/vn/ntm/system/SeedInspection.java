package vn.ntm.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed inspection of DOMAIN.md §4 (the golden event's content), entered through inspection-service's API. */
final class SeedInspection {
    /** How long a fresh stack may take to fill inspection-service's register copy. */
    static final Duration REGISTER_WAIT = Duration.ofSeconds(120);

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
        HttpResponse<String> created = createOnceRegisterLoaded(api, inspections, create);
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
            HttpResponse<String> put = api.send("PUT", inspections + "/" + id + "/communes/"
                    + c.get("code").asText() + "/findings", findings, ifMatch(api, inspectionService, id));
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        }
        for (JsonNode r : golden.get("recommendations")) {
            ObjectNode recommendation = Api.JSON.createObjectNode();
            for (String field : List.of("assignee", "communeCode", "content", "deadline")) {
                recommendation.set(field, r.get(field));
            }
            HttpResponse<String> post = api.send("POST", inspections + "/" + id + "/recommendations", recommendation,
                    ifMatch(api, inspectionService, id));
            assertThat(post.statusCode()).as(post.body()).isEqualTo(201);
        }
        return id;
    }

    /**
     * A draft inspection of one commune of Chi Lăng district on {@code day}, every criterion of the seed's set met
     * except those in {@code results} (criterion → result, with a note); target year 2030, so no dossier work is due.
     * Returns its id.
     */
    static String enterOneCommune(Api api, String inspectionService, String communeCode, String communeName,
                                  String day, Map<Integer, String> results) {
        JsonNode golden = golden();
        ObjectNode create = Api.JSON.createObjectNode();
        for (String field : List.of("leadAgency", "legalBasis", "participants", "province", "district")) {
            create.set(field, golden.get(field));
        }
        create.put("title", "Kiểm tra nông thôn mới " + communeName + " " + day + " " + java.util.UUID.randomUUID());
        create.put("inspectedOn", day);
        ObjectNode commune = create.putArray("communes").addObject();
        JsonNode seedCommune = golden.get("communes").get(0);
        commune.put("code", communeCode).put("name", communeName).set("criteriaSet", seedCommune.get("criteriaSet"));
        commune.set("targetTier", seedCommune.get("targetTier"));
        commune.put("targetYear", 2030);
        String inspections = inspectionService + "/inspections";
        HttpResponse<String> created = createOnceRegisterLoaded(api, inspections, create);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = api.json(created).get("id").asText();
        ArrayNode findings = Api.JSON.createArrayNode();
        for (JsonNode f : seedCommune.get("findings")) {
            int criterion = f.get("criterion").asInt();
            String result = results.getOrDefault(criterion, "MET");
            ObjectNode finding = findings.addObject().put("criterion", criterion).put("result", result);
            if (!result.equals("MET")) {
                finding.put("note", "Chưa đạt (" + day + ")");
            }
        }
        HttpResponse<String> put = api.send("PUT", inspections + "/" + id + "/communes/" + communeCode + "/findings",
                findings, ifMatch(api, inspectionService, id));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        return id;
    }

    static HttpResponse<String> finalize(Api api, String inspectionService, String id) {
        return api.send("POST", inspectionService + "/inspections/" + id + "/finalize", Map.of(),
                ifMatch(api, inspectionService, id));
    }

    /** The inspection's current ETag, read with GET, as a client sends it back before changing the record. */
    static String etag(Api api, String inspectionService, String id) {
        HttpResponse<String> inspection = api.get(inspectionService + "/inspections/" + id);
        assertThat(inspection.statusCode()).as(inspection.body()).isEqualTo(200);
        return inspection.headers().firstValue("ETag")
                .orElseThrow(() -> new AssertionError("GET /inspections/" + id + " sent no ETag"));
    }

    static Map<String, String> ifMatch(Api api, String inspectionService, String id) {
        return Map.of("If-Match", etag(api, inspectionService, id));
    }

    /**
     * POSTs an inspection, waiting while inspection-service answers 503: its copy of the administrative-unit
     * register fills from criteria-service's events a few seconds after the stack is up. Any other answer is
     * returned at once; still 503 after the bounded wait fails the test.
     */
    static HttpResponse<String> createOnceRegisterLoaded(Api api, String inspections, Object body) {
        long deadline = System.nanoTime() + REGISTER_WAIT.toNanos();
        while (true) {
            HttpResponse<String> response = api.send("POST", inspections, body);
            if (response.statusCode() != 503) {
                return response;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("inspection-service still answers 503 after " + REGISTER_WAIT
                        + " (register copy not loaded?): " + response.body());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private SeedInspection() {
    }
}
