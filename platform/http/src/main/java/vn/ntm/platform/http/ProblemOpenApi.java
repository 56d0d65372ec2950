package vn.ntm.platform.http;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Documents the problem answers in every service's OpenAPI document: the {@code Problem} and {@code FieldError}
 * schemas, and on every operation the error responses platform-http can give (400, 401/403 where a token is
 * needed, 404, 413/415 where a body is read, 500, 503), each as {@code application/problem+json}. Error
 * responses a resource declares itself keep their description and get the same content.
 */
@OpenApiFilter
public class ProblemOpenApi implements OASFilter {
    static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("FieldError", fieldError()).addSchema("Problem", problem());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean securedByDefault = openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            Map<PathItem.HttpMethod, Operation> operations = item.getOperations();
            if (operations == null) {
                continue;
            }
            operations.forEach((method, operation) -> document(operation, method,
                    operation.getSecurity() != null ? !operation.getSecurity().isEmpty() : securedByDefault));
        }
    }

    private static void document(Operation operation, PathItem.HttpMethod method, boolean secured) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "Invalid request: validation (with errors[]) or malformed");
        if (secured) {
            errors.put("401", "No valid bearer token");
            errors.put("403", "The token does not grant this");
        }
        errors.put("404", "Not found");
        if (operation.getRequestBody() != null) {
            errors.put("413", "Body too large");
            errors.put("415", "Body without a supported Content-Type");
        }
        errors.put("500", "Unexpected error");
        errors.put("503", "Database unavailable; retry after Retry-After seconds");
        errors.forEach((status, description) -> {
            if (!responses.hasAPIResponse(status)) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
            }
        });
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            char first = response.getKey().charAt(0);
            if (first == '4' || first == '5') {
                withProblemBody(response.getValue());
            }
        }
    }

    private static void withProblemBody(APIResponse response) {
        Content content = response.getContent() == null ? OASFactory.createContent() : response.getContent();
        if (content.getMediaTypes() == null || !content.hasMediaType(Problem.MEDIA_TYPE)) {
            content.addMediaType(Problem.MEDIA_TYPE,
                    OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
        }
        response.setContent(content);
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
