package io.tillgate.concert.driver;

import io.tillgate.concert.codec.ActionStatus;
import io.tillgate.concert.codec.ConcertAnswer;
import io.tillgate.concert.codec.ConcertCurrencies;
import io.tillgate.concert.codec.ConcertDecodingException;
import io.tillgate.concert.codec.ConcertRequest;
import io.tillgate.concert.codec.StatusComplement;
import io.tillgate.concert.codec.Ticket;
import io.tillgate.concert.codec.TicketMode;
import io.tillgate.concert.codec.TlvMessage;
import io.tillgate.core.money.Money;
import io.tillgate.core.payment.CardScheme;
import io.tillgate.core.payment.EntryMode;
import io.tillgate.core.payment.MaskedPan;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A terminal's answer → {@link TransactionOutcome} (docs/protocols/concert.md §9): {@code AE}/{@code AF} decide the
 * result, and a success is believed only when the echoed {@code CA}, {@code CD}, {@code CE} and
 * {@code CB} fit the request. Whatever cannot be read or trusted becomes UNKNOWN, never a guess.
 */
final class ConcertOutcomes {

    private ConcertOutcomes() {
    }

    static TransactionOutcome of(ConcertRequest request, TlvMessage tlv) {
        ConcertAnswer answer;
        try {
            answer = ConcertAnswer.from(tlv);
        } catch (ConcertDecodingException e) {
            return unknown("PROTOCOL_ERROR: " + e.getMessage(), Map.of());
        }
        Map<String, String> raw = rawCodes(answer);
        if (request.immediate()) {
            if (answer.status() == ActionStatus.NOT_PERFORMED) {
                return notPerformed(answer, raw);
            }
            // The result is not delivered on this connection, and Concert has no way to ask for it.
            return unknown("ACKNOWLEDGED_ONLY: immediate mode (BA=1), the terminal acknowledged with AE="
                    + answer.status().code(), raw);
        }
        return switch (answer.status()) {
            case PERFORMED -> performed(request, answer, raw);
            case NOT_PERFORMED -> notPerformed(answer, raw);
            case ACKNOWLEDGED -> unknown("PROTOCOL_ERROR: AE=11 answers a request sent with BA=0", raw);
        };
    }

    private static TransactionOutcome performed(ConcertRequest request, ConcertAnswer answer, Map<String, String> raw) {
        String mismatch = echoMismatch(request, answer);
        if (mismatch != null) {
            return unknown("ECHO_MISMATCH: " + mismatch, raw);
        }
        Money approved = request.amount();
        if (answer.amount() != null && answer.amountMinorUnits() < approved.minorUnits()) {
            approved = new Money(answer.amountMinorUnits(), approved.currency());
        }
        List<String> merchant = new ArrayList<>();
        List<String> customer = new ArrayList<>();
        for (Ticket ticket : answer.tickets()) {
            try {
                (ticket.copy() == TicketMode.Copies.MERCHANT ? merchant : customer).addAll(ticket.lines());
            } catch (ConcertDecodingException e) {
                return unknown("PROTOCOL_ERROR: " + e.getMessage(), raw);
            }
        }
        EntryMode entry = answer.readingMode() == null ? EntryMode.UNKNOWN : answer.readingMode().entryMode();
        return TransactionOutcome.builder(TransactionResult.APPROVED)
                .reason(approved.equals(request.amount()) ? null : "PARTIAL_APPROVAL")
                .approvedAmount(approved)
                .card(maskedPan(answer.pan()), scheme(answer.aid()), entry)
                .authorisationCode(answer.authorisationNumber())
                .receipts(merchant, customer)
                .rawResultCodes(raw)
                .build();
    }

