package vn.ntm.task.evidence.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.net.URI;
import java.util.Optional;

/**
 * The evidence stores (README "Evidence"): {@code ntm.tasks.evidence.store} chooses where new files go
 * ({@code postgres}, the default, or {@code s3}); a file is read from the store its row names. The S3 store exists
 * whenever {@code ntm.tasks.evidence.s3.bucket} is set, so its files stay readable after a switch back to postgres.
 * Built at startup: a missing bucket for {@code store=s3} stops the service then, not at the first upload.
 */
@Startup
@ApplicationScoped
public class EvidenceStores {
    private final PostgresEvidenceStore postgres;
    private final S3EvidenceStore s3;
    private volatile EvidenceStore current;

    public EvidenceStores(PostgresEvidenceStore postgres, AgroalDataSource dataSource,
                          TransactionSynchronizationRegistry transactions,
                          @ConfigProperty(name = "ntm.tasks.evidence.store", defaultValue = "postgres") String store,
                          @ConfigProperty(name = "ntm.tasks.evidence.s3.endpoint") Optional<URI> endpoint,
                          @ConfigProperty(name = "ntm.tasks.evidence.s3.bucket") Optional<String> bucket,
                          @ConfigProperty(name = "ntm.tasks.evidence.s3.region", defaultValue = "us-east-1")
                          String region,
                          @ConfigProperty(name = "ntm.tasks.evidence.s3.access-key") Optional<String> accessKey,
                          @ConfigProperty(name = "ntm.tasks.evidence.s3.secret-key") Optional<String> secretKey,
                          @ConfigProperty(name = "ntm.tasks.evidence.s3.path-style", defaultValue = "false")
                          boolean pathStyle,
                          @ConfigProperty(name = "ntm.tasks.evidence.s3.prefix", defaultValue = "evidence/")
                          String prefix) {
        this.postgres = postgres;
        if (!store.equals(PostgresEvidenceStore.NAME) && !store.equals(S3EvidenceStore.NAME)) {
            throw new IllegalStateException("ntm.tasks.evidence.store must be postgres or s3, not " + store);
        }
        if (store.equals(S3EvidenceStore.NAME) && bucket.isEmpty()) {
            throw new IllegalStateException("ntm.tasks.evidence.store=s3 needs ntm.tasks.evidence.s3.bucket");
        }
        if (accessKey.isPresent() != secretKey.isPresent()) {
            throw new IllegalStateException("set both ntm.tasks.evidence.s3.access-key and .secret-key, or neither"
                    + " (the AWS default credentials chain)");
        }
        this.s3 = bucket.map(b -> new S3EvidenceStore(client(endpoint, region, accessKey, secretKey, pathStyle), b,
                prefix, transactions, dataSource)).orElse(null);
        this.current = store.equals(S3EvidenceStore.NAME) ? s3 : postgres;
    }

    private static S3Client client(Optional<URI> endpoint, String region, Optional<String> accessKey,
                                   Optional<String> secretKey, boolean pathStyle) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(Apache5HttpClient.builder())
                .region(Region.of(region))
                .forcePathStyle(pathStyle)
                // checksums only where the API requires them: S3-compatible servers do not all take the SDK's
                // default trailing CRC checksums
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(accessKey.isPresent()
                        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey.get(), secretKey.get()))
                        : DefaultCredentialsProvider.builder().build());
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** Where new files go. */
    public EvidenceStore current() {
        return current;
    }

    /**
     * Sends new files to the named store from now on, in place of {@code ntm.tasks.evidence.store} ({@code s3} only
     * when a bucket is configured): lets the tests run both stores on one application start instead of restarting it.
     */
    public void sendNewFilesTo(String name) {
        current = of(name);
    }

    /** The S3 store, when a bucket is configured. */
    public Optional<S3EvidenceStore> s3() {
        return Optional.ofNullable(s3);
    }

    /** The store a row names. */
    public EvidenceStore of(String name) {
        if (name.equals(PostgresEvidenceStore.NAME)) {
            return postgres;
        }
        if (name.equals(S3EvidenceStore.NAME) && s3 != null) {
            return s3;
        }
        throw new IllegalStateException("evidence kept in store " + name + ", which is not configured"
                + " (ntm.tasks.evidence.s3.bucket)");
    }

    @PreDestroy
    void close() {
        if (s3 != null) {
            s3.close();
        }
    }
}
