package vn.ntm.inspection;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import vn.ntm.inspection.fixtures.FakeCriteriaResource;
import vn.ntm.testinfra.RealInfraTestResource;

/**
 * Every {@code @QuarkusTest} of this module runs against the real PostgreSQL and Kafka broker, with a stand-in for
 * criteria-service's read-through fallback.
 */
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "inspection"))
@QuarkusTestResource(FakeCriteriaResource.class)
public final class RealInfrastructure {
    private RealInfrastructure() {
    }
}
