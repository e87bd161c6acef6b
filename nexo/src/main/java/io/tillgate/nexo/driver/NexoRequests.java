package io.tillgate.nexo.driver;

import io.tillgate.core.money.Money;
import io.tillgate.core.terminal.TerminalRequest;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.nexo.codec.AbortRequest;
import io.tillgate.nexo.codec.AmountsReq;
import io.tillgate.nexo.codec.DiagnosisRequest;
import io.tillgate.nexo.codec.LoginRequest;
import io.tillgate.nexo.codec.LogoutRequest;
import io.tillgate.nexo.codec.MessageCategory;
import io.tillgate.nexo.codec.MessageClass;
import io.tillgate.nexo.codec.MessageHeader;
import io.tillgate.nexo.codec.MessageReference;
import io.tillgate.nexo.codec.MessageType;
import io.tillgate.nexo.codec.NexoAmounts;
import io.tillgate.nexo.codec.NexoRequestBody;
import io.tillgate.nexo.codec.OriginalPoiTransaction;
import io.tillgate.nexo.codec.PaymentData;
import io.tillgate.nexo.codec.PaymentRequest;
import io.tillgate.nexo.codec.PaymentTransaction;
import io.tillgate.nexo.codec.PaymentType;
import io.tillgate.nexo.codec.ReversalReason;
import io.tillgate.nexo.codec.ReversalRequest;
import io.tillgate.nexo.codec.SaleData;
import io.tillgate.nexo.codec.SaleProfile;
import io.tillgate.nexo.codec.SaleSoftware;
import io.tillgate.nexo.codec.SaleTerminalData;
import io.tillgate.nexo.codec.SaleToPOIRequest;
import io.tillgate.nexo.codec.TransactionIdentification;
import io.tillgate.nexo.codec.TransactionStatusRequest;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Builds every SaleToPOIRequest the driver sends, so that each carries a fresh ServiceID from one
 * counter and the sale's and POI's identities the same way; the terminal matches its answers, and
 * Abort and TransactionStatus, by these alone.
 */
final class NexoRequests {

    private static final String FULL_CAPABILITIES =
            "CashierStatus CashierError CashierDisplay POIReplication CustomerAssistance CashierInput PrinterReceipt";

    private final NexoTerminalConfig config;
    private final TransactionMemory memory;
    private final Object lock = new Object();
    private long lastServiceId;

    NexoRequests(NexoTerminalConfig config, TransactionMemory memory) {
        this.config = config;
        this.memory = memory;
    }

    /** Login (docs/protocols/nexo.md §6.1), which also restarts the ServiceIDs from the time of day. */
    SaleToPOIRequest login() {
        synchronized (lock) {
            // Swedbank's scheme: HHMMSS at login, then +1 per message; never below the last one used.
            lastServiceId = Math.max(lastServiceId, LocalTime.now().toSecondOfDay() * 1000L);
        }
        return new SaleToPOIRequest(header(MessageClass.SERVICE, MessageCategory.LOGIN, "3.1"),
                new LoginRequest(config.operatorLanguage(), null, null, null, null, null, null,
                        OffsetDateTime.now().toString(), new SaleSoftware("Tillgate", config.applicationName(),
                                config.softwareVersion(), null), saleTerminalData()));
    }

    /** The health check: a Diagnosis, which like Login carries ProtocolVersion and needs no session. */
    SaleToPOIRequest diagnosis() {
        return new SaleToPOIRequest(header(MessageClass.SERVICE, MessageCategory.DIAGNOSIS, "3.1"),
                new DiagnosisRequest(config.poiId(), null, List.of()));
    }

    /** The Logout that lets the terminal run its maintenance (docs/protocols/nexo.md §6.6). */
    SaleToPOIRequest maintenanceLogout() {
        return request(MessageCategory.LOGOUT, new LogoutRequest(true));
    }

    /** The Payment (sale or refund) or Reversal that carries {@code request}. */
    SaleToPOIRequest transaction(TerminalRequest request) {
        Money amount = request.command().amount();
        SaleData saleData = new SaleData(null,
                SaleTransactions.of(request.transactionId(), request.command().reference()), null, null, null);
        AmountsReq amounts = new AmountsReq(amount.currency().getCurrencyCode(), NexoAmounts.toDecimal(amount), null,
                null);
        return switch (request.command().kind()) {
            case SALE -> request(MessageCategory.PAYMENT, new PaymentRequest(saleData,
                    new PaymentTransaction(amounts, null), new PaymentData(PaymentType.NORMAL, null)));
            case REFUND -> request(MessageCategory.PAYMENT, new PaymentRequest(saleData,
                    new PaymentTransaction(amounts, originalTransaction(request)),
                    new PaymentData(PaymentType.REFUND, null)));
            case REVERSAL -> request(MessageCategory.REVERSAL, new ReversalRequest(
                    ReversalReason.MERCHANT_CANCEL, NexoAmounts.toDecimal(amount), saleData,
                    originalTransaction(request)));
            default -> throw new IllegalStateException("unsupported kind " + request.command().kind());
        };
    }

    /** The Abort of the request sent with {@code target}. */
    SaleToPOIRequest abort(MessageHeader target) {
        return request(MessageCategory.ABORT, new AbortRequest(reference(target.messageCategory(),
                target.serviceId()), "Abort by Sale System", null));
    }

    /** TransactionStatus about the {@code category} request {@code serviceId}, or the last one if null. */
    SaleToPOIRequest transactionStatus(MessageCategory category, String serviceId) {
        return request(MessageCategory.TRANSACTION_STATUS,
                new TransactionStatusRequest(reference(category, serviceId), List.of()));
    }

    /** The original's POITransactionID, exactly as the terminal gave it when it is still remembered. */
    OriginalPoiTransaction originalTransaction(TerminalRequest request) {
        TransactionRecord original = request.original();
        if (original == null || original.outcome() == null || original.outcome().terminalReference() == null) {
            return null;
        }
        String reference = original.outcome().terminalReference();
        TransactionIdentification id = memory.poiTransaction(reference);
        if (id == null) {
            id = new TransactionIdentification(reference, original.createdAt().toString());
        }
        return new OriginalPoiTransaction(config.saleId(), config.poiId(), id, original.outcome().authorisationCode(),
                null);
    }

    private SaleTerminalData saleTerminalData() {
        return config.integration() == NexoIntegration.FULL
                ? new SaleTerminalData("Attended", FULL_CAPABILITIES, new SaleProfile("Extended",
                        "Loyalty PIN CardReader"))
                : new SaleTerminalData("Attended", "PrinterReceipt", null);
    }

    private MessageReference reference(MessageCategory category, String serviceId) {
        return new MessageReference(category, serviceId, null, config.saleId(), config.poiId());
    }

    private SaleToPOIRequest request(MessageCategory category, NexoRequestBody body) {
        return new SaleToPOIRequest(header(MessageClass.SERVICE, category, null), body);
    }

    private MessageHeader header(MessageClass messageClass, MessageCategory category, String protocolVersion) {
        return new MessageHeader(protocolVersion, messageClass, category, MessageType.REQUEST, nextServiceId(), null,
                config.saleId(), config.poiId());
    }

    private String nextServiceId() {
        synchronized (lock) {
            lastServiceId = (lastServiceId + 1) % 10_000_000_000L;
            return Long.toString(lastServiceId);
        }
    }
}
