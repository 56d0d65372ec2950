package vn.ntm.task.intake;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * DOMAIN.md §8 as a property (jqwik): for every generated history of a few communes (two merging into a third on a
 * succession date in the middle; inspections on random dates, several on one day; repeated deliveries; corrections;
 * tasks moved to REPORTED or RETURNED in between), processing its events in date order one at a time and in random
 * permutations and batchings leaves the same open work. The history generator is {@link OpenWorkHistoriesTest}'s;
 * jqwik draws the seeds and the number of permutations, and reports the failing seed. Tries: 1,000
 * ({@code jqwik.tries.default}, set by the build from the property {@code histories}; the volume profile: 20,000).
 */
class OpenWorkPropertyTest {

    @Property
    void theSameEventsInAnyOrderBatchingOrRepetitionLeaveTheSameOpenWork(@ForAll long seed,
                                                                         @ForAll @IntRange(min = 1, max = 6) int permutations) {
        OpenWorkHistoriesTest.assertSameOpenWorkInAnyOrder(seed, permutations);
    }
}
