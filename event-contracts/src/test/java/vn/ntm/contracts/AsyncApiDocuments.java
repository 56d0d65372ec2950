package vn.ntm.contracts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The AsyncAPI documents of the module as a tool reads them: YAML trees, their {@code $ref}s (local, to another
 * document, to a schema or a golden file) resolved, and the AsyncAPI 3.0 JSON Schema kept in the test resources
 * ({@code asyncapi/3.0.0.json}, the AsyncAPI Initiative's, Apache-2.0) to validate them without a network.
 */
final class AsyncApiDocuments {
    /** The root {@code $id} of the AsyncAPI 3.0.0 JSON Schema; its parts are embedded under their own ids. */
    static final String ASYNCAPI_3_0_ID = "http://asyncapi.com/definitions/3.0.0/asyncapi.json";
    static final String SPEC_RESOURCE = "/asyncapi/3.0.0.json";

    /** YAML forbids duplicate keys; a tool would keep one of them silently. */
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static Schema asyncApi30;

    private AsyncApiDocuments() {
    }

    static List<String> names() {
        return ContractFiles.fileNames(ContractFiles.ASYNCAPI);
    }

    /** A document as written (references unresolved). */
    static JsonNode tree(String document) {
        try {
            return YAML.readTree(ContractFiles.text(ContractFiles.ASYNCAPI + document));
        } catch (IOException e) {
            throw new UncheckedIOException(document, e);
        }
    }

    /**
     * The AsyncAPI 3.0.0 schema, every part of it served from the file under its {@code $id} so that nothing is
     * fetched: an id the file does not hold (a network fetch) fails the test instead.
     */
    static synchronized Schema asyncApi30() {
        if (asyncApi30 == null) {
            JsonNode spec = ContractFiles.tree(ContractFiles.text(SPEC_RESOURCE));
            Map<String, String> byId = new HashMap<>();
            byId.put(ASYNCAPI_3_0_ID, spec.toString());
            spec.get("definitions").properties().forEach(e -> byId.put(e.getKey(), e.getValue().toString()));
            asyncApi30 = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                    builder -> builder.resourceLoaders(loaders -> loaders.values(list -> list.clear())
                            .resources(id -> {
                                String schema = byId.get(id.replaceFirst("#$", ""));
                                if (schema == null) {
                                    throw new IllegalStateException("the AsyncAPI 3.0 schema needs " + id
                                            + ", which the kept file does not hold (no network in tests)");
                                }
                                return schema;
                            })))
                    .getSchema(SchemaLocation.of(ASYNCAPI_3_0_ID));
        }
        return asyncApi30;
    }

    static List<Error> validate(JsonNode document) {
        return asyncApi30().validate(document.toString(), InputFormat.JSON);
    }

    /** Where a {@code $ref} leads: the file (a contract resource path) and the JSON Pointer inside it. */
    record Target(String file, String pointer) {
        static Target of(String fromFile, String ref) {
            int hash = ref.indexOf('#');
            String path = hash < 0 ? ref : ref.substring(0, hash);
            String pointer = hash < 0 ? "" : ref.substring(hash + 1);
            String file = path.isEmpty() ? fromFile : URI.create(fromFile).resolve(path).normalize().toString();
            return new Target(file, pointer);
        }

        boolean isSchema() {
            return file.startsWith(ContractFiles.SCHEMAS);
        }

        boolean isGolden() {
            return file.startsWith(ContractFiles.GOLDEN);
        }

        String fileName() {
            return file.substring(file.lastIndexOf('/') + 1);
        }

        /** The node the reference names, or null when the file or the pointer does not exist. */
        JsonNode node() {
            JsonNode root;
            try {
                root = file.endsWith(".yaml") ? YAML.readTree(ContractFiles.text(file))
                        : ContractFiles.tree(ContractFiles.text(file));
            } catch (IllegalStateException | IOException e) {
                return null;
            }
            JsonNode node = root.at(JsonPointer.compile(pointer));
            return node.isMissingNode() ? null : node;
        }
    }

    /** Every {@code $ref} of a tree (in document order) with the JSON Pointer of the object that holds it. */
    static void eachRef(JsonNode node, String at, BiConsumer<String, String> action) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                action.accept(at, ref.asText());
            }
            node.properties().forEach(e -> eachRef(e.getValue(), at + "/" + escape(e.getKey()), action));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                eachRef(node.get(i), at + "/" + i, action);
            }
        }
    }

    /**
     * The references of a document and, transitively, of the documents it refers to, that lead nowhere. Schema
     * files' own references ({@code #/$defs/...}) are left to the schema tests.
     */
    static List<String> unresolvedRefs(String document) {
        List<String> unresolved = new ArrayList<>();
        Set<String> visited = new LinkedHashSet<>();
        List<String> files = new ArrayList<>(List.of(ContractFiles.ASYNCAPI + document));
        while (!files.isEmpty()) {
            String file = files.remove(0);
            if (!visited.add(file)) {
                continue;
            }
            JsonNode root = new Target(file, "").node();
            eachRef(root, "", (at, ref) -> {
                Target target = Target.of(file, ref);
                if (target.node() == null) {
                    unresolved.add(file + "#" + at + ": " + ref);
                } else if (target.file().endsWith(".yaml")) {
                    files.add(target.file());
                }
            });
        }
        return unresolved;
    }

    /**
     * The document with every reference replaced by what it names, as a parser reads it, except those AsyncAPI 3.0
     * wants kept (an operation's channel and messages). The content of a schema or golden file is taken as it is.
     */
    static JsonNode resolved(String document) {
        String file = ContractFiles.ASYNCAPI + document;
        return resolve(tree(document), file, new ArrayList<>());
    }

    private static JsonNode resolve(JsonNode node, String file, List<String> path) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                Target target = Target.of(file, ref.asText());
                JsonNode named = target.node();
                if (named == null) {
                    throw new IllegalStateException(file + ": " + ref.asText() + " leads nowhere");
                }
                if (target.isSchema() || target.isGolden()) {
                    return named.deepCopy();
                }
                String key = target.file() + "#" + target.pointer();
                if (path.contains(key)) {
                    throw new IllegalStateException("circular reference " + path + " -> " + key);
                }
                path.add(key);
                JsonNode out = resolve(named, target.file(), path);
                path.remove(path.size() - 1);
                return out;
            }
            // AsyncAPI 3.0 requires an operation's channel and messages to stay references (to the channel's own)
            boolean operation = node.has("action") && node.has("channel");
            ObjectNode copy = ContractFiles.JSON.createObjectNode();
            node.properties().forEach(e -> copy.set(e.getKey(),
                    operation && Set.of("channel", "messages").contains(e.getKey()) ? e.getValue().deepCopy()
                            : resolve(e.getValue(), file, path)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ContractFiles.JSON.createArrayNode();
            node.forEach(item -> copy.add(resolve(item, file, path)));
            return copy;
        }
        return node;
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
