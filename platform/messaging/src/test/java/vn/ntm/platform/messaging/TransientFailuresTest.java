package vn.ntm.platform.messaging;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class TransientFailuresTest {

    private static SQLException state(String state) {
        return new SQLException("server said " + state, state);
    }

    private static RuntimeException wrapped(Throwable cause) {
        return new IllegalStateException("could not create the tasks", new RuntimeException("tx", cause));
    }

    @Test
    void tooManyConnectionsAndOtherInsufficientResourcesAreTransient() {
        assertThat(TransientFailures.isTransient(wrapped(state("53300")))).isTrue();
        assertThat(TransientFailures.isTransient(wrapped(state("53200")))).isTrue();
        assertThat(TransientFailures.isTransient(wrapped(state("53100")))).isTrue();
        assertThat(TransientFailures.isTransient(wrapped(state("53400")))).isTrue();
    }

    @Test
    void connectionFailuresSerializationFailuresDeadlocksAndLockTimeoutsAreTransient() {
        for (String s : new String[] {"08001", "08006", "08003", "40001", "40P01", "55P03", "57014", "57P01",
                "57P03"}) {
            assertThat(TransientFailures.isTransient(wrapped(state(s)))).as(s).isTrue();
        }
    }

    @Test
    void constraintAndDataErrorsAreNotTransient() {
        for (String s : new String[] {"23505", "23503", "22001", "22P02", "42P01", "42703", "40002", "XX000"}) {
            assertThat(TransientFailures.isTransient(wrapped(state(s)))).as(s).isFalse();
        }
        assertThat(TransientFailures.isTransient(new SQLIntegrityConstraintViolationException("dup", "23505")))
                .isFalse();
    }

    @Test
    void aPoolAcquisitionTimeoutWithoutStateIsTransient() {
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("Sorry, acquisition timeout!")))).isTrue();
        assertThat(TransientFailures.isTransient(wrapped(new SQLTimeoutException("timed out")))).isTrue();
    }

    @Test
    void aStatelessWrapperAroundAPermanentStateIsNotTransient() {
        SQLException wrapper = new SQLException("Exception while creating new connection", state("23505"));
        assertThat(TransientFailures.isTransient(wrapper)).isFalse();
    }

    @Test
    void aTransientStateAnywhereInTheChainWins() {
        SQLException wrapper = new SQLException("Exception while creating new connection", state("53300"));
        assertThat(TransientFailures.isTransient(wrapped(wrapper))).isTrue();
        BatchUpdateException batch = new BatchUpdateException("batch failed", "23505", new int[0]);
        batch.setNextException(state("40P01"));
        assertThat(TransientFailures.isTransient(batch)).isTrue();
    }

    @Test
    void interruptionsAndNetworkFailuresAreTransient() {
        assertThat(TransientFailures.isTransient(wrapped(new InterruptedException()))).isTrue();
        assertThat(TransientFailures.isTransient(wrapped(new SocketTimeoutException("read timed out")))).isTrue();
        assertThat(TransientFailures.isTransient(wrapped(new ConnectException("refused")))).isTrue();
    }

    @Test
    void plainProgrammingOrDataErrorsAreNotTransient() {
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("not a UUID"))).isFalse();
        assertThat(TransientFailures.isTransient(new NullPointerException())).isFalse();
        assertThat(TransientFailures.isTransient(null)).isFalse();
    }

    @Test
    void sqlStatesAreMatchedWhateverTheirCase() {
        assertThat(TransientFailures.isTransientSqlState("40p01")).isTrue();
        assertThat(TransientFailures.isTransientSqlState("53")).isFalse();
        assertThat(TransientFailures.isTransientSqlState(null)).isFalse();
    }

    @Test
    void aCycleInTheCauseChainEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(TransientFailures.isTransient(a)).isFalse();
    }
}
