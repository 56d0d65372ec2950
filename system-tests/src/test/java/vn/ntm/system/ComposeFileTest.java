package vn.ntm.system;

import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import vn.ntm.contracts.Topics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs here, so docker-compose.yml is checked against the applications instead: every service,
 * port, database, topic and configuration variable must agree with what the code and ./run.sh use.
 */
class ComposeFileTest {
    private static final Path ROOT = Path.of(System.getProperty("ntm.root", "..")).toAbsolutePath().normalize();
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");
    private static final Map<String, String> DATABASES = Map.of(
            "criteria-service", "criteria", "inspection-service", "inspection", "task-service", "task");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml"), StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        assertThat(services).as("services in docker-compose.yml").containsKey(name);
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(String name) throws IOException {
        Map<String, Object> env = (Map<String, Object>) service(name).get("environment");
        Map<String, String> out = new java.util.HashMap<>();
        env.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    private static String applicationProperties(String module) throws IOException {
        return Files.readString(ROOT.resolve(module).resolve("src/main/resources/application.properties"),
                StandardCharsets.UTF_8);
    }

    @Test
    void usesOfficialImagesAtTheMatchingVersions() throws IOException {
        assertThat(service("postgres").get("image")).isEqualTo("postgres:17");
        assertThat(service("kafka").get("image")).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
        assertThat(service("kafka-topics").get("image")).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
    }

    @Test
    void runsKafkaInKraftModeWithoutAutoCreatedTopics() throws IOException {
        Map<String, String> env = environment("kafka");
        assertThat(env).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .containsEntry("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://kafka:9092");
    }

    @Test
    void createsEveryTopicWithTheSamePartitionCountAsLocalInfra() throws IOException {
        String command = String.valueOf(service("kafka-topics").get("command"));
        Matcher listed = Pattern.compile("([a-z-]+):(\\d+)").matcher(command.substring(0, command.indexOf("; do")));
        Map<String, Integer> inCompose = new java.util.HashMap<>();
        while (listed.find()) {
            inCompose.put(listed.group(1), Integer.parseInt(listed.group(2)));
        }
        assertThat(inCompose).isEqualTo(Topics.all());
    }

    @Test
    void createsOneDatabasePerServiceOwnedByTheApplicationUser() throws IOException {
        String init = Files.readString(ROOT.resolve("deploy/postgres/init-databases.sql"), StandardCharsets.UTF_8);
        assertThat(service("postgres").get("volumes").toString())
                .contains("./deploy/postgres/init-databases.sql:/docker-entrypoint-initdb.d/");
        String user = environment("postgres").get("POSTGRES_USER");
        DATABASES.forEach((svc, db) -> assertThat(init).contains("create database " + db + " owner " + user));
        for (String svc : DATABASES.keySet()) {
            assertThat(environment(svc)).containsEntry("NTM_DB_NAME", DATABASES.get(svc))
                    .containsEntry("NTM_DB_USER", user);
        }
    }

    @Test
    void everyServiceListensOnItsApplicationPortAndIsBuiltFromItsDockerfile() throws IOException {
        for (String svc : DATABASES.keySet()) {
            Matcher port = Pattern.compile("(?m)^quarkus\\.http\\.port=(\\d+)$").matcher(applicationProperties(svc));
            assertThat(port.find()).as("quarkus.http.port of %s", svc).isTrue();
            assertThat(environment(svc)).containsEntry("QUARKUS_HTTP_PORT", port.group(1));
            assertThat((List<Object>) service(svc).get("ports")).containsExactly(port.group(1) + ":" + port.group(1));
            @SuppressWarnings("unchecked")
            Map<String, Object> build = (Map<String, Object>) service(svc).get("build");
            assertThat(build).containsEntry("context", ".").containsEntry("dockerfile", svc + "/Dockerfile");
            String dockerfile = Files.readString(ROOT.resolve(svc).resolve("Dockerfile"), StandardCharsets.UTF_8);
            assertThat(dockerfile).contains("-pl " + svc + " ").contains("EXPOSE " + port.group(1))
                    .contains("/src/" + svc + "/target/quarkus-app/");
        }
    }

    @Test
    void setsEveryVariableTheApplicationReadsAndNoUnknownOne() throws IOException {
        for (String svc : DATABASES.keySet()) {
            Set<String> read = new HashSet<>();
            Matcher m = ENV_REFERENCE.matcher(applicationProperties(svc));
            while (m.find()) {
                read.add(m.group(1));
            }
            Map<String, String> env = environment(svc);
            Set<String> required = Set.of("NTM_DB_HOST", "NTM_DB_PORT", "NTM_DB_NAME", "NTM_DB_USER",
                    "NTM_DB_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "NTM_JWKS_LOCATION", "NTM_JWT_ISSUER",
                    "NTM_JWT_AUDIENCE");
            assertThat(read).as("%s reads its infrastructure from these variables", svc).containsAll(required);
            assertThat(env.keySet()).as("%s environment in docker-compose.yml", svc).containsAll(required);
            for (String key : env.keySet()) {
                assertThat(read.contains(key) || key.startsWith("QUARKUS_"))
                        .as("%s sets %s, which its application.properties never reads", svc, key).isTrue();
            }
            assertThat(env).containsEntry("NTM_DB_HOST", "postgres").containsEntry("KAFKA_BOOTSTRAP_SERVERS",
                    "kafka:9092");
        }
    }

    @Test
    void startsServicesOnlyWhenInfrastructureIsHealthyAndChecksTheirReadiness() throws IOException {
        for (String svc : DATABASES.keySet()) {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) service(svc)
                    .get("depends_on");
            assertThat(dependsOn.get("postgres")).containsEntry("condition", "service_healthy");
            assertThat(dependsOn.get("kafka-topics")).containsEntry("condition", "service_completed_successfully");
            assertThat(String.valueOf(service(svc).get("healthcheck"))).contains("/q/health/ready");
        }
        assertThat(String.valueOf(service("postgres").get("healthcheck"))).contains("pg_isready");
        assertThat(String.valueOf(service("kafka").get("healthcheck"))).contains("kafka-broker-api-versions");
    }

    @Test
    void pointsInspectionServiceAtCriteriaServiceByServiceName() throws IOException {
        assertThat(environment("inspection-service"))
                .containsEntry("CRITERIA_SERVICE_URL", "http://criteria-service:8081");
    }
}
