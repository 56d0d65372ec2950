package vn.ntm.criteria;

import io.quarkus.test.junit.QuarkusTest;
import vn.ntm.testinfra.PlatformContractTest;

/** The operations endpoints every service shares (health, metrics, OpenAPI, the outbox's admin endpoints). */
@QuarkusTest
class PlatformTest extends PlatformContractTest {
}
