package vn.ntm.contracts;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a consumer of a schema relies on, one line per field path: whether it is required, its types, enum values,
 * constant, format, pattern and bounds. Paths are JSON Pointers into the data, {@code []} for every array item and
 * {@code *} for every value of a map; {@code oneOf}/{@code anyOf} branches and {@code $defs} references are merged
 * into the path they describe; conditions ({@code allOf}, {@code if}/{@code then}/{@code else}, {@code not}) are kept
 * whole. Descriptions and titles of fields are not part of it.
 */
final class SchemaSurface {
    private static final List<String> FACTS = List.of("const", "enum", "format", "pattern", "minimum", "maximum",
            "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "uniqueItems",
            "maxProperties", "minProperties", "propertyNames", "allOf", "if", "then", "else", "not");
    private static final String REQUIRED = "required";

    private SchemaSurface() {
    }

    /** The surface as sorted lines: the path and its facts, separated by tabs (JSON text never holds a raw tab). */
    static List<String> lines(JsonNode schema) {
        Map<String, Set<String>> facts = of(schema);
        List<String> out = new ArrayList<>();
        facts.forEach((path, f) -> out.add(path + (f.isEmpty() ? "" : "\t" + String.join("\t", f))));
        return out;
    }

    static Map<String, Set<String>> of(JsonNode schema) {
        Map<String, Set<String>> out = new TreeMap<>();
        walk(schema, schema, "/", false, out, 0);
        return out;
    }

    private static void walk(JsonNode root, JsonNode node, String path, boolean required,
                             Map<String, Set<String>> out, int depth) {
        if (depth > 40) {
            throw new IllegalStateException("schema nested too deep (a recursive $ref?) at " + path);
        }
        JsonNode ref = node.get("$ref");
        if (ref != null) {
            if (!ref.asText().startsWith("#/")) {
                throw new IllegalStateException("only local references are supported: " + ref.asText());
            }
            walk(root, root.at(ref.asText().substring(1)), path, required, out, depth + 1);
        }
        Set<String> facts = out.computeIfAbsent(path, p -> new TreeSet<>());
        if (required) {
            facts.add(REQUIRED);
        }
        JsonNode type = node.get("type");
        if (type != null) {
            if (type.isArray()) {
                type.forEach(t -> facts.add("type=" + t.asText()));
            } else {
                facts.add("type=" + type.asText());
            }
        }
        for (String fact : FACTS) {
            JsonNode value = node.get(fact);
            if (value != null) {
                if ("enum".equals(fact)) {
                    Set<String> values = new TreeSet<>();
                    value.forEach(v -> values.add(v.toString()));
                    facts.add("enum=" + values);
                } else {
                    facts.add(fact + "=" + value);
                }
            }
        }
        for (String branches : List.of("oneOf", "anyOf")) {
            node.path(branches).forEach(branch -> walk(root, branch, path, required, out, depth + 1));
        }
        Set<String> requiredFields = new TreeSet<>();
        node.path("required").forEach(f -> requiredFields.add(f.asText()));
        String prefix = path.equals("/") ? "/" : path + "/";
        node.path("properties").properties().forEach(p -> walk(root, p.getValue(), prefix + p.getKey(),
                requiredFields.contains(p.getKey()), out, depth + 1));
        if (node.has("items")) {
            walk(root, node.get("items"), prefix + "[]", false, out, depth + 1);
        }
        if (node.path("additionalProperties").isObject()) {
            walk(root, node.get("additionalProperties"), prefix + "*", false, out, depth + 1);
        }
    }

    /**
     * The differences that break a consumer of {@code locked} or an event written under it: a path gone, a path's
     * facts changed, a new required field in an object the locked surface knows.
     */
    static List<String> breakingChanges(Map<String, Set<String>> locked, Map<String, Set<String>> current) {
        List<String> out = new ArrayList<>();
        locked.forEach((path, facts) -> {
            Set<String> now = current.get(path);
            if (now == null) {
                out.add(path + " removed (was " + facts + ")");
            } else if (!now.equals(facts)) {
                out.add(path + " changed from " + facts + " to " + now);
            }
        });
        current.forEach((path, facts) -> {
            if (!locked.containsKey(path) && facts.contains(REQUIRED) && locked.containsKey(parent(path))) {
                out.add(path + " added as required");
            }
        });
        return out;
    }

    static Map<String, Set<String>> parse(List<String> lines) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> parts = List.of(line.split("\t"));
            out.put(parts.get(0), new TreeSet<>(parts.subList(1, parts.size())));
        }
        return out;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }
}
