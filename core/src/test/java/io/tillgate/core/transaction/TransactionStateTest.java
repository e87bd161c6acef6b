package io.tillgate.core.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransactionStateTest {

    @Test
    void statesOnlyMoveForward() {
        assertThat(TransactionState.CREATED.canMoveTo(TransactionState.SENT)).isTrue();
        assertThat(TransactionState.SENT.canMoveTo(TransactionState.IN_PROGRESS)).isTrue();
        assertThat(TransactionState.IN_PROGRESS.canMoveTo(TransactionState.APPROVED)).isTrue();
        assertThat(TransactionState.IN_PROGRESS.canMoveTo(TransactionState.SENT)).isFalse();
        assertThat(TransactionState.SENT.canMoveTo(TransactionState.CREATED)).isFalse();
    }

    @Test
    void anyNonFinalStateMayBecomeUnknownWhichOnlyResolvesToFinal() {
        for (TransactionState s : TransactionState.values()) {
            assertThat(s.canMoveTo(TransactionState.UNKNOWN)).isEqualTo(!s.isFinal() && s != TransactionState.UNKNOWN);
        }
        assertThat(TransactionState.UNKNOWN.canMoveTo(TransactionState.DECLINED)).isTrue();
        assertThat(TransactionState.UNKNOWN.canMoveTo(TransactionState.IN_PROGRESS)).isFalse();
    }

    @Test
    void finalStatesAreNeverLeft() {
        for (TransactionState from : TransactionState.values()) {
            if (from.isFinal()) {
                for (TransactionState to : TransactionState.values()) {
                    assertThat(from.canMoveTo(to)).as(from + " -> " + to).isFalse();
                }
            }
        }
    }
}
