package vn.ntm.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import vn.ntm.contracts.Topics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

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
    private static final Set<String> ROLES = Set.of("admin", "inspector", "org", "viewer", "ops");
    private static final Pattern DEFAULTED = Pattern.compile("^\\$\\{([A-Z][A-Z0-9_]*):-(.*)}$");

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

    @SuppressWarnings("unchecked")
    private static List<String> ports(String name) throws IOException {
        return ((List<Object>) service(name).getOrDefault("ports", List.of())).stream().map(String::valueOf).toList();
    }

    private static JsonNode realm() throws IOException {
        return new ObjectMapper().readTree(ROOT.resolve("deploy/keycloak/ntm-realm.json").toFile());
    }

    private static String readme() throws IOException {
        return Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    }

    /** The default of a {@code ${VAR:-default}} value: what the service uses unless the operator names another. */
    private static String defaultOf(String value) {
        Matcher m = DEFAULTED.matcher(value);
        assertThat(m.matches()).as("%s has a default", value).isTrue();
        return m.group(2);
    }

    @Test
    void usesOfficialImagesAtTheMatchingVersions() throws IOException {
        assertThat(service("postgres").get("image")).isEqualTo("postgres:17");
        assertThat(String.valueOf(service("keycloak").get("image"))).matches("quay\\.io/keycloak/keycloak:\\d+\\.\\d+\\.\\d+");
        assertThat(service("kafka").get("image")).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
        assertThat(service("kafka-topics").get("image")).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
    }

    @Test
    void runsKafkaInKraftModeWithoutAutoCreatedTopics() throws IOException {
        Map<String, String> env = environment("kafka");
        assertThat(env).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .containsEntry("KAFKA_LISTENERS", "PLAINTEXT://:9092,CONTROLLER://:9093,EXTERNAL://:29092")
                .containsEntry("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://kafka:9092,EXTERNAL://localhost:29092")
                .containsEntry("KAFKA_INTER_BROKER_LISTENER_NAME", "PLAINTEXT");
    }

    @Test
    void letsClientsOnTheHostReachKafkaOnTheDocumentedPort() throws IOException {
        Map<String, String> env = environment("kafka");
        Matcher advertised = Pattern.compile("EXTERNAL://localhost:(\\d+)").matcher(env.get("KAFKA_ADVERTISED_LISTENERS"));
        assertThat(advertised.find()).as("an EXTERNAL listener advertised on localhost").isTrue();
        String port = advertised.group(1);
        assertThat(env.get("KAFKA_LISTENERS")).contains("EXTERNAL://:" + port);
        assertThat(env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).contains("EXTERNAL:PLAINTEXT");
        assertThat(ports("kafka")).as("the host port is the advertised one").contains("127.0.0.1:" + port + ":" + port);
        assertThat(readme()).contains("localhost:" + port);
    }

    @Test
    void createsEveryTopicWithThePartitionsOfLocalInfraAndTheRetentionOfTheClusterOnOneReplica() throws IOException {
        String command = String.valueOf(service("kafka-topics").get("command"));
        Map<String, KubernetesManifestsTest.Topic> inCompose = KubernetesManifestsTest.topicTable(command);
        Map<String, Integer> partitions = new java.util.HashMap<>();
        inCompose.forEach((name, topic) -> partitions.put(name, topic.partitions()));
        assertThat(partitions).isEqualTo(Topics.all());
        // the same table as the cluster's topic Job: partitions, retention and cleanup policy per topic
        @SuppressWarnings("unchecked")
        Map<String, Object> job = StreamSupport.stream(new Yaml().loadAll(Files.readString(
                        ROOT.resolve("deploy/k8s/kafka-topics-job.yaml"), StandardCharsets.UTF_8)).spliterator(), false)
                .map(d -> (Map<String, Object>) d).filter(d -> "Job".equals(d.get("kind"))).findFirst().orElseThrow();
        assertThat(inCompose).isEqualTo(KubernetesManifestsTest.topicTable(String.valueOf(job)));
        // one broker: one copy, and one in-sync replica suffices (2 would refuse every acks=all write)
        assertThat(environment("kafka-topics")).containsEntry("REPLICATION_FACTOR", "1")
                .containsEntry("MIN_INSYNC_REPLICAS", "1");
        assertThat(command).contains("--replication-factor \"$$REPLICATION_FACTOR\"")
                .contains("--config min.insync.replicas=\"$$MIN_INSYNC_REPLICAS\"")
                .contains("--config retention.ms=\"$$retention\"").contains("--config cleanup.policy=\"$$cleanup\"")
                .contains(",cleanup.policy=\"$$cleanup\"").contains("kafka-configs.sh --bootstrap-server kafka:9092 --alter")
                .contains("retention=$$((days * 86400000))").contains("set -e");
    }

    @Test
    void runsTheServicesOnAReadOnlyRootWithAVolumeForTmpNoCapabilitiesAndTheClustersMemoryLimit()
            throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> volumes = (Map<String, Object>) compose().get("volumes");
        Matcher xmx = Pattern.compile("(?m)^ENV JAVA_OPTS=\"[^\"]*-Xmx(\\d+)m").matcher(
                Files.readString(ROOT.resolve("Dockerfile"), StandardCharsets.UTF_8));
        assertThat(xmx.find()).as("the image's heap cap").isTrue();
        for (String svc : DATABASES.keySet()) {
            Map<String, Object> service = service(svc);
            assertThat(service).as(svc).containsEntry("read_only", true)
                    .containsEntry("cap_drop", List.of("ALL"))
                    .containsEntry("security_opt", List.of("no-new-privileges:true"));
            Matcher limit = Pattern.compile("^(\\d+)m$").matcher(String.valueOf(service.get("mem_limit")));
            assertThat(limit.matches()).as("%s mem_limit in MiB", svc).isTrue();
            assertThat(Integer.parseInt(limit.group(1))).as("%s: heap and measured non-heap fit", svc)
                    .isGreaterThanOrEqualTo(Integer.parseInt(xmx.group(1)) + KubernetesManifestsTest.MEASURED_NON_HEAP_MIB);
            @SuppressWarnings("unchecked")
            List<String> mounts = (List<String>) service.get("volumes");
            assertThat(mounts).as("%s: /tmp on a volume (disk), its one writable directory", svc).hasSize(1);
            assertThat(mounts.get(0)).endsWith(":/tmp");
            assertThat(volumes).containsKey(mounts.get(0).substring(0, mounts.get(0).indexOf(':')));
        }
    }

    @Test
    void givesEachServiceItsOwnDatabaseAndNonSuperuserRole() throws IOException {
        String sql = Files.readString(ROOT.resolve("deploy/postgres/init-databases.sql"), StandardCharsets.UTF_8)
                .replaceAll("(?m)^--.*$", "").toLowerCase(Locale.ROOT);
        String script = Files.readString(ROOT.resolve("deploy/postgres/init-databases.sh"), StandardCharsets.UTF_8);
        String volumes = service("postgres").get("volumes").toString();
        assertThat(volumes).contains("./deploy/postgres/init-databases.sh:/docker-entrypoint-initdb.d/")
                .contains("./deploy/postgres/init-databases.sql:/ntm/init-databases.sql");
        assertThat(script).contains("-f /ntm/init-databases.sql").contains("ON_ERROR_STOP=1");
        assertThat(sql).doesNotContainPattern("(?<!no)superuser").doesNotContainPattern("(?<!no)createrole")
                .doesNotContainPattern("(?<!no)createdb").doesNotContain("grant ");
        Map<String, String> postgresEnv = environment("postgres");
        for (String svc : DATABASES.keySet()) {
            String db = DATABASES.get(svc);
            String passwordVariable = "NTM_" + db.toUpperCase(Locale.ROOT) + "_DB_PASSWORD";
            assertThat(sql).contains("create role " + db + " login nosuperuser nocreatedb nocreaterole")
                    .contains("password :'" + db + "_password'")
                    .contains("create database " + db + " owner " + db + " ")
                    .contains("revoke all on database " + db + " from public");
            assertThat(script).contains("-v " + db + "_password=\"$" + passwordVariable + "\"");
            assertThat(postgresEnv.get(passwordVariable)).as("postgres receives %s", passwordVariable)
                    .startsWith("${" + passwordVariable + ":?");
            Map<String, String> env = environment(svc);
            assertThat(env).containsEntry("NTM_DB_NAME", db).containsEntry("NTM_DB_USER", db);
            assertThat(env.get("NTM_DB_PASSWORD")).startsWith("${" + passwordVariable + ":?");
            assertThat(db).isNotEqualTo(postgresEnv.get("POSTGRES_USER"));
        }
    }

    @Test
    void checksPostgresReadinessOverTcpOnceTheLastDatabaseExists() throws IOException {
        String sql = Files.readString(ROOT.resolve("deploy/postgres/init-databases.sql"), StandardCharsets.UTF_8);
        Matcher created = Pattern.compile("(?m)^create database (\\w+) owner (\\w+)").matcher(sql);
        String last = null;
        String owner = null;
        while (created.find()) {
            last = created.group(1);
            owner = created.group(2);
        }
        assertThat(last).as("init-databases.sql creates databases").isNotNull();
        String check = String.valueOf(((Map<?, ?>) service("postgres").get("healthcheck")).get("test"));
        assertThat(check).contains("pg_isready -h 127.0.0.1")
                .contains("psql -h 127.0.0.1 -U " + owner + " -d " + last);
    }

    @Test
    void publishesNoInfrastructurePortBeyondLoopback() throws IOException {
        for (String infra : List.of("postgres", "kafka", "keycloak")) {
            for (String mapping : ports(infra)) {
                assertThat(mapping).as("%s publishes %s", infra, mapping).startsWith("127.0.0.1:");
            }
        }
        assertThat(ports("postgres")).containsExactly("127.0.0.1:15432:5432");
    }

    @Test
    void restartsServicesThatFail() throws IOException {
        for (String svc : DATABASES.keySet()) {
            assertThat(service(svc)).as(svc).containsEntry("restart", "on-failure");
        }
    }

    @Test
    void includesKeycloakAsTheTokenIssuerTheServicesTrust() throws IOException {
        Map<String, Object> keycloak = service("keycloak");
        assertThat(String.valueOf(keycloak.get("image"))).startsWith("quay.io/keycloak/keycloak:");
        assertThat((List<Object>) keycloak.get("command")).contains("start-dev", "--import-realm");
        assertThat(keycloak.get("volumes").toString())
                .contains("./deploy/keycloak/ntm-realm.json:/opt/keycloak/data/import/ntm-realm.json");
        JsonNode realm = realm();
        String hostname = environment("keycloak").get("KC_HOSTNAME");
        Matcher published = Pattern.compile("^127\\.0\\.0\\.1:(\\d+):(\\d+)$").matcher(ports("keycloak").get(0));
        assertThat(published.matches()).isTrue();
        assertThat(hostname).isEqualTo("http://localhost:" + published.group(1));
        assertThat((List<Object>) keycloak.get("command")).contains("--http-port=" + published.group(2));
        for (String svc : DATABASES.keySet()) {
            Map<String, String> env = environment(svc);
            assertThat(defaultOf(env.get("NTM_JWT_ISSUER")))
                    .isEqualTo(hostname + "/realms/" + realm.get("realm").asText());
            assertThat(defaultOf(env.get("NTM_JWKS_LOCATION"))).isEqualTo("http://keycloak:" + published.group(2)
                    + "/realms/" + realm.get("realm").asText() + "/protocol/openid-connect/certs");
            @SuppressWarnings("unchecked")
            Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) service(svc)
                    .get("depends_on");
            assertThat(dependsOn.get("keycloak")).containsEntry("condition", "service_healthy");
        }
        assertThat(String.valueOf(keycloak.get("healthcheck"))).contains("/health/ready");
        assertThat(environment("keycloak")).containsEntry("KC_HEALTH_ENABLED", "true");
    }

    @Test
    void realmDefinesTheRolesClaimsAudienceAndDemoUsers() throws IOException {
        JsonNode realm = realm();
        Set<String> roles = new HashSet<>();
        realm.path("roles").path("realm").forEach(r -> roles.add(r.get("name").asText()));
        assertThat(roles).containsAll(ROLES);

        JsonNode client = realm.path("clients").get(0);
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isTrue();
        Map<String, JsonNode> mappers = new java.util.HashMap<>();
        client.path("protocolMappers").forEach(m -> mappers.put(m.path("config").path("claim.name").asText(
                m.path("config").path("included.custom.audience").asText()), m));
        assertThat(mappers.get("groups").path("protocolMapper").asText()).isEqualTo("oidc-usermodel-realm-role-mapper");
        assertThat(mappers.get("groups").path("config").path("multivalued").asText()).isEqualTo("true");
        assertThat(mappers.get("province").path("config").path("user.attribute").asText()).isEqualTo("province");
        assertThat(mappers.get("orgs").path("config").path("user.attribute").asText()).isEqualTo("orgs");
        assertThat(mappers.get("orgs").path("config").path("multivalued").asText()).isEqualTo("true");
        String audience = defaultOf(environment("task-service").get("NTM_JWT_AUDIENCE"));
        assertThat(mappers.get(audience)).as("an audience mapper for %s", audience).isNotNull();
        assertThat(mappers.get(audience).path("protocolMapper").asText()).isEqualTo("oidc-audience-mapper");
        for (JsonNode mapper : mappers.values()) {
            assertThat(mapper.path("config").path("access.token.claim").asText()).isEqualTo("true");
        }
        // Keycloak 24+ only maps user attributes its user profile declares.
        String profile = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider").get(0)
                .path("config").path("kc.user.profile.config").get(0).asText();
        Set<String> declared = new HashSet<>();
        new ObjectMapper().readTree(profile).path("attributes").forEach(a -> declared.add(a.get("name").asText()));
        assertThat(declared).contains("province", "orgs");

        List<JsonNode> users = StreamSupport.stream(realm.path("users").spliterator(), false).toList();
        assertThat(users).hasSizeGreaterThanOrEqualTo(2);
        Set<String> demoRoles = new HashSet<>();
        for (JsonNode user : users) {
            List<String> userRoles = new ArrayList<>();
            user.path("realmRoles").forEach(r -> userRoles.add(r.asText()));
            assertThat(ROLES).containsAll(userRoles);
            demoRoles.addAll(userRoles);
            if (userRoles.contains("inspector") || userRoles.contains("viewer")) {
                assertThat(user.path("attributes").path("province").get(0).asText()).matches("\\d{2}");
            }
            if (userRoles.contains("org")) {
                assertThat(user.path("attributes").path("orgs").size()).isPositive();
            }
            assertThat(user.path("credentials").get(0).path("value").asText())
                    .as("no password is committed").isEqualTo("${NTM_DEMO_PASSWORD}");
        }
        assertThat(demoRoles).contains("admin", "inspector", "org");
        assertThat(environment("keycloak")).containsKey("NTM_DEMO_PASSWORD");
    }

    @Test
    void readmeShowsHowToGetATokenFromTheComposeIssuer() throws IOException {
        JsonNode realm = realm();
        String issuer = defaultOf(environment("task-service").get("NTM_JWT_ISSUER"));
        String readme = readme();
        assertThat(readme).contains(issuer + "/protocol/openid-connect/token")
                .contains("client_id=" + realm.path("clients").get(0).path("clientId").asText())
                .contains("grant_type=password");
        boolean namesADemoUser = StreamSupport.stream(realm.path("users").spliterator(), false)
                .anyMatch(u -> readme.contains("username=" + u.path("username").asText()));
        assertThat(namesADemoUser).as("README names a demo user of the realm").isTrue();
    }

    @Test
    void everyServiceListensOnItsApplicationPortAndIsBuiltFromTheDockerfile() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"), StandardCharsets.UTF_8);
        for (String svc : DATABASES.keySet()) {
            Matcher port = Pattern.compile("(?m)^quarkus\\.http\\.port=(\\d+)$").matcher(applicationProperties(svc));
            assertThat(port.find()).as("quarkus.http.port of %s", svc).isTrue();
            Matcher management = Pattern.compile("(?m)^quarkus\\.management\\.port=(\\d+)$")
                    .matcher(applicationProperties(svc));
            assertThat(management.find()).as("quarkus.management.port of %s", svc).isTrue();
            assertThat(environment(svc)).containsEntry("QUARKUS_HTTP_PORT", port.group(1))
                    .containsEntry("QUARKUS_MANAGEMENT_PORT", management.group(1));
            // the API for everyone; health and metrics (no token there) for this host only
            assertThat((List<Object>) service(svc).get("ports")).containsExactly(port.group(1) + ":" + port.group(1),
                    "127.0.0.1:" + management.group(1) + ":" + management.group(1));
            @SuppressWarnings("unchecked")
            Map<String, Object> build = (Map<String, Object>) service(svc).get("build");
            assertThat(build).containsEntry("context", ".").containsEntry("dockerfile", "Dockerfile")
                    .containsEntry("args", Map.of("SERVICE", svc));
            assertThat(dockerfile).as("the Dockerfile accepts SERVICE=%s", svc).contains(svc);
            assertThat(ROOT.resolve(svc).resolve("Dockerfile")).as("no Dockerfile of its own").doesNotExist();
        }
        // the service is the build argument; it listens on its application's port, which the environment sets
        assertThat(dockerfile).contains("ARG SERVICE").contains("-pl \"$SERVICE\" ")
                .contains("/src/${SERVICE}/target/quarkus-app/").doesNotContain("QUARKUS_HTTP_PORT=");
    }

    @Test
    void buildsEachImageWithoutLocalInfraAndWithDependenciesInTheirOwnLayer() throws Exception {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"), StandardCharsets.UTF_8);
        List<String> instructions = dockerfile.lines().filter(l -> !l.startsWith("#") && !l.isBlank()
                && !Character.isWhitespace(l.charAt(0))).toList();
        int buildStage = instructions.indexOf("FROM eclipse-temurin:17-jdk AS build");
        assertThat(buildStage).as("the Dockerfile has a build stage").isPositive();
        List<String> build = instructions.subList(buildStage, instructions.indexOf("FROM eclipse-temurin:17-jre"));
        int sources = build.indexOf("COPY . .");
        int dependencies = build.indexOf("COPY --from=poms /src/ ./");
        assertThat(dependencies).as("the poms are copied first").isPositive().isLessThan(sources);
        assertThat(build.subList(dependencies, sources)).as("a Maven run before the sources arrive")
                .anyMatch(l -> l.startsWith("RUN ./mvnw"));
        assertThat(instructions.subList(0, buildStage)).as("the poms stage keeps only build descriptors")
                .anyMatch(l -> l.startsWith("RUN find . -type f ! -name pom.xml"));
        for (String run : build.stream().filter(l -> l.startsWith("RUN ./mvnw")).toList()) {
            assertThat(run).contains("-pl \"$SERVICE\" -am").contains("-Dmaven.test.skip=true");
        }
        assertThat(dockerfile).doesNotContain("-pl local-infra").doesNotContain("COPY local-infra")
                .doesNotContain("-pl test-infra").doesNotContain("COPY test-infra");
        for (String svc : DATABASES.keySet()) {
            // test-infra (and local-infra through it) is a test dependency a build with -Dmaven.test.skip=true does
            // not see
            org.w3c.dom.Document pom = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(ROOT.resolve(svc).resolve("pom.xml").toFile());
            org.w3c.dom.NodeList artifacts = pom.getElementsByTagName("artifactId");
            int found = 0;
            for (int n = 0; n < artifacts.getLength(); n++) {
                String artifact = artifacts.item(n).getTextContent();
                if (!artifact.equals("local-infra") && !artifact.equals("test-infra")) {
                    continue;
                }
                found++;
                org.w3c.dom.Node profile = artifacts.item(n).getParentNode().getParentNode().getParentNode();
                assertThat(profile.getNodeName()).as("%s depends on %s only in a profile", svc, artifact)
                        .isEqualTo("profile");
                String activation = ((org.w3c.dom.Element) profile).getElementsByTagName("activation").item(0)
                        .getTextContent().replaceAll("\\s+", "");
                assertThat(activation).isEqualTo("maven.test.skip!true");
            }
            assertThat(found).as("%s's tests run on test-infra", svc).isEqualTo(1);
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
                assertThat(read.contains(key) || key.startsWith("QUARKUS_")
                        || KafkaClientVariables.isKafkaClientSetting(key))
                        .as("%s sets %s, which its application.properties never reads", svc, key).isTrue();
            }
            assertThat(env).containsEntry("NTM_DB_HOST", "postgres");
            assertThat(defaultOf(env.get("KAFKA_BOOTSTRAP_SERVERS"))).isEqualTo("kafka:9092");
        }
    }

    @Test
    void passesTheKafkaSecuritySettingsThroughToEveryServiceWithoutAValue() throws IOException {
        List<String> security = List.of("KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM", "KAFKA_SASL_JAAS_CONFIG",
                "KAFKA_SSL_TRUSTSTORE_TYPE", "KAFKA_SSL_TRUSTSTORE_CERTIFICATES");
        for (String svc : DATABASES.keySet()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> env = (Map<String, Object>) service(svc).get("environment");
            for (String variable : security) {
                assertThat(env).as("%s environment", svc).containsKey(variable);
                // no value: compose takes it from the shell or .env, and leaves it unset when neither has it
                assertThat(env.get(variable)).as("%s %s", svc, variable).isNull();
            }
        }
        assertThat(readme()).contains("### Kafka security").contains("KAFKA_SASL_JAAS_CONFIG");
    }

    @Test
    void startsServicesOnlyWhenInfrastructureIsHealthyAndChecksTheirReadiness() throws IOException {
        for (String svc : DATABASES.keySet()) {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) service(svc)
                    .get("depends_on");
            assertThat(dependsOn.get("postgres")).containsEntry("condition", "service_healthy");
            assertThat(dependsOn.get("kafka-topics")).containsEntry("condition", "service_completed_successfully");
            // readiness on the management port: the service's own database, not Kafka (README "Operations")
            assertThat(String.valueOf(service(svc).get("healthcheck"))).contains("/q/health/ready")
                    .contains("$$QUARKUS_MANAGEMENT_PORT").doesNotContain("QUARKUS_HTTP_PORT");
        }
        assertThat(String.valueOf(service("postgres").get("healthcheck"))).contains("pg_isready -h 127.0.0.1");
        assertThat(String.valueOf(service("kafka").get("healthcheck"))).contains("kafka-broker-api-versions");
    }

    @Test
    void pointsInspectionServiceAtCriteriaServiceByServiceName() throws IOException {
        assertThat(environment("inspection-service"))
                .containsEntry("CRITERIA_SERVICE_URL", "http://criteria-service:8081");
    }
}
