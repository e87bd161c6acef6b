package io.tillgate.ipp.frontend.internal;

import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentCommand;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.service.PaymentRequest;
import io.tillgate.core.service.PaymentService;
import io.tillgate.core.service.TransactionLookup;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.ipp.codec.IppAmount;
import io.tillgate.ipp.codec.IppDecodingException;
import io.tillgate.ipp.codec.IppMethod;
import io.tillgate.ipp.codec.IppNames;
import io.tillgate.ipp.codec.IppRequest;
import io.tillgate.ipp.codec.IppStatus;
import io.tillgate.ipp.frontend.IppFrontEndConfig;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Turns a financial IPP request into a {@link PaymentRequest} (docs/protocols/ipp.md §5):
 *
 * <ul>
 *   <li>PURCHASE → SALE, or PREAUTH with {@code PREAUTH_TX=1};
 *   <li>REFUND, REVERSAL → of the transaction SID_ORIGINAL names (the SID it ran under); without
 *       it, of the last purchase this terminal approved — what a card-present refund or a "void of
 *       the last transaction" means to a myPOS terminal;
 *   <li>COMPLETE_PREAUTH → CAPTURE and CANCEL_PREAUTH → REVERSAL of the pre-authorisation whose
 *       PREAUTH_CODE (the gateway id this emulator reported) is given.
 * </ul>
 *
 * Properties a method does not take are refused with STATUS 3, so a POS learns at once that
 * something it asked for (MoTo, tips) is not done.
 */
final class RequestMapper {

    static final String PROTOCOL = "IPP";

    private static final Set<String> COMMON = Set.of(IppNames.METHOD, IppNames.VERSION, IppNames.SID, IppNames.LANG,
            IppNames.PRINT_RECEIPT, IppNames.PASSWORD, IppNames.OPERATOR_CODE, IppNames.REFERENCE,
            IppNames.REFERENCE_NUMBER, IppNames.REFERENCE_NUMBER_TYPE, IppNames.CREDENTIAL);
    private static final Set<String> PURCHASE = Set.of(IppNames.AMOUNT, IppNames.CURRENCY, IppNames.FIXED_PINPAD,
            IppNames.PREAUTH_TX);
    private static final Set<String> REFUND = Set.of(IppNames.AMOUNT, IppNames.CURRENCY, IppNames.FIXED_PINPAD,
            IppNames.SID_ORIGINAL);
    private static final Set<String> REVERSAL = Set.of(IppNames.SID_ORIGINAL, IppNames.REASON);
    private static final Set<String> PREAUTH = Set.of(IppNames.PREAUTH_CODE, IppNames.AMOUNT,
            IppNames.COMPLETION_AMOUNT, IppNames.CURRENCY);

    private final IppFrontEndConfig config;
    private final PaymentService payments;
    private final TerminalLedger ledger;

    RequestMapper(IppFrontEndConfig config, PaymentService payments, TerminalLedger ledger) {
        this.config = config;
        this.payments = payments;
        this.ledger = ledger;
    }

    static boolean isFinancial(IppMethod method) {
        return switch (method) {
            case PURCHASE, REFUND, REVERSAL, COMPLETE_PREAUTH, CANCEL_PREAUTH -> true;
            default -> false;
        };
    }

