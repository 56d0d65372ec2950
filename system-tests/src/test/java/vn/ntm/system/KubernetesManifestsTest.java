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
 * application needs comes from a ConfigMap or Secret reference, and no Secret carries a value.
 */
@SuppressWarnings("unchecked")
class KubernetesManifestsTest {
    private static final Path ROOT = Path.of(System.getProperty("ntm.root", "..")).toAbsolutePath().normalize();
    private static final Path K8S = ROOT.resolve("deploy/k8s");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");
    private static final Set<String> SERVICES = Set.of("criteria-service", "inspection-service", "task-service");
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
            Matcher port = Pattern.compile("(?m)^quarkus\\.http\\.port=(\\d+)$").matcher(applicationProperties(svc));
            assertThat(port.find()).isTrue();
            int httpPort = Integer.parseInt(port.group(1));
            Map<String, Object> deployment = find(docs, "Deployment", svc);
            Map<String, Object> container = container(deployment);
            assertThat(String.valueOf(container.get("image"))).startsWith("ntm/" + svc);
            assertThat((List<Object>) container.get("ports")).containsExactly(Map.of("name", "http",
                    "containerPort", httpPort));
            Map<String, Object> selector = map(deployment, "spec", "selector", "matchLabels");
            assertThat(map(deployment, "spec", "template", "metadata", "labels")).containsAllEntriesOf(selector);
            Map<String, Object> service = find(docs, "Service", svc);
            assertThat(map(service, "spec", "selector")).isEqualTo(selector);
            assertThat((List<Object>) map(service, "spec").get("ports"))
                    .containsExactly(Map.of("name", "http", "port", httpPort, "targetPort", "http"));
            assertThat(providedEnvironment(docs, svc)).containsEntry("QUARKUS_HTTP_PORT", String.valueOf(httpPort));
        }
    }

    @Test
    void probesLivenessAndReadinessOnTheHealthEndpoints() throws IOException {
        List<Map<String, Object>> docs = applied();
        for (String svc : SERVICES) {
            Map<String, Object> container = container(find(docs, "Deployment", svc));
            assertThat(map(container, "livenessProbe", "httpGet")).containsEntry("path", "/q/health/live")
                    .containsEntry("port", "http");
            assertThat(map(container, "readinessProbe", "httpGet")).containsEntry("path", "/q/health/ready")
                    .containsEntry("port", "http");
            assertThat(map(container, "startupProbe", "httpGet")).containsEntry("path", "/q/health/started");
        }
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
                assertThat(read.contains(key) || key.startsWith("QUARKUS_"))
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
            referencedKeys.add(providedEnvironment(applied(), svc).get("NTM_DB_PASSWORD"));
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
    void createsEveryTopicWithTheContractsPartitionCounts() throws IOException {
        List<Map<String, Object>> docs = applied();
        Map<String, Object> container = container(find(docs, "Job", "ntm-kafka-topics"));
        String command = String.valueOf(container.get("args"));
        Matcher listed = Pattern.compile("([a-z-]+):(\\d+)").matcher(command.substring(0, command.indexOf("; do")));
        Map<String, Integer> topics = new HashMap<>();
        while (listed.find()) {
            topics.put(listed.group(1), Integer.parseInt(listed.group(2)));
        }
        assertThat(topics).isEqualTo(Topics.all());
        assertThat(command).contains("--bootstrap-server \"$KAFKA_BOOTSTRAP_SERVERS\"").contains("--if-not-exists");
        Map<String, Object> bootstrap = ((List<Map<String, Object>>) container.get("env")).stream()
                .filter(e -> "KAFKA_BOOTSTRAP_SERVERS".equals(e.get("name"))).findFirst().orElseThrow();
        assertThat(map(bootstrap, "valueFrom", "configMapKeyRef")).containsEntry("name", "ntm-config");
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
