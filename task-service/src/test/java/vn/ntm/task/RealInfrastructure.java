package vn.ntm.task;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.ResourceArg;
import vn.ntm.localinfra.S3Server;
import vn.ntm.testinfra.RealInfraTestResource;
import vn.ntm.testinfra.TestInfrastructure;

import java.util.Map;

/**
 * Every {@code @QuarkusTest} of this module runs against the real PostgreSQL and Kafka broker, with the S3 evidence
 * store configured on the test JVM's S3-compatible server (new files still go to PostgreSQL, the configured store;
 * {@code S3EvidenceTest} sends them to the bucket and starts the server).
 */
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "task"))
@QuarkusTestResource(RealInfrastructure.EvidenceBucket.class)
public final class RealInfrastructure {
    private RealInfrastructure() {
    }

    /** Points the S3 evidence store at the test JVM's S3-compatible server, which only the tests of the store start. */
    public static class EvidenceBucket implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            S3Server s3 = TestInfrastructure.get().s3Unstarted();
            return Map.of("ntm.tasks.evidence.s3.endpoint", s3.endpoint(),
                    "ntm.tasks.evidence.s3.bucket", TestInfrastructure.S3_BUCKET,
                    "ntm.tasks.evidence.s3.region", S3Server.REGION,
                    "ntm.tasks.evidence.s3.access-key", s3.accessKey(),
                    "ntm.tasks.evidence.s3.secret-key", s3.secretKey(),
                    "ntm.tasks.evidence.s3.path-style", "true");
        }

        @Override
        public void stop() {
        }
    }
}
