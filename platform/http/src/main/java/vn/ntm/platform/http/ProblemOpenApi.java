package vn.ntm.platform.http;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import vn.ntm.platform.i18n.Messages;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Documents the problem answers in every service's OpenAPI document: the {@code Problem} and {@code FieldError}
 * schemas, and on every operation the error responses platform-http can give (400, 401/403 where a token is
 * needed, 404, 406, 414, 413/415 where a body is read, 500, 503), each as {@code application/problem+json}. Error
 * responses a resource declares itself keep their description and get the same content.
 */
@OpenApiFilter
public class ProblemOpenApi implements OASFilter {
    static final String PROBLEM_REF = "#/components/schemas/Problem";
    static final String ACCEPT_LANGUAGE = "AcceptLanguage";
    /** The codes a problem response can carry, for generators and linters that read extensions. */
    public static final String CODES_EXTENSION = "x-problem-codes";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema("FieldError", fieldError()).addSchema("Problem", problem())
                .addParameter(ACCEPT_LANGUAGE, acceptLanguage());
        OperationContract.HEADERS.forEach((name, description) -> components.addHeader(name,
                OASFactory.createHeader().description(description)
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING))));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean securedByDefault = openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            Map<PathItem.HttpMethod, Operation> operations = item.getOperations();
            if (operations == null) {
                continue;
            }
            operations.forEach((method, operation) -> document(operation,
                    operation.getSecurity() != null ? !operation.getSecurity().isEmpty() : securedByDefault,
                    OperationContract.of(operation.getOperationId(), loader)));
        }
    }

    private static void document(Operation operation, boolean secured, OperationContract contract) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        operation.addParameter(OASFactory.createParameter().ref(ACCEPT_LANGUAGE));
        APIResponses responses = operation.getResponses();
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "Invalid request: validation (with errors[]) or malformed");
        if (secured) {
            errors.put("401", "No valid bearer token");
            errors.put("403", "The token does not grant this");
        }
        errors.put("404", "Not found");
        errors.put("406", "The Accept header allows none of the operation's media types");
        errors.put("414", "Request line or query too long");
        if (operation.getRequestBody() != null) {
            errors.put("413", "Body too large");
            errors.put("415", "Body without a supported Content-Type");
        }
        contract.problemsByStatus().forEach((status, codes) -> errors.putIfAbsent(String.valueOf(status),
                codes.get(0).kind().title()));
        errors.put("500", "Unexpected error");
        errors.put("503", "Unavailable for a moment (database, broker or reference data); retry after Retry-After"
                + " seconds");
        errors.forEach((status, description) -> {
            if (!responses.hasAPIResponse(status)) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
            }
        });
        Map<Integer, List<ProblemCode>> specific = contract.problemsByStatus();
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            char first = response.getKey().charAt(0);
            if (first == '4' || first == '5') {
                int status = Integer.parseInt(response.getKey());
                withProblemBody(response.getValue(), status, codesOf(status, specific.getOrDefault(status, List.of())));
                if (status == 503 || status == 429) {
                    response.getValue().addHeader("Retry-After", headerRef("Retry-After"));
                }
            }
        }
        contract.headers().forEach((status, names) -> {
            APIResponse response = responses.getAPIResponse(status);
            if (response == null) {
                throw new IllegalStateException(OperationContract.LOCATION + operation.getOperationId()
                        + ".json: headers for status " + status + ", which the operation does not answer");
            }
            names.forEach(name -> response.addHeader(name, headerRef(name)));
        });
        withExamples(operation, contract);
        responses.getAPIResponses().values().stream().filter(r -> r.getHeaders() != null)
                .flatMap(r -> r.getHeaders().values().stream())
                .filter(h -> h.getRef() == null && h.getSchema() == null)
                .forEach(h -> h.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        APIResponses sorted = OASFactory.createAPIResponses();
        new TreeMap<>(responses.getAPIResponses()).forEach(sorted::addAPIResponse);
        sorted.setDefaultValue(responses.getDefaultValue());
        operation.setResponses(sorted);
    }

    /** The codes a status documents: the generic ones answered with it, then the operation's specific ones. */
    static List<ProblemCode> codesOf(int status, List<ProblemCode> specific) {
        List<ProblemCode> codes = new ArrayList<>();
        for (ProblemCode code : OperationContract.GENERIC) {
            if (code.statuses().get(0) == status) {
                codes.add(code);
            }
        }
        for (ProblemCode code : specific) {
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        if (codes.isEmpty()) {
            Arrays.stream(ProblemCode.values()).filter(c -> c.isKind() && c.statuses().contains(status))
                    .findFirst().ifPresent(codes::add);
        }
        codes.sort(Comparator.naturalOrder());
        return codes;
    }

    private static void withProblemBody(APIResponse response, int status, List<ProblemCode> codes) {
        Content content = response.getContent() == null ? OASFactory.createContent() : response.getContent();
        if (content.getMediaTypes() == null || !content.hasMediaType(Problem.MEDIA_TYPE)) {
            content.addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType());
        }
        // one schema for every problem, also where a module declares its own copy of the shape (platform-outbox)
        content.getMediaType(Problem.MEDIA_TYPE).setSchema(OASFactory.createSchema().ref(PROBLEM_REF));
        response.setContent(content);
        if (codes.isEmpty()) {
            return;
        }
        StringBuilder description = new StringBuilder(
                response.getDescription() == null ? "" : response.getDescription());
        description.append("\n\nCodes (problem `code`, described at `/problems/{code}`):");
        for (ProblemCode code : codes) {
            description.append("\n- `").append(code.name()).append("`: ").append(code.meaning().in(Messages.ENGLISH));
        }
        response.setDescription(description.toString());
        response.addExtension(CODES_EXTENSION, codes.stream().map(Enum::name).toList());
        ProblemCode first = codes.get(0);
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", first.kind().type());
        example.put("title", first.title().in(Messages.VIETNAMESE));
        example.put("status", status);
        example.put("code", first.name());
        example.put("detail", first.meaning().in(Messages.VIETNAMESE));
        content.getMediaType(Problem.MEDIA_TYPE).setExample(example);
    }

    private static void withExamples(Operation operation, OperationContract contract) {
        if (contract.requestExample() != null && operation.getRequestBody() != null
                && operation.getRequestBody().getContent() != null) {
            exampleOf(operation.getRequestBody().getContent(), contract.requestExample());
        }
        if (contract.responseExample() != null) {
            operation.getResponses().getAPIResponses().entrySet().stream()
                    .filter(r -> r.getKey().startsWith("2") && r.getValue().getContent() != null)
                    .findFirst()
                    .ifPresent(r -> exampleOf(r.getValue().getContent(), contract.responseExample()));
        }
    }

    private static void exampleOf(Content content, Object example) {
        if (content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().forEach((media, type) -> {
            boolean json = media.endsWith("json");
            if (json != (example instanceof String) && (json || media.startsWith("text/"))) {
                type.setExample(example);
            }
        });
    }

    private static Header headerRef(String name) {
        return OASFactory.createHeader().ref("#/components/headers/" + name);
    }

    private static Parameter acceptLanguage() {
        return OASFactory.createParameter().name("Accept-Language").in(Parameter.In.HEADER).required(false)
                .description("The language of problem texts and labels: vi (default) or en")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .enumeration(List.of("vi", "en")))
                .example("vi");
    }

    private static Schema fieldError() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One offending field of a validation problem")
                .addProperty("field", text("dotted path, e.g. communes[0].code"))
                .addProperty("pointer", text("RFC 6901 JSON pointer into the request body, e.g. /communes/0/code"))
                .addProperty("message", text("what is wrong"))
                .required(List.of("field", "message"));
    }

    private static Schema problem() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; type and code name the kind of error (platform-http README)")
                .addProperty("type", text("stable URI of the kind, e.g. https://ntm.gov.vn/problems/validation")
                        .format("uri"))
                .addProperty("title", text("short summary of the kind"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text("what happened, for people"))
                .addProperty("instance", text("the request path"))
                .addProperty("code", text("machine-readable code, e.g. VALIDATION, NOT_FOUND, STALE_VERSION"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                .required(List.of("type", "title", "status", "code"));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
