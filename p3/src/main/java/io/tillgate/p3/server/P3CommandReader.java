package io.tillgate.p3.server;

import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentCommand;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.service.TransactionLookup;
import io.tillgate.core.terminal.ActionAnswer;
import io.tillgate.core.text.PeerText;
import io.tillgate.p3.codec.AmendTransactionRequest;
import io.tillgate.p3.codec.ExecuteTransactionRequest;
import io.tillgate.p3.codec.P3DecodingException;
import io.tillgate.p3.codec.P3ErrorType;
import io.tillgate.p3.codec.P3Validation;
import io.tillgate.p3.codec.QueryTransactionRequest;
import io.tillgate.p3.codec.SubmitSignatureRequest;
import io.tillgate.p3.codec.TransactionParameters;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Base64;
import java.util.Currency;
import java.util.Locale;

/**
 * Reads P3 request bodies into the core's commands, with the checks that depend on the operation
 * (the codec only checks shapes). Every failure names the JSON path of the field, so the POS can
 * tell exactly what to fix.
 */
final class P3CommandReader {

    static final String PROTOCOL = "P3";

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private P3CommandReader() {
    }

    /** A payment on a device: a sale, or a pre-authorisation when {@code autoCapture} is false. */
    static PaymentCommand charge(ExecuteTransactionRequest request) {
        String body = "executeTransactionRequest";
        if (request.transactionParameters() == null && request.sessionIdentifier() != null) {
            throw P3Validation.invalid(body + ".sessionIdentifier",
                    "sessionIdentifier is not supported; send transactionParameters");
        }
        if (request.mode() != null && !request.mode().equalsIgnoreCase("ONLINE")) {
            throw P3Validation.invalid(body + ".mode", "only ONLINE transactions are supported");
        }
        String path = body + ".transactionParameters";
        TransactionParameters parameters = P3Validation.require(request.transactionParameters(), path);
        Money amount = money(parameters, path);
        String type = P3Validation.require(parameters.type(), path + ".type");
        if (!type.equalsIgnoreCase("CHARGE")) {
            throw P3Validation.invalid(path + ".type", "expected CHARGE, got '" + PeerText.clip(type) + "'");
        }
        boolean autoCapture = parameters.autoCapture() == null || parameters.autoCapture();
        return autoCapture
                ? PaymentCommand.sale(amount, parameters.customIdentifier(), parameters.subject())
                : PaymentCommand.preauth(amount, parameters.customIdentifier(), parameters.subject());
    }

    /** A refund or a capture of an earlier transaction; a missing amount means all that is left. */
    static PaymentCommand amend(AmendTransactionRequest request) {
        String path = "amendTransactionRequest.transactionParameters";
        return followOn(P3Validation.require(request.transactionParameters(), path), path, false);
    }

    /**
     * What another node forwarded (docs/protocols/p3.md §3.11): a charge as {@link #charge}, or a
     * refund or capture typed {@code REFUND} or {@code CAPTURE} as in an amend request, where a refund
     * without {@code referencedTransactionIdentifier} is an unlinked refund of its amount on the device.
     */
    static PaymentCommand forwarded(ExecuteTransactionRequest request) {
        TransactionParameters parameters = request.transactionParameters();
        if (parameters == null || parameters.type() == null || parameters.type().equalsIgnoreCase("CHARGE")) {
            return charge(request);
        }
        return followOn(parameters, "executeTransactionRequest.transactionParameters", true);
    }

    private static PaymentCommand followOn(TransactionParameters parameters, String path, boolean mayBeUnlinked) {
        String type = P3Validation.require(parameters.type(), path + ".type");
        PaymentKind kind;
        if (type.equalsIgnoreCase("REFUND")) {
            kind = PaymentKind.REFUND;
        } else if (type.equalsIgnoreCase("CAPTURE")) {
            kind = PaymentKind.CAPTURE;
        } else {
            throw P3Validation.invalid(path + ".type", "expected REFUND or CAPTURE, got '" + PeerText.clip(type) + "'");
        }
        String original = parameters.referencedTransactionIdentifier();
        if (original == null && !(mayBeUnlinked && kind == PaymentKind.REFUND)) {
            throw missing(path + ".referencedTransactionIdentifier");
        }
        Money amount = null;
        if (parameters.amount() != null || parameters.currency() != null || original == null) {
            amount = money(parameters, path);
        }
        return new PaymentCommand(kind, amount, parameters.customIdentifier(), original, parameters.subject());
    }

    /** A transaction lookup by identifier, customIdentifier or the original request's tag, in that order. */
    static TransactionLookup lookup(QueryTransactionRequest request) {
        if (request.identifier() != null) {
            return new TransactionLookup.ById(request.identifier());
        }
        if (request.customIdentifier() != null) {
            return new TransactionLookup.ByReference(request.customIdentifier());
        }
        if (request.tag() != null) {
            return new TransactionLookup.ByRequestReference(PROTOCOL, request.tag());
        }
        throw missing("queryTransactionRequest.identifier");
    }

    /** A digital signature (base64 PNG) or a signature on the printed receipt. */
    static ActionAnswer.Signature signature(SubmitSignatureRequest request) {
        if (request.signature() == null) {
            if (Boolean.TRUE.equals(request.signatureOnReceipt())) {
                return ActionAnswer.Signature.signedOnReceipt();
            }
            throw missing("submitSignatureRequest.signature");
        }
        byte[] png;
        try {
            png = Base64.getDecoder().decode(request.signature());
        } catch (IllegalArgumentException e) {
            throw new P3Refusal(P3ErrorType.TRANSACTION_ACTION_ERROR, "invalid signature: not base64");
        }
        if (png.length <= PNG_MAGIC.length || !Arrays.equals(png, 0, PNG_MAGIC.length, PNG_MAGIC, 0,
                PNG_MAGIC.length)) {
            throw new P3Refusal(P3ErrorType.TRANSACTION_ACTION_ERROR, "invalid signature: not a PNG image");
        }
        return ActionAnswer.signatureImage(png);
    }

    private static Money money(TransactionParameters parameters, String path) {
        BigDecimal major = P3Validation.require(parameters.amount(), path + ".amount");
        String code = P3Validation.require(parameters.currency(), path + ".currency");
        Currency currency = currency(code, path + ".currency");
        Money amount;
        try {
            amount = Money.ofMajor(major, currency);
        } catch (ArithmeticException e) {
            throw P3Validation.invalid(path + ".amount", e.getMessage());
        }
        if (!amount.isPositive()) {
            throw P3Validation.invalid(path + ".amount", "must be greater than 0, was " + major.toPlainString());
        }
        return amount;
    }

    private static Currency currency(String code, String path) {
        Currency currency;
        try {
            currency = Money.currency(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw P3Validation.invalid(path, "unknown ISO 4217 currency code '" + PeerText.clip(code) + "'");
        }
        if (currency.getDefaultFractionDigits() < 0) {
            throw P3Validation.invalid(path, "currency " + currency.getCurrencyCode() + " has no ISO 4217 minor unit");
        }
        return currency;
    }

    private static P3DecodingException missing(String path) {
        return new P3DecodingException(P3ErrorType.PARAMETER_MISSING, path, "is missing");
    }
}
