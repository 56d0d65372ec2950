package vn.ntm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A small JSON-over-HTTP client that fails loudly on unexpected statuses. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String authorization;

    Http(String authorization) {
        this.authorization = authorization;
    }

    JsonNode get(String url) {
        return call(HttpRequest.newBuilder(URI.create(url)).GET(), 200);
    }

    JsonNode send(String method, String url, Object body, int expectedStatus) {
        return send(method, url, body, expectedStatus, Map.of());
    }

    /** Sends {@code body} as JSON with extra {@code headers} (e.g. {@code If-Match}). */
    JsonNode send(String method, String url, Object body, int expectedStatus, Map<String, String> headers) {
        return exchange(method, url, body, expectedStatus, headers).body();
    }

    /** The {@code ETag} of a resource, read with GET, to send back as {@code If-Match}. */
    String etag(String url) {
        return exchange(HttpRequest.newBuilder(URI.create(url)).GET(), 200).etag();
    }

    /**
     * POSTs {@code body} and, while the service answers 503 (inspection-service until its copy of the
     * administrative-unit register has arrived), tries again every half second for up to {@code wait}.
     */
    JsonNode createWhenReady(String url, Object body, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Reply reply = exchange("POST", url, body, -1, Map.of());
            if (reply.status() != 503 || System.nanoTime() > deadline) {
                if (reply.status() != 201) {
                    throw new IllegalStateException("POST " + url + " answered " + reply.status() + ": "
                            + reply.raw());
                }
                return reply.body();
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private record Reply(int status, JsonNode body, String raw, String etag) {
    }

    private Reply exchange(String method, String url, Object body, int expectedStatus, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body),
                            StandardCharsets.UTF_8));
            headers.forEach(request::header);
            return exchange(request, expectedStatus);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode call(HttpRequest.Builder request, int expectedStatus) {
        return exchange(request, expectedStatus).body();
    }

    /** {@code expectedStatus} -1 accepts any status (the caller decides). */
    private Reply exchange(HttpRequest.Builder request, int expectedStatus) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30))
                            .header("Authorization", authorization).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (expectedStatus != -1 && response.statusCode() != expectedStatus) {
                throw new IllegalStateException(response.request().method() + " " + response.request().uri()
                        + " answered " + response.statusCode() + ": " + response.body());
            }
            JsonNode json = JSON.nullNode();
            if (!response.body().isEmpty() && response.statusCode() < 300) {
                json = JSON.readTree(response.body());
            }
            return new Reply(response.statusCode(), json, response.body(),
                    response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
