package io.tillgate.ipp.frontend.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalLedgerTest {

    @Test
    void traceNumbersCountFromOneAndWrapAfter999999() {
        TerminalLedger ledger = new TerminalLedger();
        assertThat(ledger.nextTraceNumber()).isEqualTo("000001");
        assertThat(ledger.nextTraceNumber()).isEqualTo("000002");
        for (int i = 3; i < 999_999; i++) {
            ledger.nextTraceNumber();
        }
        assertThat(ledger.nextTraceNumber()).isEqualTo("999999");
        assertThat(ledger.nextTraceNumber()).isEqualTo("000001");
    }
}
