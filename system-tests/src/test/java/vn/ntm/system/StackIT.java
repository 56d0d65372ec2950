package vn.ntm.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.ntm.contracts.CloudEventHeaders;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.Topics;
import vn.ntm.localinfra.Ports;
import vn.ntm.localinfra.Tokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shared stack ({@link SystemStack#shared()}: the packaged stack started with {@code ./run.sh --no-build} on free
 * ports, as a user would) driven over HTTP and Kafka, then stopped with SIGTERM (nothing is left behind) and started
 * again on the same data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.Order(4) // last of the classes: it stops the shared stack and starts it again
class StackIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static SystemStack stack;
    private static List<ProcessHandle> started;
    private static String persistedInspection;
    private static long persistedTasks;

    @BeforeAll
    static void startStack() {
        stack = SystemStack.shared();
        started = stack.runProcess().descendants().toList();
    }

    @AfterAll
    static void stopStack() {
        stack.stop();
    }

    private static String base(String portVariable) {
        return "http://127.0.0.1:" + stack.ports.get(portVariable);
    }

    /** Tokens from the key pair ./run.sh made under its data directory, as ./token.sh mints them. */
    private static Tokens tokens() {
        return stack.tokens();
    }

    private static String admin() {
        return tokens().token("stack-it", "admin").bearer();
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", admin())
                        .timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    @Order(1)
    void everyServiceIsReadyAndAnswersUnknownPathsWithProblemJson() throws Exception {
        for (String svc : List.of("NTM_CRITERIA_PORT", "NTM_INSPECTION_PORT", "NTM_TASK_PORT")) {
            // health on the management port (NTM_CRITERIA_MANAGEMENT_PORT, ...), without a token; not on the API's
            String management = base(svc.replace("_PORT", "_MANAGEMENT_PORT"));
            HttpResponse<String> ready = get(management + "/q/health/ready");
            assertThat(ready.statusCode()).as(svc + " ready: " + ready.body()).isEqualTo(200);
            HttpResponse<String> dependencies = get(management + "/q/health/group/dependencies");
            assertThat(dependencies.statusCode()).as(svc + " dependencies: " + dependencies.body()).isEqualTo(200);
            assertThat(get(management + "/q/metrics").body()).contains("ntm_outbox_pending");
            assertThat(get(base(svc) + "/q/health/ready").statusCode()).isEqualTo(404);
            HttpResponse<String> missing = get(base(svc) + "/no-such-path");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(stack.runOutput()).contains("Swagger UI", "/q/metrics", "Logs:");
    }

    @Test
    @Order(2)
    void seedCatalogIsBrowsable() throws Exception {
        HttpResponse<String> set = get(base("NTM_CRITERIA_PORT") + "/criteria-sets/XA_NTM_2021_2025");
        assertThat(set.statusCode()).isEqualTo(200);
        JsonNode criteria = JSON.readTree(set.body()).get("criteria");
        assertThat(criteria).hasSize(19);
        assertThat(criteria.get(16).get("name").asText()).isEqualTo("Môi trường và an toàn thực phẩm");
    }

    @Test
    @Order(3)
    void aRecordProducedToTheBrokerIsConsumedByTaskService() throws Exception {
        ObjectNode event = (ObjectNode) SeedInspection.golden();
        String inspectionId = UUID.randomUUID().toString();
        event.put("inspectionId", inspectionId);
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.INSPECTION_EVENTS, inspectionId,
                    JSON.writeValueAsString(event));
            CloudEventHeaders.of(UUID.randomUUID().toString(), EventTypes.INSPECTION_FINALIZED, "/ntm/stack-it",
                            Instant.now(), inspectionId)
                    .forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            HttpResponse<String> tasks = get(base("NTM_TASK_PORT") + "/tasks?inspectionId=" + inspectionId);
            assertThat(tasks.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(tasks.body()).get("total").asInt()).isPositive();
        });
    }

    @Test
    @Order(4)
    void seedInspectionFinalizedThroughTheApiReachesEveryOrganisationsWorkList() throws Exception {
        Api api = new Api(tokens().token("thanh-tra-ldtbxh", "inspector").province("20").bearer());
        String id = SeedInspection.enter(api, base("NTM_INSPECTION_PORT"));
        long t0 = System.nanoTime();
        // the caller's trace (W3C traceparent) must reach every task created from the inspection (README "Tracing")
        String traceId = UUID.randomUUID().toString().replace("-", "");
        Map<String, String> headers = new HashMap<>(SeedInspection.ifMatch(api, base("NTM_INSPECTION_PORT"), id));
        headers.put("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
        HttpResponse<String> finalized = api.send("POST", base("NTM_INSPECTION_PORT") + "/inspections/" + id
                + "/finalize", Map.of(), headers);
        assertThat(finalized.statusCode()).as(finalized.body()).isEqualTo(200);
        assertThat(JSON.readTree(finalized.body()).get("status").asText()).isEqualTo("FINALIZED");

        String tasks = base("NTM_TASK_PORT") + "/tasks?inspectionId=" + id;
        Api viewer = new Api(tokens().token("vp-dieu-phoi", "viewer").province("20").bearer());
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> viewer.total(tasks) > 0);
        System.out.printf("StackIT: finalize to first task visible in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        // the tasks of an inspection are inserted in one statement: once one is visible, all are
        JsonNode created = viewer.json(viewer.get(tasks + "&size=200"));
        assertThat(created.get("items").findValuesAsText("traceId")).hasSize(created.get("total").asInt())
                .containsOnly(traceId);

        // The communes' work on their gaps is one piece per gap (DOMAIN.md §8): when another copy of the seed (same
        // communes, same day) was finalized on this stack first, as HostileInputIT's is, that work is listed under
        // that inspection and this one adds only its own (its recommendations). Each organisation sees its own work list
        // with its own token, and only that.
        String work = base("NTM_TASK_PORT") + "/tasks?size=200";
        Api transport = new Api(tokens().token("so-gtvt", "org").org("SO_NGANH:20:GTVT").bearer());
        assertThat(transport.total(work + "&communeCode=06490&criterion=2&assigneeType=SO_NGANH")).isEqualTo(1);
        // GTVT leads criterion 2, so it also reads the commune's criterion-2 work, and no other criterion's
        assertThat(transport.json(transport.get(work + "&assigneeType=UBND_XA")).get("items")
                .findValuesAsText("criterion")).isNotEmpty().containsOnly("2");
        // the seed's units ceased on 2025-07-01: once task-service's register copy arrives, the succession moves
        // their open tasks (06490 → 06475, district 187 → the coordination office), so each login holds both
        Api commune = new Api(tokens().token("ubnd-thuong-cuong", "org").org("UBND_XA:06490").org("UBND_XA:06475")
                .bearer());
        JsonNode commune17 = commune.json(commune.get(work + "&communeCode=06490&criterion=17"));
        assertThat(commune17.get("items").get(0).get("dueDate").asText()).isEqualTo("2022-10-30");
        Api district = new Api(tokens().token("ubnd-chi-lang", "org").org("UBND_HUYEN:187").org("VP_DIEU_PHOI:20")
                .bearer());
        // the coordination office sees the whole province's tasks: ask for all of them, not the first page
        assertThat(district.json(district.get(work)).get("items").findValuesAsText("title"))
                .anyMatch(title -> title.startsWith("Hoàn thiện hồ sơ"));
        persistedInspection = id;
        persistedTasks = viewer.total(tasks);
    }

    @Test
    @Order(100)
    void sigtermStopsEverythingWithinThirtySecondsAndLeavesNoProcess() throws Exception {
        assertThat(started).as("run.sh started the launcher, Kafka and the services").hasSizeGreaterThanOrEqualTo(5);
        Process run = stack.runProcess();
        long t0 = System.nanoTime();
        run.destroy();
        assertThat(run.waitFor(30, TimeUnit.SECONDS)).as("run.sh stopped within 30 s").isTrue();
        System.out.printf("StackIT: stopped in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(started.stream().filter(ProcessHandle::isAlive).map(p -> p.info().commandLine()
                        .orElse("pid " + p.pid())).toList()).isEmpty());
        stack.ports.forEach((variable, port) ->
                assertThat(Ports.isListening("127.0.0.1", port)).as("%s %d still listening", variable, port)
                        .isFalse());
        assertThat(stack.runOutput()).contains("stopping task-service", "stopping Kafka",
                "stopping PostgreSQL");
    }

    @Test
    @Order(101)
    void dataSurvivesARestart() throws Exception {
        assertThat(persistedInspection).as("the seed flow ran first").isNotNull();
        stack.startRunScript("run-again.out");
        Api api = new Api(admin());
        HttpResponse<String> inspection = api.get(base("NTM_INSPECTION_PORT") + "/inspections/" + persistedInspection);
        assertThat(inspection.statusCode()).isEqualTo(200);
        assertThat(api.json(inspection).get("status").asText()).isEqualTo("FINALIZED");
        assertThat(api.total(base("NTM_TASK_PORT") + "/tasks?inspectionId=" + persistedInspection))
                .isEqualTo(persistedTasks);
        Process again = stack.runProcess();
        again.destroy();
        assertThat(again.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
}
