package io.tillgate.ipp.driver.internal;

import io.tillgate.core.money.Money;
import io.tillgate.core.payment.PaymentCommand;
import io.tillgate.core.payment.PaymentKind;
import io.tillgate.core.terminal.TerminalRequest;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.ipp.codec.IppAmount;
import io.tillgate.ipp.codec.IppMethod;
import io.tillgate.ipp.codec.IppNames;
import io.tillgate.ipp.codec.IppProperties;
import io.tillgate.ipp.codec.IppRequest;
import io.tillgate.ipp.codec.IppStage;
import io.tillgate.ipp.driver.IppTerminalConfig;

/**
 * Tillgate's commands as IPP requests (docs/protocols/ipp.md §5), in the order Tillgate emits: PROTOCOL, METHOD,
 * VERSION, SID, then the method's properties.
 *
 * <ul>
 *   <li>SALE → PURCHASE; PREAUTH → PURCHASE with {@code PREAUTH_TX=1};
 *   <li>REFUND → REFUND (card present), with SID_ORIGINAL when linked refunds are on;
 *   <li>REVERSAL → REVERSAL with SID_ORIGINAL, or CANCEL_PREAUTH for an uncaptured pre-authorisation;
 *   <li>CAPTURE → COMPLETE_PREAUTH with the PREAUTH_CODE the pre-authorisation's STAGE 5 gave.
 * </ul>
 */
final class RequestFactory {

    private final IppTerminalConfig config;

    RequestFactory(IppTerminalConfig config) {
        this.config = config;
    }

    /** @throws IllegalArgumentException when the command cannot be expressed (no PREAUTH_CODE on record) */
    IppRequest transaction(TerminalRequest request, String sid, int version) {
        PaymentCommand command = request.command();
        TransactionRecord original = request.original();
        IppProperties.Builder props;
        switch (command.kind()) {
            case SALE, PREAUTH -> {
                props = IppRequest.start(IppMethod.PURCHASE, version, sid);
                amount(props, command.amount());
                props.text(IppNames.REFERENCE, printable(command.reference()));
                fixedPinpad(props);
                if (command.kind() == PaymentKind.PREAUTH) {
                    props.text(IppNames.PREAUTH_TX, "1");
                }
            }
            case REFUND -> {
                props = IppRequest.start(IppMethod.REFUND, version, sid);
                amount(props, command.amount());
                fixedPinpad(props);
                props.text(IppNames.REFERENCE, printable(command.reference()));
                if (config.linkedRefunds() && original != null) {
                    props.text(IppNames.SID_ORIGINAL, Sids.of(original.id()));
                }
            }
            case REVERSAL -> {
                if (original != null && original.kind() == PaymentKind.PREAUTH && !original.captured()) {
                    props = IppRequest.start(IppMethod.CANCEL_PREAUTH, version, sid)
                            .text(IppNames.PREAUTH_CODE, preauthCode(original));
                } else {
                    props = IppRequest.start(IppMethod.REVERSAL, version, sid)
                            .text(IppNames.SID_ORIGINAL, Sids.of(command.originalTransactionId()))
                            .text(IppNames.REFERENCE, printable(command.reference()));
                }
            }
            case CAPTURE -> {
                props = IppRequest.start(IppMethod.COMPLETE_PREAUTH, version, sid)
                        .text(IppNames.PREAUTH_CODE, preauthCode(original));
                amount(props, command.amount());
            }
            default -> throw new IllegalArgumentException("no IPP method for " + command.kind());
        }
        common(props);
        return new IppRequest(props.build());
    }

    IppRequest cancel(IppRequest running, int version) {
        IppProperties.Builder props = IppRequest.start(running.method(), version, Sids.fresh())
                .integer(IppNames.STAGE, IppStage.CANCEL.code());
        common(props);
        return new IppRequest(props.build());
    }

    IppRequest getStatus(int version) {
        IppProperties.Builder props = IppRequest.start(IppMethod.GET_STATUS, version, Sids.fresh());
        common(props);
        return new IppRequest(props.build());
    }

    IppRequest completeTransaction(String sidOriginal, int version) {
        return new IppRequest(IppRequest.start(IppMethod.COMPLETE_TX, version, Sids.fresh())
                .text(IppNames.SID_ORIGINAL, sidOriginal).build());
    }

    IppRequest getCertificate(byte[] fingerprint, int version) {
        return new IppRequest(IppRequest.start(IppMethod.GET_CERTIFICATE, version, Sids.fresh())
                .bytes(IppNames.FINGERPRINT, fingerprint).build());
    }

    private void common(IppProperties.Builder props) {
        if (config.printReceipt() >= 0) {
            props.integer(IppNames.PRINT_RECEIPT, config.printReceipt());
        }
        props.text(IppNames.LANG, config.language());
    }

    private void fixedPinpad(IppProperties.Builder props) {
        props.text(IppNames.FIXED_PINPAD, config.fixedPinpad() ? "1" : "0");
    }

    private static void amount(IppProperties.Builder props, Money amount) {
        props.text(IppNames.AMOUNT, IppAmount.format(amount))
                .text(IppNames.CURRENCY, IppAmount.currencyCode(amount.currency()));
    }

    private static String preauthCode(TransactionRecord original) {
        String code = original == null || original.outcome() == null ? null
                : original.outcome().rawResultCodes().get(IppNames.PREAUTH_CODE);
        if (code == null) {
            throw new IllegalArgumentException("pre-authorisation " + (original == null ? "?" : original.id())
                    + " has no PREAUTH_CODE on record");
        }
        return code;
    }

    /** The POS reference if the terminal can take it (printable ASCII, ≤ 50), else left out. */
    private static String printable(String reference) {
        if (reference == null || reference.length() > 50
                || !reference.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
            return null;
        }
        return reference;
    }
}
