package vn.ntm.task.evidence;

import io.quarkus.test.junit.QuarkusTest;

/** {@link EvidenceContract} with the files stored in PostgreSQL (the default store). */
@QuarkusTest
class EvidenceTest extends EvidenceContract {
}
