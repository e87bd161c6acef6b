package io.tillgate.core.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class TransactionMdcTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void theIdIsInTheMdcDuringTheStepOnly() {
        String during = TransactionMdc.call("outer", () -> MDC.get(TransactionMdc.KEY));

        assertThat(during).isEqualTo("outer");
        assertThat(MDC.get(TransactionMdc.KEY)).isNull();
    }

    @Test
    void aNestedStepRestoresTheOuterId() {
        TransactionMdc.run("outer", () -> {
            TransactionMdc.run("inner", () -> assertThat(MDC.get(TransactionMdc.KEY)).isEqualTo("inner"));
            assertThat(MDC.get(TransactionMdc.KEY)).isEqualTo("outer");
        });

        assertThat(MDC.get(TransactionMdc.KEY)).isNull();
    }

    @Test
    void aFailingStepLeavesNoIdBehind() {
        assertThatThrownBy(() -> TransactionMdc.run("failing", () -> {
            throw new IllegalStateException("terminal gone");
        })).hasMessage("terminal gone");

        assertThat(MDC.get(TransactionMdc.KEY)).isNull();
    }
}
