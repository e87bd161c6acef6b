package io.tillgate.core.service;

import io.tillgate.core.payment.PaymentCommand;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * A {@link PaymentCommand} as a front-end received it.
 *
 * @param merchantId the authenticated merchant
 * @param terminalId the terminal to run on; {@code null} for refunds and captures, which run on
 *     the original transaction's terminal (an unlinked refund names its terminal)
 * @param protocol the front-end protocol ({@code P3}, …)
 * @param requestReference the protocol's identity of this message (P3 tag, IPP SID, nexo SaleID +
 *     ServiceID), or {@code null}: the same message sent again names the same transaction
 * @param command what to do
 * @param referenceRule what the command's POS reference guards against, as the protocol promises
 * @param affinity the executor of the connection the request came in on (its Netty event loop), or
 *     {@code null}. A driver that opens a connection per transaction opens it there when it can, as
 *     a Netty proxy opens its outbound channel on the inbound channel's event loop: the terminal's
 *     progress then reaches the front-end's connection without a hand-over between threads.
 * @param forwarded whether another node of the cluster forwarded it here (docs/cluster.md): such a
 *     request is run here or refused, never forwarded again, so forwarding cannot loop
 */
public record PaymentRequest(String merchantId, String terminalId, String protocol, String requestReference,
        PaymentCommand command, ReferenceRule referenceRule, Executor affinity, boolean forwarded) {

    public PaymentRequest {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(referenceRule, "referenceRule");
        if (terminalId == null && command.originalTransactionId() == null) {
            throw new IllegalArgumentException("a " + command.kind() + " needs a terminal");
        }
    }

    /** A request from a POS of this node. */
    public PaymentRequest(String merchantId, String terminalId, String protocol, String requestReference,
            PaymentCommand command, ReferenceRule referenceRule, Executor affinity) {
        this(merchantId, terminalId, protocol, requestReference, command, referenceRule, affinity, false);
    }

    /**
     * A request whose POS reference is an {@linkplain ReferenceRule#ORDER_NUMBER order number}, with
     * no executor of its own to prefer.
     */
    public PaymentRequest(String merchantId, String terminalId, String protocol, String requestReference,
            PaymentCommand command) {
        this(merchantId, terminalId, protocol, requestReference, command, ReferenceRule.ORDER_NUMBER, null);
    }

    /** This request, coming in on a connection that runs on {@code executor}. */
    public PaymentRequest withAffinity(Executor executor) {
        return new PaymentRequest(merchantId, terminalId, protocol, requestReference, command, referenceRule,
                executor, forwarded);
    }

    /** This request, its POS reference guarded by {@code rule}. */
    public PaymentRequest withReferenceRule(ReferenceRule rule) {
        return new PaymentRequest(merchantId, terminalId, protocol, requestReference, command, rule, affinity,
                forwarded);
    }

    /** This request, naming the terminal it runs on (a refund or capture: its original's). */
    public PaymentRequest onTerminal(String terminal) {
        return new PaymentRequest(merchantId, Objects.requireNonNull(terminal, "terminal"), protocol, requestReference,
                command, referenceRule, affinity, forwarded);
    }

    /** This request, as another node of the cluster forwarded it here. */
    public PaymentRequest asForwarded() {
        return new PaymentRequest(merchantId, terminalId, protocol, requestReference, command, referenceRule,
                affinity, true);
    }
}