    /** Why the echo cannot belong to this request, or {@code null} when it fits. */
    private static String echoMismatch(ConcertRequest request, ConcertAnswer answer) {
        if (answer.registerNumber() != null && !answer.registerNumber().equals(request.registerNumber())) {
            return "CA " + answer.registerNumber() + " answers CA " + request.registerNumber();
        }
        if (answer.actionCode() != null && !answer.actionCode().equals(request.action().code())) {
            return "CD " + answer.actionCode() + " answers CD " + request.action().code();
        }
        String currency = ConcertCurrencies.code(request.amount().currency());
        if (answer.currency() != null && !answer.currency().equals(currency)) {
            return "CE " + answer.currency() + " answers CE " + currency;
        }
        if (answer.amount() != null && answer.amountMinorUnits() > request.amount().minorUnits()) {
            return "CB " + answer.amountMinorUnits() + " is more than the " + request.amount().minorUnits()
                    + " requested";
        }
        return null;
    }

    private static TransactionOutcome notPerformed(ConcertAnswer answer, Map<String, String> raw) {
        StatusComplement reason;
        try {
            reason = answer.complementCode();
        } catch (ConcertDecodingException e) {
            return TransactionOutcome.builder(TransactionResult.FAILED).reason("NOT_PERFORMED")
                    .rawResultCodes(raw).build();
        }
        if (reason == null) {
            return TransactionOutcome.builder(TransactionResult.FAILED).reason("NOT_PERFORMED").rawResultCodes(raw)
                    .build();
        }
        TransactionResult result = switch (reason) {
            case PHONE_REFERRAL, REFUSED, FORBIDDEN -> TransactionResult.DECLINED;
            case CARDHOLDER_ABANDON, OPERATOR_ABANDON -> TransactionResult.ABORTED;
            // "Not performed, authorised" contradicts itself: nobody can say whether money moved.
            case AUTHORISED, FORCING -> TransactionResult.UNKNOWN;
            default -> TransactionResult.FAILED;
        };
        String why = switch (reason) {
            case REFUSED -> "ISSUER_DECLINED";
            case CARDHOLDER_ABANDON -> "SHOPPER_ABORTED";
            case OPERATOR_ABANDON -> "MERCHANT_ABORTED";
            case INPUT_TIMEOUT -> "TERMINAL_TIMEOUT";
            case NOT_COMPLETED -> "NOT_COMPLETED";
            default -> reason.name();
        };
        return TransactionOutcome.builder(result).reason(why).rawResultCodes(raw).build();
    }

    private static TransactionOutcome unknown(String reason, Map<String, String> raw) {
        return TransactionOutcome.builder(TransactionResult.UNKNOWN).reason(reason).rawResultCodes(raw).build();
    }

    private static Map<String, String> rawCodes(ConcertAnswer answer) {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("AE", answer.status().code());
        if (answer.complement() != null) {
            raw.put("AF", answer.complement().substring(0, 2));
        }
        if (answer.application() != null) {
            raw.put("CC", answer.application());
        }
        return raw;
    }

    /**
     * {@code AA} as a masked PAN. Terminals mask with {@code *} or {@code #}; a value that is
     * neither masked nor a bare PAN (a token) is not a card number Tillgate can show.
     */
    static MaskedPan maskedPan(String aa) {
        if (aa == null) {
            return null;
        }
        String normalised = aa.replace('#', '*');
        try {
            return normalised.indexOf('*') >= 0 ? new MaskedPan(normalised) : MaskedPan.of(normalised);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static CardScheme scheme(String aid) {
        if (aid == null) {
            return CardScheme.UNKNOWN;
        }
        if (aid.startsWith("A0000000043060")) {
            return CardScheme.MAESTRO;
        }
        if (aid.startsWith("A000000003")) {
            return CardScheme.VISA;
        }
        if (aid.startsWith("A000000004")) {
            return CardScheme.MASTERCARD;
        }
        if (aid.startsWith("A000000042")) {
            return CardScheme.CB;
        }
        if (aid.startsWith("A000000025")) {
            return CardScheme.AMERICAN_EXPRESS;
        }
        return CardScheme.UNKNOWN;
    }
}
