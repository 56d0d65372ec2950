package vn.ntm.testinfra;

import vn.ntm.localinfra.KafkaBroker;
import vn.ntm.localinfra.Ports;
import vn.ntm.localinfra.TlsStores;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A broker of the test JVM that lets clients in only over SASL_SSL: a SCRAM-SHA-512 user and TLS with host name
 * verification and a client certificate, the stores generated for this run. Its PLAINTEXT listener is the
 * observer's and administrator's door (topics, users, {@link TopicReader}), never the application's.
 */
public final class SecureKafka implements AutoCloseable {
    /** The SASL mechanism of the broker's SASL_SSL listener. */
    public static final String MECHANISM = "SCRAM-SHA-512";

    private final KafkaBroker broker;
    private final TlsStores tls;

    private SecureKafka(KafkaBroker broker, TlsStores tls) {
        this.broker = broker;
        this.tls = tls;
    }

    static SecureKafka start(Path dir) {
        TlsStores tls = TlsStores.generate(dir.resolve("tls"));
        KafkaBroker broker = new KafkaBroker(dir.resolve("data"), Ports.freePort(), Ports.freePort(),
                dir.resolve("kafka.log"))
                .withSaslSslListener(Ports.freePort(), tls)
                .withJvmOptions(List.of("-XX:TieredStopAtLevel=1"));
        broker.start(Duration.ofSeconds(90));
        return new SecureKafka(broker, tls);
    }

    /** The SASL_SSL listener, the only one an application should be given. */
    public String bootstrapServers() {
        return broker.saslSslBootstrapServers();
    }

    /** The PLAINTEXT listener of the same broker, for the test's own observations. */
    public String observerBootstrapServers() {
        return broker.bootstrapServers();
    }

    /** A reader of this broker's topics (through the observer's listener). */
    public TopicReader reader() {
        return new TopicReader(observerBootstrapServers());
    }

    public void createTopics(Map<String, Integer> partitionsByTopic) {
        KafkaBroker.createTopics(observerBootstrapServers(), partitionsByTopic);
    }

    /** Creates the SCRAM user, or changes its password: clients already refused get in on their next attempt. */
    public void createUser(String user, String password) {
        broker.upsertScramUser(user, password);
    }

    /** The generated TLS stores (PKCS12, all with {@link TlsStores#password()}). */
    public TlsStores tls() {
        return tls;
    }

    /** The standard Kafka client settings of a client of this broker authenticating as {@code user}. */
    public Map<String, String> clientConfig(String user, String password) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("bootstrap.servers", bootstrapServers());
        config.put("security.protocol", "SASL_SSL");
        config.put("sasl.mechanism", MECHANISM);
        config.put("sasl.jaas.config", jaasConfig(user, password));
        config.put("ssl.truststore.type", TlsStores.TYPE);
        config.put("ssl.truststore.location", tls.trustStore().toString());
        config.put("ssl.truststore.password", tls.password());
        config.put("ssl.keystore.type", TlsStores.TYPE);
        config.put("ssl.keystore.location", tls.clientKeyStore().toString());
        config.put("ssl.keystore.password", tls.password());
        return config;
    }

    /** The {@code sasl.jaas.config} of a SCRAM user. */
    public static String jaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    @Override
    public void close() {
        broker.close();
    }
}
