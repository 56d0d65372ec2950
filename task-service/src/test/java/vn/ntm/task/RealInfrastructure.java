package vn.ntm.task;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import vn.ntm.testinfra.RealInfraTestResource;

/** Every {@code @QuarkusTest} of this module runs against the real PostgreSQL and Kafka broker. */
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "task"))
public final class RealInfrastructure {
    private RealInfrastructure() {
    }
}
