package io.tillgate.p3.server;

import io.tillgate.core.terminal.TerminalPhase;
import java.util.Optional;

/**
 * The P3 {@code state} / {@code stateDetails} pair (docs/protocols/p3.md §5.4) a terminal phase is reported as.
 * The pairs follow the Payworks SDK names so that existing POS software shows the right screens.
 *
 * @param state the coarse process state
 * @param stateDetails the finer detail
 */
public record P3ProcessState(String state, String stateDetails) {

    public static P3ProcessState of(TerminalPhase phase) {
        return switch (phase) {
            case CONNECTING -> new P3ProcessState("CONNECTING_TO_ACCESSORY", "CONNECTING_TO_ACCESSORY");
            case INITIALIZING -> new P3ProcessState("INITIALIZING_TRANSACTION", "INITIALIZING_TRANSACTION_REGISTERING");
            case WAITING_FOR_CARD ->
                    new P3ProcessState("WAITING_FOR_CARD_PRESENTATION", "PROCESSING_WAITING_FOR_CARD_PRESENTATION");
            case READING_CARD, PROCESSING -> new P3ProcessState("PROCESSING", "PROCESSING");
            case WAITING_FOR_PIN -> new P3ProcessState("PROCESSING", "PROCESSING_WAITING_FOR_PIN");
            case ACTION_REQUIRED -> new P3ProcessState("PROCESSING", "PROCESSING_ACTION_REQUIRED");
            case WAITING_FOR_CARD_REMOVAL ->
                    new P3ProcessState("WAITING_FOR_CARD_REMOVAL", "PROCESSING_WAITING_FOR_CARD_REMOVAL");
        };
    }

    /**
     * The terminal phase a {@code stateDetails} was reported for, the first in card-flow order where
     * two share it (reading the card and processing both read as reading the card).
     */
    public static Optional<TerminalPhase> phaseOf(String stateDetails) {
        for (TerminalPhase phase : TerminalPhase.values()) {
            if (of(phase).stateDetails().equals(stateDetails)) {
                return Optional.of(phase);
            }
        }
        return Optional.empty();
    }
}
