package vn.ntm.contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceSnapshotsTest {

    @Test
    void aNewerVersionSupersedesTheHeldOne() {
        assertThat(ReferenceSnapshots.supersedes(8L, 7L)).isTrue();
    }

    @Test
    void anOlderVersionDeliveredAfterANewerOneIsIgnored() {
        assertThat(ReferenceSnapshots.supersedes(6L, 7L)).isFalse();
    }

    @Test
    void theSameVersionAgainIsIgnored() {
        assertThat(ReferenceSnapshots.supersedes(7L, 7L)).isFalse();
    }

    @Test
    void anyVersionSupersedesACopyThatHoldsNone() {
        assertThat(ReferenceSnapshots.supersedes(1L, null)).isTrue();
    }

    @Test
    void anUnversionedSnapshotFillsOnlyACopyThatHoldsNoVersionedOne() {
        assertThat(ReferenceSnapshots.supersedes(null, null)).isTrue();
        assertThat(ReferenceSnapshots.supersedes(null, 1L)).isFalse();
    }
}
