package vn.ntm.criteria;

import io.quarkus.test.junit.QuarkusTest;
import vn.ntm.contracts.EventTypes;
import vn.ntm.contracts.Topics;
import vn.ntm.testinfra.HealthUnderFaultsContract;

import java.util.function.Supplier;

import static vn.ntm.criteria.SetFixtures.createDraft;
import static vn.ntm.criteria.SetFixtures.post;
import static vn.ntm.criteria.SetFixtures.uniqueCode;

/** The broker frozen ({@link HealthUnderFaultsContract}): a criteria set published meanwhile is announced after. */
@QuarkusTest
class HealthUnderFaultsTest extends HealthUnderFaultsContract {

    @Override
    protected Supplier<Expected> prepareWrite() {
        String code = uniqueCode("FROZEN");
        createDraft(code);
        return () -> {
            post("/criteria-sets/" + code + "/publish", "").statusCode(200);
            return new Expected(Topics.CRITERIA_EVENTS, code, EventTypes.CRITERIA_SET_PUBLISHED);
        };
    }
}
