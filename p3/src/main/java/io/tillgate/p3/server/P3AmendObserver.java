package io.tillgate.p3.server;

import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.service.PaymentService;
import io.tillgate.core.service.TransactionLookup;
import io.tillgate.core.terminal.TerminalAction;
import io.tillgate.core.terminal.TerminalStatus;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.p3.codec.AmendTransactionResponse;
import io.tillgate.p3.codec.AmendTransactionUpdate;
import io.tillgate.p3.codec.P3Body;
import io.tillgate.p3.codec.P3ErrorType;
import io.tillgate.p3.codec.P3Message;
import io.tillgate.p3.codec.P3Transaction;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An AMEND_TRANSACTION_REQUEST watching its refund or capture (docs/protocols/p3.md §3.8). A refund is answered
 * with the new REFUND transaction; a capture with the original transaction, re-read once the
 * capture is recorded so that it shows {@code captured: true}.
 */
final class P3AmendObserver extends P3OperationObserver {

    private static final Logger LOG = LoggerFactory.getLogger(P3AmendObserver.class);

    private final PaymentService payments;
    private final String merchantId;

    P3AmendObserver(P3Message request, P3Outbox outbox, P3TransactionMapper mapper,
            Consumer<P3OperationObserver> onFinished, PaymentService payments, String merchantId) {
        super(request, outbox, mapper, onFinished);
        this.payments = payments;
        this.merchantId = merchantId;
    }

    @Override
    P3Body update(TransactionRecord transaction, TerminalStatus status) {
        P3ProcessState state = P3ProcessState.of(status.phase());
        return new AmendTransactionUpdate(state.state(), state.stateDetails(), status.display(), status.abortable());
    }

    @Override
    P3Body action(TransactionRecord transaction, TerminalAction action) {
        return null;
    }

    @Override
    void respond(TransactionRecord settled) {
        if (settled.kind() != PaymentKind.CAPTURE) {
            outbox.publish(response(settled, mapper.toP3(settled)));
            return;
        }
        payments.find(merchantId, new TransactionLookup.ById(settled.originalTransactionId()))
                .whenComplete((original, failure) -> outbox.publish(captureResponse(settled, original, failure)));
    }

    private P3Message captureResponse(TransactionRecord capture, Optional<TransactionRecord> original,
            Throwable failure) {
        if (failure != null || original.isEmpty()) {
            LOG.error("P3 capture {} settled {} but its original transaction {} could not be read", capture.id(),
                    capture.state(), capture.originalTransactionId(), failure);
            return P3Message.errorFor(request, P3ErrorMapper.of(P3ErrorType.INTERNAL_INCONSISTENCY,
                    "capture " + capture.id() + " is " + capture.state() + " but transaction "
                            + capture.originalTransactionId() + " could not be read back"));
        }
        return response(capture, mapper.toP3(original.get()));
    }

    @Override
    P3Body responseBody(P3Transaction transaction) {
        return new AmendTransactionResponse(transaction);
    }
}
