package vn.ntm.contracts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The module's contract files as a consumer or producer sees them, and the JSON mapper the services use. */
final class ContractFiles {
    static final String GOLDEN = "/contracts/golden/";
    static final String SCHEMAS = "/contracts/schemas/";
    static final String ASYNCAPI = "/contracts/asyncapi/";

    /**
     * Configured as the services' application mapper is (Quarkus' defaults plus {@code StrictJson} of platform/http):
     * Java time, dates as ISO strings, unknown fields ignored (a consumer accepts a newer producer's events),
     * nothing after the JSON value, no duplicate keys. Non-ASCII text is written as UTF-8, as Jackson does by default.
     */
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final Map<String, Schema> SCHEMA_CACHE = new ConcurrentHashMap<>();
    private static final Map<String, Schema> CLOSED_SCHEMA_CACHE = new ConcurrentHashMap<>();

    private ContractFiles() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = ContractFiles.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's text; fails on bytes that are not valid UTF-8. */
    static String text(String path) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes(path))).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(path + " is not valid UTF-8", e);
        }
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the files in one of the contract folders (as packaged: the module's classes directory). */
    static List<String> fileNames(String folder) {
        URL url = ContractFiles.class.getResource(folder);
        if (url == null) {
            throw new IllegalStateException("no folder " + folder);
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A schema of the module, loaded as the services' tests load it. */
    static Schema schema(String fileName) {
        return SCHEMA_CACHE.computeIfAbsent(fileName, name -> SchemaRegistry
                .withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(text(SCHEMAS + name), InputFormat.JSON));
    }

    /**
     * The schema with every object it describes closed ({@code additionalProperties: false} where it lists
     * {@code properties} and says nothing of others): what producers may write today, every field declared. The
     * published schema stays open so that a consumer accepts a newer producer's additive fields (README
     * "Compatibility").
     */
    static Schema closedSchema(String fileName) {
        return CLOSED_SCHEMA_CACHE.computeIfAbsent(fileName, name -> {
            JsonNode schema = tree(text(SCHEMAS + name));
            close(schema);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(schema.toString(), InputFormat.JSON);
        });
    }

    /**
     * Closes the objects that describe data (the root, properties, items, oneOf/anyOf branches, $defs), not the
     * conditions of allOf/if/then/else/not, which constrain fields declared elsewhere.
     */
    private static void close(JsonNode node) {
        if (!node.isObject()) {
            return;
        }
        if (node.has("properties") && !node.has("additionalProperties")) {
            ((ObjectNode) node).put("additionalProperties", false);
        }
        node.path("properties").forEach(ContractFiles::close);
        node.path("$defs").forEach(ContractFiles::close);
        node.path("oneOf").forEach(ContractFiles::close);
        node.path("anyOf").forEach(ContractFiles::close);
        close(node.path("items"));
        close(node.path("additionalProperties"));
    }

    /** Validation as the services' tests do it: {@code format} is an annotation only (draft 2020-12's default). */
    static List<Error> validate(String schemaFileName, String json) {
        return schema(schemaFileName).validate(json, InputFormat.JSON);
    }

    /** Validation that also asserts {@code format}: dates, date-times and UUIDs must be well-formed. */
    static List<Error> validateWithFormats(String schemaFileName, String json) {
        return schema(schemaFileName).validate(json, InputFormat.JSON,
                (execution, schemaContext) -> execution.executionConfig(c -> c.formatAssertionsEnabled(true)));
    }
}
