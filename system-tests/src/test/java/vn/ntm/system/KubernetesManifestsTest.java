package vn.ntm.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import vn.ntm.contracts.Topics;

/**
 * No cluster runs here, so the manifests under deploy/k8s are checked statically against the applications: every
 * file parses, each service has its Deployment and Service with health probes and resources, every variable the
 * application needs comes from a ConfigMap or Secret reference, and no Secret carries a value. The hardening of
 * README "Operations" is checked property by property: disruption budgets, network policies, the pods' security
 * contexts and writable /tmp, ephemeral storage, the heap against the memory limit, the topics' replication and
 * retention.
 */
@SuppressWarnings("unchecked")
class KubernetesManifestsTest {
    private static final Path ROOT = Path.of(System.getProperty("ntm.root", "..")).toAbsolutePath().normalize();
    private static final Path K8S = ROOT.resolve("deploy/k8s");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");
    private static final Set<String> SERVICES = Set.of("criteria-service", "inspection-service", "task-service");
    /**
     * Memory outside the heap at the largest service's peak, MiB: BENCHMARKS.md measured a peak RSS of 680 MiB for
     * task-service with its heap full at -Xmx384m (metaspace, code cache, thread stacks, buffers, malloc). A new
     * measurement that moves it belongs here.
     */
    static final int MEASURED_NON_HEAP_MIB = 680 - 384;
    /** Topics kept forever: reference data a consumer with a new or restored database rebuilds its copy from. */
    static final Set<String> REFERENCE_DATA_TOPICS = Set.of(Topics.CRITERIA_EVENTS, Topics.CRITERIA_REFERENCE);
    private static final Set<String> INFRASTRUCTURE = Set.of("NTM_DB_HOST", "NTM_DB_PORT", "NTM_DB_NAME",
            "NTM_DB_USER", "NTM_DB_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "NTM_JWKS_LOCATION", "NTM_JWT_ISSUER",
            "NTM_JWT_AUDIENCE");

