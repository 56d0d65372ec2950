package vn.ntm.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an operation's OpenAPI entry says beyond its annotations, read at build time from the classpath file
 * {@code META-INF/openapi/<operationId>.json}: the specific problem codes it can answer, the headers of its success
 * answers and one example of its request and response bodies. Kept in files beside the service so that resources
 * stay thin and a client engineer can read every example in one place.
 *
 * @param problems        codes beyond the generic ones every operation may answer ({@link #GENERIC})
 * @param headers         response headers by status, names from {@link #HEADERS}
 * @param requestExample  the request body's example: a JSON value, or a string for a text body
 * @param responseExample the success body's example, same form
 */
public record OperationContract(List<ProblemCode> problems, Map<String, List<String>> headers, Object requestExample,
        Object responseExample) {
    static final String LOCATION = "META-INF/openapi/";
    static final Set<String> KEYS = Set.of("problems", "headers", "requestExample", "responseExample");

    /** The codes every operation may answer, documented by the filter without being listed. */
    public static final Set<ProblemCode> GENERIC = Set.of(ProblemCode.VALIDATION, ProblemCode.MALFORMED_REQUEST,
            ProblemCode.REQUEST_REFUSED, ProblemCode.UNAUTHENTICATED, ProblemCode.FORBIDDEN, ProblemCode.NOT_FOUND,
            ProblemCode.TOO_LARGE, ProblemCode.UNSUPPORTED_MEDIA_TYPE, ProblemCode.URI_TOO_LONG,
            ProblemCode.METHOD_NOT_ALLOWED, ProblemCode.NOT_ACCEPTABLE, ProblemCode.INTERNAL, ProblemCode.UNAVAILABLE);

    /** The response headers an operation may name, with their description in the documents. */
    public static final Map<String, String> HEADERS = knownHeaders();

    private static final ObjectMapper JSON = new ObjectMapper();

    public static final OperationContract NONE = new OperationContract(List.of(), Map.of(), null, null);

    /** The contract of an operation, or {@link #NONE} when it has no file. */
    public static OperationContract of(String operationId, ClassLoader loader) {
        if (operationId == null) {
            return NONE;
        }
        try (InputStream in = loader.getResourceAsStream(LOCATION + operationId + ".json")) {
            return in == null ? NONE : parse(operationId, JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(LOCATION + operationId + ".json", e);
        }
    }

    /** Reads a contract file; names what is wrong in it (an unknown key, code or header fails the build). */
    public static OperationContract parse(String operationId, JsonNode file) {
        for (Iterator<String> names = file.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!KEYS.contains(key)) {
                throw invalid(operationId, "unknown key " + key + ", expected one of " + KEYS);
            }
        }
        List<ProblemCode> problems = new ArrayList<>();
        for (JsonNode code : file.path("problems")) {
            ProblemCode known = ProblemCode.find(code.asText())
                    .filter(c -> c.name().equals(code.asText()))
                    .orElseThrow(() -> invalid(operationId, "unknown problem code " + code.asText()));
            if (GENERIC.contains(known) && known != ProblemCode.VALIDATION) {
                throw invalid(operationId, known + " is documented on every operation; do not list it");
            }
            problems.add(known);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = file.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> status = it.next();
            List<String> names = new ArrayList<>();
            for (JsonNode name : status.getValue()) {
                if (!HEADERS.containsKey(name.asText())) {
                    throw invalid(operationId, "unknown header " + name.asText() + ", expected one of "
                            + HEADERS.keySet());
                }
                names.add(name.asText());
            }
            headers.put(status.getKey(), List.copyOf(names));
        }
        return new OperationContract(List.copyOf(problems), headers, value(file.get("requestExample")),
                value(file.get("responseExample")));
    }

    /** The statuses and codes this operation documents beyond the generic ones, in registry order per status. */
    public Map<Integer, List<ProblemCode>> problemsByStatus() {
        Map<Integer, List<ProblemCode>> byStatus = new java.util.TreeMap<>();
        for (ProblemCode code : problems) {
            int status = code == ProblemCode.VALIDATION ? 422 : code.statuses().get(0);
            byStatus.computeIfAbsent(status, s -> new ArrayList<>()).add(code);
        }
        return byStatus;
    }

    private static Object value(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isTextual() ? node.asText() : JSON.convertValue(node, Object.class);
    }

    private static IllegalStateException invalid(String operationId, String what) {
        return new IllegalStateException(LOCATION + operationId + ".json: " + what);
    }

    private static Map<String, String> knownHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", "The entity tag of the answered version; send it back in If-Match to change it");
        headers.put("Location", "The URL of the created resource");
        headers.put("Link", PageLinks.DESCRIPTION);
        headers.put("Retry-After", "Seconds to wait before retrying");
        headers.put("Content-Disposition", "attachment; filename=\"…\" (RFC 6266, UTF-8 name in filename*)");
        headers.put("X-Total-Count", "How many rows match the filters");
        headers.put("X-Truncated", "true when the file holds fewer rows than match (see X-Export-Limit)");
        headers.put("X-Export-Limit", "The most rows one export holds");
        headers.put("X-Checksum-SHA256", "SHA-256 of the file, hexadecimal");
        return java.util.Collections.unmodifiableMap(headers); // in this order in every build's document
    }
}
