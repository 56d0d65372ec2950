package vn.ntm.examples.consumer;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * task-service's change feed: {@code GET /tasks?updatedSince=<instant>[&province=<code>]&size=200}, then
 * {@code &after=<next>} until {@code next} is null. A server that does not know {@code updatedSince} (400 naming it)
 * is walked without it: the whole list the token may see, which is more than needed but misses nothing. The bearer
 * token is read from its file before every request, so a token renewed on disk is picked up without a restart.
 */
final class ChangeFeed {
    private static final int PAGE = 200;
    private static final int ATTEMPTS = 5;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String tasksUrl;
    private final Path tokenFile;
    private final String province;

    ChangeFeed(String tasksUrl, Path tokenFile, String province) {
        this.tasksUrl = tasksUrl.endsWith("/") ? tasksUrl.substring(0, tasksUrl.length() - 1) : tasksUrl;
        this.tokenFile = tokenFile;
        this.province = province;
    }

    /**
     * Hands every task changed at or after {@code since} (every task when null) to {@code task}, page by page;
     * returns the number of tasks read.
     */
    long walk(Instant since, Consumer<JsonNode> task) {
        boolean withSince = since != null;
        String after = null;
        long count = 0;
        while (true) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("size", String.valueOf(PAGE));
            if (withSince) {
                query.put("updatedSince", since.toString());
            }
            if (province != null) {
                query.put("province", province);
            }
            if (after != null) {
                query.put("after", after);
            }
            HttpResponse<String> response = get("/tasks?" + encode(query));
            if (response.statusCode() == 400 && withSince && after == null
                    && response.body().contains("updatedSince")) {
                // a task-service from before the change feed: walk the whole list instead
                withSince = false;
                continue;
            }
            JsonNode page = json(check(response));
            for (JsonNode item : page.path("items")) {
                task.accept(item);
                count++;
            }
            JsonNode next = page.get("next");
            if (next == null || next.isNull() || next.asText().isEmpty()) {
                return count;
            }
            after = next.asText();
        }
    }

    /** {@code GET /tasks/{id}}, or null when the task is gone from what the token may see (404). */
    JsonNode task(String id) {
        HttpResponse<String> response = get("/tasks/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
        return response.statusCode() == 404 ? null : json(check(response));
    }

    /** Retries what may pass later (connection refused, 429, 5xx) a few times with a growing pause. */
    private HttpResponse<String> get(String pathAndQuery) {
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(tasksUrl + pathAndQuery))
                        .timeout(Duration.ofSeconds(30)).header("Accept", "application/json")
                        .header("Authorization", "Bearer " + Files.readString(tokenFile).strip()).GET().build();
                HttpResponse<String> response = http.send(request,
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status != 429 && status < 500 || attempt == ATTEMPTS) {
                    return response;
                }
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            pause(500L * attempt);
        }
        throw new UncheckedIOException("GET " + tasksUrl + pathAndQuery + " failed " + ATTEMPTS + " times", last);
    }

    private static HttpResponse<String> check(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return ConsumerState.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(Map<String, String> query) {
        return query.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
