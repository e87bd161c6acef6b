package io.tillgate.concert.frontend;

import io.tillgate.concert.codec.ActionStatus;
import io.tillgate.concert.codec.ConcertRequest;
import io.tillgate.concert.codec.ConcertTag;
import io.tillgate.concert.codec.ReadingMode;
import io.tillgate.concert.codec.StatusComplement;
import io.tillgate.concert.codec.Ticket;
import io.tillgate.concert.codec.TlvItem;
import io.tillgate.concert.codec.TlvMessage;
import io.tillgate.core.payment.CardScheme;
import io.tillgate.core.payment.EntryMode;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.transaction.TransactionRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the terminal's answers (docs/protocols/concert.md §8, §10): the request's items echoed in their order
 * ({@code CZ} first, with the request's value), then {@code AE}, {@code AF} and the card tags.
 */
final class ConcertAnswers {

    /** Used only when a request is unreadable, so there is no {@code CZ} to echo. */
    static final String FALLBACK_VERSION = "0320";

    private ConcertAnswers() {
    }

    static TlvMessage refusal(TlvMessage request, StatusComplement reason) {
        List<TlvItem> items = echo(request, null);
        items.add(TlvItem.of(ConcertTag.AE, ActionStatus.NOT_PERFORMED.code()));
        items.add(TlvItem.of(ConcertTag.AF, reason.code()));
        return new TlvMessage(items);
    }

    static TlvMessage status(TlvMessage request, ActionStatus status) {
        List<TlvItem> items = echo(request, null);
        items.add(TlvItem.of(ConcertTag.AE, status.code()));
        return new TlvMessage(items);
    }

    /** The answer to a settled transaction; never called for UNKNOWN, which gets no answer. */
    static TlvMessage outcome(TlvMessage request, TransactionRecord transaction, String contractNumber,
            List<Ticket> tickets) {
        TransactionOutcome outcome = transaction.outcome();
        String approvedAmount = outcome.isApproved() && outcome.approvedAmount() != null
                ? ConcertRequest.amountDigits(outcome.approvedAmount().minorUnits()) : null;
        List<TlvItem> items = echo(request, approvedAmount);
        if (outcome.isApproved()) {
            items.add(TlvItem.of(ConcertTag.AE, ActionStatus.PERFORMED.code()));
            if (outcome.maskedPan() != null) {
                items.add(TlvItem.of(ConcertTag.CC, application(outcome.scheme(), outcome.entryMode())));
                items.add(TlvItem.of(ConcertTag.CI, ReadingMode.of(outcome.entryMode()).code()));
            }
            add(items, ConcertTag.AC, outcome.authorisationCode());
            if (outcome.maskedPan() != null) {
                items.add(TlvItem.of(ConcertTag.AA, outcome.maskedPan().value()));
                items.add(TlvItem.of(ConcertTag.AL, "1"));
                add(items, ConcertTag.AI, aid(outcome.scheme()));
            }
            add(items, ConcertTag.CG, contractNumber);
        } else {
            items.add(TlvItem.of(ConcertTag.AE, ActionStatus.NOT_PERFORMED.code()));
            items.add(TlvItem.of(ConcertTag.AF, reason(outcome).code()));
        }
        for (Ticket ticket : tickets) {
            items.add(ticket.toItem());
        }
        return new TlvMessage(items);
    }

    /** The AF a Concert terminal gives for an outcome that is not an approval. */
    static StatusComplement reason(TransactionOutcome outcome) {
        return switch (outcome.result()) {
            case DECLINED -> StatusComplement.REFUSED;
            case ABORTED -> "SHOPPER_ABORTED".equals(outcome.reason()) ? StatusComplement.CARDHOLDER_ABANDON
                    : StatusComplement.OPERATOR_ABANDON;
            case FAILED -> StatusComplement.NOT_COMPLETED;
            case APPROVED, UNKNOWN -> throw new IllegalArgumentException(outcome.result() + " has no AF");
        };
    }

    /**
     * The request's items to echo: all but the ticket request and the shopper's contact data, which
     * an answer has no business repeating; {@code CB} becomes the approved amount when given.
     */
    private static List<TlvItem> echo(TlvMessage request, String approvedAmount) {
        List<TlvItem> items = new ArrayList<>(24);
        if (request == null) {
            items.add(TlvItem.of(ConcertTag.CZ, FALLBACK_VERSION));
            return items;
        }
        for (TlvItem item : request.items()) {
            ConcertTag tag = item.tag();
            if (tag == ConcertTag.CK || tag == ConcertTag.BH || tag == ConcertTag.BI) {
                continue;
            }
            boolean replaced = tag == ConcertTag.CB && approvedAmount != null;
            items.add(replaced ? TlvItem.of(ConcertTag.CB, approvedAmount) : item);
        }
        return items;
    }

    private static String application(CardScheme scheme, EntryMode entry) {
        boolean contactless = entry == EntryMode.CONTACTLESS;
        return switch (scheme) {
            case AMERICAN_EXPRESS -> contactless ? "00D" : "002";
            case UNKNOWN -> "000";
            default -> contactless ? "00B" : "001";
        };
    }

    private static String aid(CardScheme scheme) {
        return switch (scheme) {
            case VISA -> "A0000000031010";
            case VISA_ELECTRON -> "A0000000032010";
            case MASTERCARD -> "A0000000041010";
            case MAESTRO -> "A0000000043060";
            case CB -> "A0000000421010";
            case AMERICAN_EXPRESS -> "A000000025010801";
            case UNKNOWN -> null;
        };
    }

    private static void add(List<TlvItem> items, ConcertTag tag, String value) {
        if (value != null) {
            items.add(TlvItem.of(tag, value));
        }
    }
}
