package vn.ntm.platform.outbox;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import vn.ntm.testinfra.RealInfraTestResource;

/** Every test of this module runs on the real PostgreSQL (database {@code outbox}) and Kafka of the test JVM. */
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "outbox"))
public class RealInfrastructure {
}
