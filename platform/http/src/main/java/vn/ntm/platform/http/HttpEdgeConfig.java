package vn.ntm.platform.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Optional;

/** Settings of the HTTP edge ({@code ntm.http.*}); defaults in this module's META-INF/microprofile-config.properties. */
@ConfigMapping(prefix = "ntm.http")
public interface HttpEdgeConfig {
    /** Request bodies declaring more get 413 problem+json; {@code quarkus.http.limits.max-body-size} follows it. */
    @WithDefault("1M")
    @WithConverter(MemorySizeConverter.class)
    MemorySize maxBodySize();

    /**
     * Request targets (path and query) longer than this get 414 problem+json; up to
     * {@code quarkus.http.limits.max-initial-line-length}, past which the HTTP server refuses the line itself.
     */
    @WithDefault("8192")
    int maxUriLength();

    /**
     * Paths guarded by an HTTP permission ({@code quarkus.http.auth.permission.*}) rather than by a resource: a
     * request without a bearer token gets 401 problem+json here instead of Quarkus' bare challenge. None by default:
     * metrics and health are on the management interface, not on the API port.
     */
    Optional<List<String>> bearerPaths();

    /**
     * POST and PUT paths that take file uploads (a regular expression on the normalized path, e.g.
     * {@code /tasks/[^/]+/evidence}): their bodies may declare up to {@link #maxUploadSize()} instead of
     * {@link #maxBodySize()}. {@code quarkus.http.limits.max-body-size} must then be at least that large.
     */
    Optional<String> uploadPaths();

    /** The most an upload request (see {@link #uploadPaths()}) may declare, framing included. */
    @WithDefault("1M")
    @WithConverter(MemorySizeConverter.class)
    MemorySize maxUploadSize();
}