    /** Completes with the payment request, or fails with an {@link IppDecodingException} or {@link Refusal}. */
    CompletableFuture<PaymentRequest> map(IppRequest request) {
        try {
            return switch (request.method()) {
                case PURCHASE -> CompletableFuture.completedFuture(purchase(request));
                case REFUND -> refund(request);
                case REVERSAL -> reversal(request);
                case COMPLETE_PREAUTH -> completePreauth(request);
                case CANCEL_PREAUTH -> cancelPreauth(request);
                default -> throw new IppDecodingException(IppNames.METHOD, request.methodCode() + " is not a payment",
                        IppStatus.UNSUPPORTED_METHOD);
            };
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private PaymentRequest purchase(IppRequest request) {
        allow(request, PURCHASE);
        String preauth = request.text(IppNames.PREAUTH_TX);
        if (preauth != null && !preauth.equals("0") && !preauth.equals("1")) {
            throw new IppDecodingException(IppNames.PREAUTH_TX, "must be 0 or 1, was '" + preauth + "'",
                    IppStatus.UNSUPPORTED_PARAMETER);
        }
        PaymentKind kind = "1".equals(preauth) ? PaymentKind.PREAUTH : PaymentKind.SALE;
        return payment(request, new PaymentCommand(kind, amount(request, IppNames.AMOUNT, null),
                request.text(IppNames.REFERENCE), null, null));
    }

    private CompletableFuture<PaymentRequest> refund(IppRequest request) {
        allow(request, REFUND);
        Money amount = amount(request, IppNames.AMOUNT, null);
        return original(request, IppStatus.TRANSACTION_NOT_FOUND).thenApply(original -> payment(request,
                new PaymentCommand(PaymentKind.REFUND, amount, request.text(IppNames.REFERENCE), original.id(), null)));
    }

    private CompletableFuture<PaymentRequest> reversal(IppRequest request) {
        allow(request, REVERSAL);
        return original(request, IppStatus.REVERSAL_NOT_FOUND).thenApply(original -> payment(request,
                new PaymentCommand(PaymentKind.REVERSAL, null, request.text(IppNames.REFERENCE), original.id(), null)));
    }

    private CompletableFuture<PaymentRequest> completePreauth(IppRequest request) {
        allow(request, PREAUTH);
        return preauth(request).thenApply(original -> {
            String property = request.text(IppNames.AMOUNT) != null ? IppNames.AMOUNT : IppNames.COMPLETION_AMOUNT;
            Money amount = request.text(property) == null ? null
                    : amount(request, property, original.amount().currency());
            return payment(request, new PaymentCommand(PaymentKind.CAPTURE, amount, request.text(IppNames.REFERENCE),
                    original.id(), null));
        });
    }

    private CompletableFuture<PaymentRequest> cancelPreauth(IppRequest request) {
        allow(request, PREAUTH);
        return preauth(request).thenApply(original -> payment(request, new PaymentCommand(PaymentKind.REVERSAL,
                null, request.text(IppNames.REFERENCE), original.id(), null)));
    }

    private PaymentRequest payment(IppRequest request, PaymentCommand command) {
        return new PaymentRequest(config.merchantId(), config.terminalId(), PROTOCOL, request.sid(), command);
    }

    private CompletableFuture<TransactionRecord> original(IppRequest request, IppStatus notFound) {
        String sidOriginal = request.text(IppNames.SID_ORIGINAL);
        if (sidOriginal != null) {
            return find(new TransactionLookup.ByRequestReference(PROTOCOL, sidOriginal), notFound,
                    "no transaction ran under SID_ORIGINAL " + sidOriginal);
        }
        String last = ledger.lastApprovedPayment();
        if (last == null) {
            return CompletableFuture.failedFuture(new Refusal(notFound, "no approved purchase to refer to"));
        }
        return find(new TransactionLookup.ById(last), notFound, "the last purchase " + last + " is gone");
    }

    private CompletableFuture<TransactionRecord> preauth(IppRequest request) {
        String code = request.text(IppNames.PREAUTH_CODE);
        if (code == null) {
            return CompletableFuture.failedFuture(new IppDecodingException(IppNames.PREAUTH_CODE, "missing"));
        }
        return find(new TransactionLookup.ById(code), IppStatus.WRONG_PREAUTH_CODE, "no pre-authorisation " + code);
    }

    private CompletableFuture<TransactionRecord> find(TransactionLookup lookup, IppStatus notFound, String why) {
        return payments.find(config.merchantId(), lookup).thenApply((Optional<TransactionRecord> found) ->
                found.orElseThrow(() -> new Refusal(notFound, why)));
    }

    private static Money amount(IppRequest request, String property, Currency fallback) {
        String currency = request.text(IppNames.CURRENCY);
        Currency resolved = currency == null && fallback != null ? fallback : IppAmount.currency(currency);
        return IppAmount.parse(property, request.text(property), resolved);
    }

    private static void allow(IppRequest request, Set<String> specific) {
        for (int i = 0; i < request.properties().size(); i++) {
            String name = request.properties().name(i);
            if (!COMMON.contains(name) && !specific.contains(name)) {
                throw new IppDecodingException(name, "is not supported with " + request.methodCode(),
                        IppStatus.UNSUPPORTED_PARAMETER);
            }
        }
    }
}
