package vn.ntm.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for the system tests: JSON in, raw responses out. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String authorization;

    Api() {
        this(null);
    }

    /** A client that sends {@code authorization} (e.g. {@code Bearer <jwt>}) as the Authorization header. */
    Api(String authorization) {
        this.authorization = authorization;
    }

    HttpResponse<String> get(String url) {
        return call(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    HttpResponse<String> send(String method, String url, Object body) {
        return send(method, url, body, Map.of());
    }

    /** Sends {@code body} as JSON with the extra {@code headers} (e.g. {@code If-Match}). */
    HttpResponse<String> send(String method, String url, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body),
                            StandardCharsets.UTF_8));
            headers.forEach(request::header);
            return call(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code total} of a task list query. */
    long total(String url) {
        HttpResponse<String> response = get(url);
        if (response.statusCode() != 200) {
            throw new AssertionError(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return json(response).get("total").asLong();
    }

    private HttpResponse<String> call(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
