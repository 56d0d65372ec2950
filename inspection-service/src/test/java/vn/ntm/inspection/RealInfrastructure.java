package vn.ntm.inspection;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import vn.ntm.localinfra.RealInfraTestResource;

/** Every {@code @QuarkusTest} of this module runs against the real PostgreSQL and Kafka broker. */
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "inspection"))
public final class RealInfrastructure {
    private RealInfrastructure() {
    }
}
