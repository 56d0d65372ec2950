package vn.ntm.criteria.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Every successful GET carries a strong ETag (a hash of the JSON body); a GET whose {@code If-None-Match} names the
 * current ETag is answered 304 without a body.
 */
public class EtagFilter {
    private final ObjectMapper json;

    public EtagFilter(ObjectMapper json) {
        this.json = json;
    }

    @ServerResponseFilter
    public void etag(ContainerRequestContext request, ContainerResponseContext response) {
        if (!HttpMethod.GET.equals(request.getMethod()) || response.getStatus() != 200 || !response.hasEntity()) {
            return;
        }
        String tag = "\"" + hash(response.getEntity()) + "\"";
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip).map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .anyMatch(t -> t.equals(tag) || t.equals("*"))) {
            response.setStatus(304);
            response.setEntity(null);
        }
    }

    private String hash(Object entity) {
        try {
            byte[] body = json.writeValueAsBytes(entity);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("could not compute the ETag", e);
        }
    }
}
