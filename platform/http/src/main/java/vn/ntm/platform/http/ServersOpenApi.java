package vn.ntm.platform.http;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import java.util.List;
import java.util.Optional;

/**
 * The {@code servers} of the served document, from {@code ntm.openapi.servers} (comma-separated URLs, e.g. the
 * province's gateway) when set at start; otherwise the local address the build wrote
 * ({@code quarkus.smallrye-openapi.servers}). Runs at start, so one image serves every deployment.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ServersOpenApi implements OASFilter {
    static final String PROPERTY = "ntm.openapi.servers";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Optional<List<String>> urls = ConfigProvider.getConfig().getOptionalValues(PROPERTY, String.class);
        urls.filter(list -> !list.isEmpty()).ifPresent(list -> openAPI.setServers(list.stream()
                .map(url -> OASFactory.createServer().url(url.strip()).description("Configured (" + PROPERTY + ")"))
                .toList()));
    }
}