    /** Every document of every YAML file under deploy/k8s, by file name. */
    private static Map<String, List<Map<String, Object>>> files() throws IOException {
        Map<String, List<Map<String, Object>>> out = new HashMap<>();
        try (Stream<Path> paths = Files.list(K8S)) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                List<Map<String, Object>> docs = new ArrayList<>();
                for (Object doc : new Yaml().loadAll(Files.readString(path, StandardCharsets.UTF_8))) {
                    assertThat(doc).as("a document of %s", path.getFileName()).isInstanceOf(Map.class);
                    docs.add((Map<String, Object>) doc);
                }
                out.put(path.getFileName().toString(), docs);
            }
        }
        return out;
    }

    /** The documents kustomization.yaml applies. */
    private static List<Map<String, Object>> applied() throws IOException {
        Map<String, List<Map<String, Object>>> files = files();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object resource : (List<Object>) files.get("kustomization.yaml").get(0).get("resources")) {
            assertThat(files).as("kustomization resource %s", resource).containsKey(String.valueOf(resource));
            out.addAll(files.get(String.valueOf(resource)));
        }
        return out;
    }

    private static Map<String, Object> find(List<Map<String, Object>> docs, String kind, String name) {
        return docs.stream().filter(d -> kind.equals(d.get("kind")) && name.equals(metadata(d).get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " is applied"));
    }

    private static Map<String, Object> metadata(Map<String, Object> doc) {
        return (Map<String, Object>) doc.get("metadata");
    }

    private static Map<String, Object> map(Object value, String... path) {
        Object current = value;
        for (String key : path) {
            assertThat(current).as("%s in %s", key, List.of(path)).isInstanceOf(Map.class);
            current = ((Map<String, Object>) current).get(key);
        }
        assertThat(current).as("%s", List.of(path)).isInstanceOf(Map.class);
        return (Map<String, Object>) current;
    }

    private static Map<String, Object> container(Map<String, Object> workload) {
        List<Object> containers = (List<Object>) map(workload, "spec", "template", "spec").get("containers");
        assertThat(containers).hasSize(1);
        return (Map<String, Object>) containers.get(0);
    }

    /** A service's application.properties plus the defaults of the platform modules every service uses. */
    private static String applicationProperties(String module) throws IOException {
        StringBuilder all = new StringBuilder(Files.readString(
                ROOT.resolve(module).resolve("src/main/resources/application.properties"), StandardCharsets.UTF_8));
        try (var platform = Files.list(ROOT.resolve("platform"))) {
            for (Path defaults : platform.map(p -> p.resolve("src/main/resources/META-INF/microprofile-config.properties"))
                    .filter(Files::exists).sorted().toList()) {
                all.append('\n').append(Files.readString(defaults, StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }

    @Test
    void everyManifestParsesAndKustomizationAppliesAllButTheSecretExample() throws IOException {
        Map<String, List<Map<String, Object>>> files = files();
        Set<String> listed = new HashSet<>();
        ((List<Object>) files.get("kustomization.yaml").get(0).get("resources")).forEach(r -> listed.add(r.toString()));
        Set<String> expected = new HashSet<>(files.keySet());
        expected.removeAll(Set.of("kustomization.yaml", "secret.example.yaml"));
        assertThat(listed).isEqualTo(expected);
        for (Map<String, Object> doc : applied()) {
            assertThat(doc).containsKeys("apiVersion", "kind", "metadata");
            assertThat(metadata(doc).get("name")).isNotNull();
        }
    }

    @Test
    void runsEachServiceWithItsPortAndAServiceInFrontOfIt() throws IOException {
        List<Map<String, Object>> docs = applied();
        for (String svc : SERVICES) {
            int httpPort = port(svc, "quarkus.http.port");
            int managementPort = port(svc, "quarkus.management.port");
            Map<String, Object> deployment = find(docs, "Deployment", svc);
            Map<String, Object> container = container(deployment);
            assertThat(String.valueOf(container.get("image"))).startsWith("ntm/" + svc);
            assertThat((List<Object>) container.get("ports")).containsExactly(
                    Map.of("name", "http", "containerPort", httpPort),
                    Map.of("name", "management", "containerPort", managementPort));
            Map<String, Object> selector = map(deployment, "spec", "selector", "matchLabels");
            assertThat(map(deployment, "spec", "template", "metadata", "labels")).containsAllEntriesOf(selector);
            Map<String, Object> service = find(docs, "Service", svc);
            assertThat(map(service, "spec", "selector")).isEqualTo(selector);
            // the Service routes the API only: health and metrics (no token there) stay inside the pod's network
            assertThat((List<Object>) map(service, "spec").get("ports"))
                    .containsExactly(Map.of("name", "http", "port", httpPort, "targetPort", "http"));
            assertThat(providedEnvironment(docs, svc)).containsEntry("QUARKUS_HTTP_PORT", String.valueOf(httpPort))
                    .containsEntry("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        }
    }

    @Test
    void probesStartupLivenessAndReadinessOnTheManagementPort() throws IOException {
        List<Map<String, Object>> docs = applied();
        for (String svc : SERVICES) {
            Map<String, Object> container = container(find(docs, "Deployment", svc));
            assertThat(map(container, "startupProbe", "httpGet")).containsEntry("path", "/q/health/started")
                    .containsEntry("port", "management");
            assertThat(map(container, "livenessProbe", "httpGet")).containsEntry("path", "/q/health/live")
                    .containsEntry("port", "management");
            // ready = the service's own database answers; the broker is in the dependencies group, never here
            assertThat(map(container, "readinessProbe", "httpGet")).containsEntry("path", "/q/health/ready")
                    .containsEntry("port", "management");
        }
    }

    @Test
    void letsPrometheusScrapeTheManagementPortOfEveryPod() throws IOException {
        List<Map<String, Object>> docs = applied();
        for (String svc : SERVICES) {
            Map<String, Object> annotations = map(find(docs, "Deployment", svc), "spec", "template", "metadata",
                    "annotations");
            assertThat(annotations).containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/port", String.valueOf(port(svc, "quarkus.management.port")))
                    .containsEntry("prometheus.io/path", "/q/metrics");
        }
    }

    /** A port the service's application.properties sets, e.g. {@code quarkus.http.port}. */
    private static int port(String svc, String key) throws IOException {
        Matcher port = Pattern.compile("(?m)^" + Pattern.quote(key) + "=(\\d+)$").matcher(applicationProperties(svc));
        assertThat(port.find()).as("%s of %s", key, svc).isTrue();
        return Integer.parseInt(port.group(1));
    }

    @Test
    void requestsAndLimitsCpuAndMemoryForEveryContainer() throws IOException {
        for (Map<String, Object> doc : applied()) {
            if (!List.of("Deployment", "Job").contains(doc.get("kind"))) {
                continue;
            }
            Map<String, Object> resources = map(container(doc), "resources");
            for (String kind : List.of("requests", "limits")) {
                assertThat(map(resources, kind)).as("%s %s of %s", kind, metadata(doc).get("name"), doc.get("kind"))
                        .containsKeys("cpu", "memory");
            }
            assertThat(quantity(map(resources, "limits").get("memory")))
                    .isGreaterThanOrEqualTo(quantity(map(resources, "requests").get("memory")));
        }
    }

    @Test
    void providesEveryVariableTheApplicationsNeedFromConfigMapsAndSecretsOnly() throws IOException {
        List<Map<String, Object>> docs = applied();
        for (String svc : SERVICES) {
            Set<String> read = new HashSet<>();
            Set<String> required = new HashSet<>(INFRASTRUCTURE);
            Matcher m = ENV_REFERENCE.matcher(applicationProperties(svc));
            while (m.find()) {
                read.add(m.group(1));
                if (m.group(2) == null) {
                    required.add(m.group(1));
                }
            }
            if (svc.equals("inspection-service")) {
                required.add("CRITERIA_SERVICE_URL");
            }
            assertThat(read).containsAll(required);
            Map<String, Object> container = container(find(docs, "Deployment", svc));
            for (Object entry : (List<Object>) container.getOrDefault("env", List.of())) {
                Map<String, Object> env = (Map<String, Object>) entry;
                assertThat(env).as("%s sets %s inline", svc, env.get("name")).doesNotContainKey("value")
                        .containsKey("valueFrom");
            }
            Map<String, String> provided = providedEnvironment(docs, svc);
            assertThat(provided.keySet()).as("variables %s receives", svc).containsAll(required);
            for (String key : provided.keySet()) {
                assertThat(read.contains(key) || key.startsWith("QUARKUS_")
                        || KafkaClientVariables.isKafkaClientSetting(key))
                        .as("%s receives %s, which its application.properties never reads", svc, key).isTrue();
            }
            assertThat(provided.get("NTM_DB_PASSWORD")).as("the password comes from a Secret")
                    .startsWith("secret:");
            assertThat(provided.get("NTM_DB_NAME")).isEqualTo(provided.get("NTM_DB_USER"));
        }
    }

    @Test
    void shipsNoSecretValue() throws IOException {
        Set<String> referencedKeys = new HashSet<>();
        for (String svc : SERVICES) {
            providedEnvironment(applied(), svc).values().stream().filter(v -> v.startsWith("secret:"))
                    .forEach(referencedKeys::add);
        }
        for (Map<String, Object> e : (List<Map<String, Object>>) container(find(applied(), "Job", "ntm-kafka-topics"))
                .get("env")) {
            Map<String, Object> from = (Map<String, Object>) e.getOrDefault("valueFrom", Map.of());
            if (from.containsKey("secretKeyRef")) {
                Map<String, Object> ref = map(from, "secretKeyRef");
                referencedKeys.add("secret:" + ref.get("name") + "/" + ref.get("key"));
            }
        }
        boolean sawSecret = false;
        for (Map.Entry<String, List<Map<String, Object>>> file : files().entrySet()) {
            for (Map<String, Object> doc : file.getValue()) {
                if (!"Secret".equals(doc.get("kind"))) {
                    continue;
                }
                sawSecret = true;
                assertThat(file.getKey()).as("a Secret is only an example, never applied").endsWith(".example.yaml");
                for (String field : List.of("data", "stringData")) {
                    Map<String, Object> values = (Map<String, Object>) doc.getOrDefault(field, Map.of());
                    values.forEach((key, value) -> {
                        assertThat(String.valueOf(value)).as("%s %s.%s", file.getKey(), field, key).isEmpty();
                        referencedKeys.remove("secret:" + metadata(doc).get("name") + "/" + key);
                    });
                }
            }
        }
        assertThat(sawSecret).as("secret.example.yaml documents the Secret").isTrue();
        assertThat(referencedKeys).as("Secret keys the Deployments use but the example does not name").isEmpty();
        for (Map<String, Object> doc : applied()) {
            assertThat(doc.get("kind")).isNotEqualTo("Secret");
        }
    }

    @Test
    void givesEveryServiceItsOwnKafkaCredentialsFromAnOptionalSecret() throws IOException {
        List<Map<String, Object>> docs = applied();
        Set<String> jaasKeys = new HashSet<>();
        for (String svc : SERVICES) {
            Map<String, String> provided = providedEnvironment(docs, svc);
            assertThat(provided).containsKey("KAFKA_SECURITY_PROTOCOL");
            assertThat(provided.get("KAFKA_SASL_JAAS_CONFIG")).as("%s's Kafka credentials", svc)
                    .startsWith("secret:ntm-kafka/");
            jaasKeys.add(provided.get("KAFKA_SASL_JAAS_CONFIG"));
            assertThat(provided.get("KAFKA_SSL_TRUSTSTORE_CERTIFICATES")).isEqualTo("secret:ntm-kafka/ca.crt");
            for (Object entry : (List<Object>) container(find(docs, "Deployment", svc)).get("env")) {
                Map<String, Object> ref = map(entry, "valueFrom");
                if (ref.containsKey("secretKeyRef") && "ntm-kafka".equals(map(ref, "secretKeyRef").get("name"))) {
                    // a cluster without SASL needs no such Secret
                    assertThat(map(ref, "secretKeyRef")).containsEntry("optional", true);
                }
            }
        }
        assertThat(jaasKeys).as("one Kafka user per service").hasSize(SERVICES.size());
        // the topic Job talks to the same cluster: the same settings, its own user, through --command-config
        Map<String, Object> job = container(find(docs, "Job", "ntm-kafka-topics"));
        Map<String, Map<String, Object>> jobEnv = new HashMap<>();
        for (Map<String, Object> e : (List<Map<String, Object>>) job.get("env")) {
            jobEnv.put(String.valueOf(e.get("name")), e);
        }
        assertThat(jobEnv).containsKeys("KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM", "KAFKA_SASL_JAAS_CONFIG",
                "KAFKA_SSL_TRUSTSTORE_TYPE", "KAFKA_SSL_TRUSTSTORE_CERTIFICATES");
        Map<String, Object> jobJaas = map(jobEnv.get("KAFKA_SASL_JAAS_CONFIG"), "valueFrom", "secretKeyRef");
        assertThat(jobJaas).containsEntry("name", "ntm-kafka").containsEntry("optional", true);
        assertThat(jaasKeys).as("the Job's user is none of the services'")
                .doesNotContain("secret:ntm-kafka/" + jobJaas.get("key"));
        String command = String.valueOf(job.get("args"));
        assertThat(command).contains("echo \"sasl.jaas.config=$KAFKA_SASL_JAAS_CONFIG\" >> \"$cfg\"");
        assertThat(command.split("--command-config \"\\$cfg\"", -1)).as("both Kafka scripts use it").hasSize(3);
    }

    @Test
    void createsEveryTopicWithTheContractsPartitionCountsThreeReplicasTwoInSyncAndItsRetention() throws IOException {
        List<Map<String, Object>> docs = applied();
        Map<String, Object> container = container(find(docs, "Job", "ntm-kafka-topics"));
        String command = String.valueOf(container.get("args"));
        Map<String, Topic> topics = topicTable(command);
        Map<String, Integer> partitions = new HashMap<>();
        topics.forEach((name, topic) -> partitions.put(name, topic.partitions()));
        assertThat(partitions).isEqualTo(Topics.all());
        for (Topic topic : topics.values()) {
            assertThat(topic.cleanupPolicy()).as("cleanup.policy of %s", topic.name())
                    .isEqualTo(Topics.compacted().contains(topic.name()) ? "compact" : "delete");
            if (REFERENCE_DATA_TOPICS.contains(topic.name())) {
                assertThat(topic.retentionDays()).as("%s is kept forever", topic.name()).isEqualTo(-1);
            } else {
                // a consumer is replayed from an earlier offset after a restore (README "Backup and restore"): the
                // events since the last daily backup must still be there, with a week to notice
                assertThat(topic.retentionDays()).as("retention of %s in days", topic.name()).isBetween(7, 365);
            }
        }
        assertThat(command).contains("--bootstrap-server \"$KAFKA_BOOTSTRAP_SERVERS\"").contains("--if-not-exists")
                .contains("--replication-factor \"$REPLICATION_FACTOR\"")
                .contains("--config min.insync.replicas=\"$MIN_INSYNC_REPLICAS\"")
                .contains("--config retention.ms=\"$retention\"").contains("--config cleanup.policy=\"$cleanup\"")
                .contains("if [ \"$days\" = forever ]; then retention=-1; else retention=$((days * 86400000)); fi")
                // an existing topic (created by an earlier version of the Job) gets the stated settings too
                .contains("kafka-configs.sh --bootstrap-server \"$KAFKA_BOOTSTRAP_SERVERS\" --alter")
                .contains("--add-config min.insync.replicas=\"$MIN_INSYNC_REPLICAS\",retention.ms=\"$retention\","
                        + "cleanup.policy=\"$cleanup\"")
                .contains("set -e");
        Map<String, String> env = new HashMap<>();
        for (Map<String, Object> e : (List<Map<String, Object>>) container.get("env")) {
            if (e.containsKey("valueFrom") && map(e, "valueFrom").containsKey("configMapKeyRef")) {
                Map<String, Object> ref = map(e, "valueFrom", "configMapKeyRef");
                env.put(String.valueOf(e.get("name")), String.valueOf(map(find(docs, "ConfigMap",
                        String.valueOf(ref.get("name"))), "data").get(String.valueOf(ref.get("key")))));
            }
        }
        assertThat(env).containsEntry("REPLICATION_FACTOR", "3").containsEntry("MIN_INSYNC_REPLICAS", "2")
                .containsKey("KAFKA_BOOTSTRAP_SERVERS");
        Map<String, Object> bootstrap = ((List<Map<String, Object>>) container.get("env")).stream()
                .filter(e -> "KAFKA_BOOTSTRAP_SERVERS".equals(e.get("name"))).findFirst().orElseThrow();
        assertThat(map(bootstrap, "valueFrom", "configMapKeyRef")).containsEntry("name", "ntm-config");
    }

    @Test
    void readmeHasTheOperationsSectionAndStatesEveryTopicsRetention() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains("## Operations").contains("### Health endpoints").contains("### Metrics")
                .contains("### Kafka security").contains("### Deployment hardening").contains("### Kafka topics")
                .contains("### Backup and restore").contains("pg_dump -Fc").contains("pg_restore")
                .contains("min.insync.replicas=2").contains("--reset-offsets");
        String topics = readme.substring(readme.indexOf("### Kafka topics"), readme.indexOf("### Backup and restore"));
        String command = String.valueOf(container(find(applied(), "Job", "ntm-kafka-topics")).get("args"));
        for (Topic topic : topicTable(command).values()) {
            String row = topics.lines().filter(l -> l.startsWith("|") && l.contains("`" + topic.name() + "`"))
                    .findFirst().orElseThrow(() -> new AssertionError("README states no retention of " + topic.name()));
            assertThat(row).contains(topic.retentionDays() < 0 ? "forever" : topic.retentionDays() + " days")
                    .contains("`" + topic.cleanupPolicy() + "`");
        }
    }

    /**
     * One topic of a topic-creation command's table ({@code name:partitions:days:cleanup}; -1 days: kept forever;
     * cleanup: its {@code cleanup.policy}).
     */
    record Topic(String name, int partitions, int retentionDays, String cleanupPolicy) {
    }

    /** The topic table of a topic-creation command (the Job's and docker-compose's). */
    static Map<String, Topic> topicTable(String command) {
        Matcher table = Pattern.compile("for t in ([^;]+); do").matcher(command);
        assertThat(table.find()).as("a topic table in %s", command).isTrue();
        Map<String, Topic> out = new HashMap<>();
        for (String entry : table.group(1).trim().split("\\s+")) {
            Matcher m = Pattern.compile("^([a-z-]+):(\\d+):(forever|\\d+):(delete|compact)$").matcher(entry);
            assertThat(m.matches()).as("topic entry %s is name:partitions:days:cleanup", entry).isTrue();
            int days = m.group(3).equals("forever") ? -1 : Integer.parseInt(m.group(3));
            out.put(m.group(1), new Topic(m.group(1), Integer.parseInt(m.group(2)), days, m.group(4)));
        }
        return out;
    }

    @Test
    void readmeExplainsRunningThemAgainstExistingKafkaAndPostgres() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains("## Deployment with Kubernetes").contains("kubectl apply -k deploy/k8s")
                .contains("kubectl create secret generic ntm-db");
        for (String svc : SERVICES) {
            String key = providedEnvironment(applied(), svc).get("NTM_DB_PASSWORD").replaceFirst(".*/", "");
            assertThat(readme).contains("--from-literal=" + key + "=");
        }
    }

    @Test
    void keepsOnePodOfEveryServiceThroughVoluntaryDisruptions() throws IOException {
        List<Map<String, Object>> docs = applied();
        for (String svc : SERVICES) {
            Map<String, Object> deployment = find(docs, "Deployment", svc);
            int replicas = (Integer) map(deployment, "spec").get("replicas");
            Map<String, Object> budget = find(docs, "PodDisruptionBudget", svc);
            assertThat(budget.get("apiVersion")).isEqualTo("policy/v1");
            assertThat(map(budget, "spec", "selector", "matchLabels"))
                    .isEqualTo(map(deployment, "spec", "selector", "matchLabels"));
            Map<String, Object> spec = map(budget, "spec");
            int mayBeDown = spec.containsKey("maxUnavailable") ? (Integer) spec.get("maxUnavailable")
                    : replicas - (Integer) spec.get("minAvailable");
            assertThat(mayBeDown).as("%s: a drain may evict a pod (a budget of 0 blocks it forever)", svc).isPositive();
            assertThat(replicas - mayBeDown).as("%s pods left serving during a drain", svc).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void runsEveryPodNonRootWithoutPrivilegesOnAReadOnlyRootWithAWritableTmp() throws IOException {
        for (Map<String, Object> doc : applied()) {
            if (!List.of("Deployment", "Job").contains(doc.get("kind"))) {
                continue;
            }
            String name = metadata(doc).get("name") + " (" + doc.get("kind") + ")";
            Map<String, Object> pod = map(doc, "spec", "template", "spec");
            assertThat(pod.get("automountServiceAccountToken")).as("%s needs no API token", name).isEqualTo(false);
            assertThat(map(pod, "securityContext")).as(name).containsEntry("runAsNonRoot", true);
            assertThat((Integer) map(pod, "securityContext").get("runAsUser")).as(name).isPositive();
            assertThat(map(pod, "securityContext", "seccompProfile")).as(name)
                    .containsEntry("type", "RuntimeDefault");
            Map<String, Object> container = container(doc);
            Map<String, Object> security = map(container, "securityContext");
            assertThat(security).as(name).containsEntry("allowPrivilegeEscalation", false)
                    .containsEntry("readOnlyRootFilesystem", true).containsEntry("privileged", false);
            assertThat(map(security, "capabilities")).as(name).isEqualTo(Map.of("drop", List.of("ALL")));

            // the one writable directory: /tmp, an emptyDir of bounded size within the ephemeral-storage limit
            List<Map<String, Object>> mounts = (List<Map<String, Object>>) container.get("volumeMounts");
            assertThat(mounts).as("%s mounts only /tmp", name).hasSize(1);
            assertThat(mounts.get(0)).containsEntry("mountPath", "/tmp");
            Map<String, Object> volume = ((List<Map<String, Object>>) pod.get("volumes")).stream()
                    .filter(v -> mounts.get(0).get("name").equals(v.get("name"))).findFirst().orElseThrow();
            Map<String, Object> emptyDir = map(volume, "emptyDir");
            assertThat(emptyDir).as("%s: /tmp on disk, not in the memory limit", name).doesNotContainKey("medium");
            Map<String, Object> resources = map(container, "resources");
            long request = quantity(map(resources, "requests").get("ephemeral-storage"));
            long limit = quantity(map(resources, "limits").get("ephemeral-storage"));
            assertThat(request).as("%s ephemeral-storage request", name).isPositive().isLessThanOrEqualTo(limit);
            assertThat(quantity(emptyDir.get("sizeLimit"))).as("%s /tmp size", name).isPositive()
                    .isLessThan(limit);
        }
    }

    @Test
    void spoolsTaskServiceUploadsOnATmpThatHoldsSeveralFullSizeFiles() throws IOException {
        Map<String, Object> pod = map(find(applied(), "Deployment", "task-service"), "spec", "template", "spec");
        Map<String, Object> volume = ((List<Map<String, Object>>) pod.get("volumes")).get(0);
        Matcher maxSize = Pattern.compile("(?m)^ntm\\.tasks\\.evidence\\.max-size=(\\d+)M$")
                .matcher(applicationProperties("task-service"));
        assertThat(maxSize.find()).isTrue();
        Matcher uploads = Pattern.compile("(?m)^quarkus\\.http\\.body\\.uploads-directory=\\$\\{java\\.io\\.tmpdir}/")
                .matcher(applicationProperties("task-service"));
        assertThat(uploads.find()).as("uploads are spooled under java.io.tmpdir").isTrue();
        assertThat(quantity(map(volume, "emptyDir").get("sizeLimit")))
                .isGreaterThanOrEqualTo(10L * Integer.parseInt(maxSize.group(1)));
    }

    @Test
    void sizesTheHeapSoThatTheMeasuredNonHeapFitsTheMemoryLimit() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"), StandardCharsets.UTF_8);
        Matcher opts = Pattern.compile("(?m)^ENV JAVA_OPTS=\"([^\"]*)\"").matcher(dockerfile);
        assertThat(opts.find()).as("the image's JAVA_OPTS").isTrue();
        String javaOpts = opts.group(1);
        assertThat(javaOpts).as("a heap proportional to the limit ignores the fixed non-heap")
                .doesNotContain("MaxRAMPercentage").doesNotContain("MaxRAMFraction");
        Matcher xmx = Pattern.compile("-Xmx(\\d+)m").matcher(javaOpts);
        assertThat(xmx.find()).as("an explicit heap cap in %s", javaOpts).isTrue();
        long heap = Long.parseLong(xmx.group(1));
        // everything the JVM writes goes to /tmp, the one writable directory
        assertThat(javaOpts).contains("-Djava.io.tmpdir=/tmp").contains("-XX:ErrorFile=/tmp/");
        for (String svc : SERVICES) {
            Map<String, Object> resources = map(container(find(applied(), "Deployment", svc)), "resources");
            assertThat(quantity(map(resources, "limits").get("memory"))).as("%s memory limit, MiB", svc)
                    .isGreaterThanOrEqualTo(heap + MEASURED_NON_HEAP_MIB);
        }
    }

    @Test
    void letsEachServiceReachOnlyItsDatabaseTheBrokerTheIssuerAndDns() throws IOException {
        List<Map<String, Object>> docs = applied();
        for (String svc : SERVICES) {
            Map<String, String> env = providedEnvironment(docs, svc);
            Set<String> expected = new HashSet<>(Set.of("dns:53/UDP", "dns:53/TCP",
                    "database:" + env.get("NTM_DB_PORT") + "/TCP",
                    "kafka:" + env.get("KAFKA_BOOTSTRAP_SERVERS").replaceFirst(".*:", "") + "/TCP",
                    "issuer:" + java.net.URI.create(env.get("NTM_JWKS_LOCATION")).toURL().getDefaultPort() + "/TCP"));
            if (env.containsKey("CRITERIA_SERVICE_URL")) {
                expected.add("criteria-service:" + java.net.URI.create(env.get("CRITERIA_SERVICE_URL")).getPort()
                        + "/TCP");
            }
            assertThat(egress(find(docs, "NetworkPolicy", svc), svc)).as("where %s may connect", svc)
                    .isEqualTo(expected);
        }
        assertThat(egress(find(docs, "NetworkPolicy", "ntm-kafka-topics"), "ntm-kafka-topics"))
                .isEqualTo(Set.of("dns:53/UDP", "dns:53/TCP", "kafka:9092/TCP"));
    }

    @Test
    void letsOnlyTheIngressControllerReachTheApiAndOnlyMonitoringTheManagementPort() throws IOException {
        List<Map<String, Object>> docs = applied();
        for (String svc : SERVICES) {
            Map<String, Object> policy = find(docs, "NetworkPolicy", svc);
            Set<String> portNames = new HashSet<>();
            ((List<Map<String, Object>>) container(find(docs, "Deployment", svc)).get("ports"))
                    .forEach(p -> portNames.add(String.valueOf(p.get("name"))));
            Map<String, Set<String>> sources = new HashMap<>();
            for (Map<String, Object> rule : (List<Map<String, Object>>) map(policy, "spec").get("ingress")) {
                List<Map<String, Object>> from = (List<Map<String, Object>>) rule.get("from");
                List<Map<String, Object>> ports = (List<Map<String, Object>>) rule.get("ports");
                assertThat(from).as("%s: an ingress rule without sources admits everyone", svc).isNotEmpty();
                assertThat(ports).as("%s: an ingress rule without ports opens every port", svc).isNotEmpty();
                for (Map<String, Object> port : ports) {
                    assertThat(portNames).as("%s names its container port %s", svc, port.get("port"))
                            .contains(String.valueOf(port.get("port")));
                    for (Map<String, Object> peer : from) {
                        sources.computeIfAbsent(String.valueOf(port.get("port")), k -> new HashSet<>()).add(peer(peer));
                    }
                }
            }
            Set<String> api = new HashSet<>(Set.of("namespace ingress-nginx"));
            if (svc.equals("criteria-service")) {
                api.add("pods inspection-service"); // CRITERIA_SERVICE_URL
            }
            assertThat(sources).as("who reaches %s on which port", svc)
                    .isEqualTo(Map.of("http", api, "management", Set.of("namespace monitoring")));
        }
        assertThat((List<Object>) map(find(docs, "NetworkPolicy", "ntm-kafka-topics"), "spec")
                .getOrDefault("ingress", List.of())).isEmpty();
    }

    /**
     * The egress a NetworkPolicy allows, as {@code target:port/protocol}; the policy selects the workload's pods,
     * denies by default in both directions, and every rule names its targets and ports.
     */
    private static Set<String> egress(Map<String, Object> policy, String workload) {
        Map<String, Object> spec = map(policy, "spec");
        assertThat(map(spec, "podSelector", "matchLabels")).isEqualTo(Map.of("app.kubernetes.io/name", workload));
        assertThat((List<Object>) spec.get("policyTypes")).containsExactlyInAnyOrder("Ingress", "Egress");
        Set<String> out = new HashSet<>();
        for (Map<String, Object> rule : (List<Map<String, Object>>) spec.get("egress")) {
            List<Map<String, Object>> to = (List<Map<String, Object>>) rule.get("to");
            List<Map<String, Object>> ports = (List<Map<String, Object>>) rule.get("ports");
            assertThat(to).as("%s: an egress rule without targets reaches everything", workload).hasSize(1);
            assertThat(ports).as("%s: an egress rule without ports opens every port", workload).isNotEmpty();
            String target = peer(to.get(0));
            String kind = switch (target) {
                case "namespace kube-system, pods kube-dns" -> "dns";
                case "namespace example, pods postgresql" -> "database";
                case "namespace example, pods kafka" -> "kafka";
                case "pods criteria-service" -> "criteria-service";
                default -> {
                    assertThat(target).as("%s: the issuer is one address, not a range", workload).endsWith("/32");
                    yield "issuer";
                }
            };
            for (Map<String, Object> port : ports) {
                out.add(kind + ":" + port.get("port") + "/" + port.get("protocol"));
            }
        }
        return out;
    }

    /** A NetworkPolicy peer in words: "namespace x, pods y", "pods y" or the address block. */
    private static String peer(Map<String, Object> peer) {
        List<String> parts = new ArrayList<>();
        if (peer.containsKey("namespaceSelector")) {
            parts.add("namespace " + map(peer, "namespaceSelector", "matchLabels").get("kubernetes.io/metadata.name"));
        }
        if (peer.containsKey("podSelector")) {
            Map<String, Object> labels = map(peer, "podSelector", "matchLabels");
            parts.add("pods " + labels.getOrDefault("app.kubernetes.io/name", labels.get("k8s-app")));
        }
        if (peer.containsKey("ipBlock")) {
            String cidr = String.valueOf(map(peer, "ipBlock").get("cidr"));
            assertThat(cidr).as("an address block, not the whole internet").isNotEqualTo("0.0.0.0/0");
            parts.add(cidr);
        }
        assertThat(parts).as("peer %s", peer).hasSize(peer.size());
        return String.join(", ", parts);
    }

    /**
     * The variables a service's container receives, each mapped to its ConfigMap value or to
     * {@code secret:<name>/<key>}; a reference to a ConfigMap or key that is not applied fails.
     */
    private static Map<String, String> providedEnvironment(List<Map<String, Object>> docs, String svc) {
        Map<String, Object> container = container(find(docs, "Deployment", svc));
        Map<String, String> out = new HashMap<>();
        for (Object source : (List<Object>) container.getOrDefault("envFrom", List.of())) {
            Map<String, Object> ref = map(source, "configMapRef");
            map(find(docs, "ConfigMap", String.valueOf(ref.get("name"))), "data")
                    .forEach((k, v) -> out.put(k, String.valueOf(v)));
        }
        for (Object entry : (List<Object>) container.getOrDefault("env", List.of())) {
            Map<String, Object> env = (Map<String, Object>) entry;
            Map<String, Object> from = map(env, "valueFrom");
            String name = String.valueOf(env.get("name"));
            if (from.containsKey("secretKeyRef")) {
                Map<String, Object> ref = map(from, "secretKeyRef");
                out.put(name, "secret:" + ref.get("name") + "/" + ref.get("key"));
            } else {
                Map<String, Object> ref = map(from, "configMapKeyRef");
                Map<String, Object> data = map(find(docs, "ConfigMap", String.valueOf(ref.get("name"))), "data");
                assertThat(data).as("ConfigMap %s", ref.get("name")).containsKey(String.valueOf(ref.get("key")));
                out.put(name, String.valueOf(data.get(String.valueOf(ref.get("key")))));
            }
        }
        return out;
    }

    private static long quantity(Object value) {
        Matcher m = Pattern.compile("^(\\d+)(Mi|Gi)$").matcher(String.valueOf(value));
        assertThat(m.matches()).as("memory quantity %s in Mi or Gi", value).isTrue();
        return Long.parseLong(m.group(1)) * (m.group(2).equals("Gi") ? 1024 : 1);
    }
}
