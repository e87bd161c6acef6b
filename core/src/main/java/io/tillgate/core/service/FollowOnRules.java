package io.tillgate.core.service;

import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentCommand;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.terminal.Terminal;
import io.tillgate.core.terminal.TerminalCapabilities;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import io.tillgate.core.transaction.TransactionStore;

/**
 * What a refund, reversal or capture may do to its original transaction: only an approved sale or
 * pre-authorisation of the same merchant has follow-ons, a capture only once and only of a
 * pre-authorisation, a refund only of what is captured and not yet refunded, in its currency.
 * Reads the store, so it runs off the event loops.
 */
final class FollowOnRules {

    private final TransactionStore store;

    FollowOnRules(TransactionStore store) {
        this.store = store;
    }

    /** The original the command names, if it may take this follow-on. */
    TransactionRecord original(String merchantId, PaymentCommand command) {
        TransactionRecord original = store.findById(command.originalTransactionId())
                .filter(r -> r.merchantId().equals(merchantId))
                .orElseThrow(() -> new PaymentException(PaymentError.REFERENCE_NOT_FOUND,
                        "no transaction " + command.originalTransactionId()));
        if (original.state() != TransactionState.APPROVED
                || !(original.kind() == PaymentKind.SALE || original.kind() == PaymentKind.PREAUTH)) {
            throw new PaymentException(PaymentError.INVALID_REQUEST, "transaction " + original.id() + " is a "
                    + original.state() + " " + original.kind() + "; only an approved payment can be "
                    + (command.kind() == PaymentKind.CAPTURE ? "captured" : "refunded"));
        }
        if (command.kind() == PaymentKind.CAPTURE && (original.kind() != PaymentKind.PREAUTH || original.captured())) {
            throw new PaymentException(PaymentError.INVALID_REQUEST,
                    "transaction " + original.id() + " is already captured");
        }
        if (command.kind() == PaymentKind.REFUND && !original.captured()) {
            throw new PaymentException(PaymentError.INVALID_REQUEST,
                    "transaction " + original.id() + " is not captured; it cannot be refunded");
        }
        return original;
    }

    /** The follow-on's amount: the one asked, or all that is still available; never more than that. */
    Money amount(PaymentCommand command, TransactionRecord original) {
        Money approved = original.outcome() != null && original.outcome().approvedAmount() != null
                ? original.outcome().approvedAmount() : original.amount();
        Money available = approved;
        if (command.kind() == PaymentKind.REFUND) {
            for (TransactionRecord refund : store.findByOriginal(original.id())) {
                if (refund.kind() == PaymentKind.REFUND && refund.state() == TransactionState.APPROVED) {
                    available = available.minus(refund.amount());
                }
            }
        }
        Money amount = command.amount() == null ? available : command.amount();
        if (!amount.currency().equals(approved.currency())) {
            throw new PaymentException(PaymentError.INVALID_REQUEST, "currency " + amount.currency()
                    + " differs from the original transaction's " + approved.currency());
        }
        if (!amount.isPositive() || amount.compareTo(available) > 0) {
            throw new PaymentException(PaymentError.INVALID_REQUEST, "amount " + amount + " exceeds the "
                    + available + " still available on transaction " + original.id());
        }
        return amount;
    }

    /** Refuses a refund or reversal on a terminal whose protocol cannot do it. */
    static void requireCapability(Terminal terminal, PaymentKind kind) {
        TerminalCapabilities capabilities = terminal.capabilities();
        boolean supported = switch (kind) {
            case REFUND -> capabilities.refund();
            case REVERSAL -> capabilities.reversal();
            default -> true;
        };
        if (!supported) {
            throw new PaymentException(PaymentError.UNSUPPORTED,
                    "terminal " + terminal.id() + " does not support " + kind);
        }
    }
}
