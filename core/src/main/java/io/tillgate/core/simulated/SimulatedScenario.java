package io.tillgate.core.simulated;

import io.tillgate.core.money.Money;

/** The shared simulated card flow, chosen by the cents of the amount (docs/protocols/README.md). */
public enum SimulatedScenario {
    APPROVED,
    DECLINED,
    SIGNATURE,
    SLOW_CARD,
    CUSTOMER_CANCELS,
    NO_ANSWER,
    POS_CONNECTION_DROPS,
    PARTIAL_APPROVAL,
    CARD_READ_ERROR,
    TERMINAL_ERROR;

    public static SimulatedScenario of(Money amount) {
        return switch (amount.cents()) {
            case 91 -> DECLINED;
            case 92 -> SIGNATURE;
            case 93 -> SLOW_CARD;
            case 94 -> CUSTOMER_CANCELS;
            case 95 -> NO_ANSWER;
            case 96 -> POS_CONNECTION_DROPS;
            case 97 -> PARTIAL_APPROVAL;
            case 98 -> CARD_READ_ERROR;
            case 99 -> TERMINAL_ERROR;
            default -> APPROVED;
        };
    }
}
