package io.tillgate.concert.codec;

import io.tillgate.core.money.Money;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * A cash-register request (docs/protocols/concert.md §3, §9).
 *
 * @param version {@code CZ}, four digits
 * @param softwareId {@code CJ}, the AP-issued cash-register software id (12 digits)
 * @param registerNumber {@code CA}, the cash-register number (2 digits)
 * @param action {@code CD}
 * @param amount {@code CB} + {@code CE}; {@code null} for actions that move no money
 * @param immediate {@code BA=1}: the terminal acknowledges at once instead of answering at the end
 * @param tickets {@code CK}, or {@code null} when no tickets are asked for
 * @param privateData {@code CF}, echoed by the terminal, or {@code null}
 * @param others every other item, kept in order (BB, BF, CC, BH, BI, CH, unknown tags)
 */
public record ConcertRequest(String version, String softwareId, String registerNumber, ConcertAction action,
        Money amount, boolean immediate, TicketMode tickets, String privateData, List<TlvItem> others)
        implements ConcertMessage {

    public ConcertRequest {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(softwareId, "softwareId");
        Objects.requireNonNull(registerNumber, "registerNumber");
        Objects.requireNonNull(action, "action");
        if (action.movesMoney() && amount == null) {
            throw new IllegalArgumentException("a " + action + " request needs an amount");
        }
        others = others == null ? List.of() : List.copyOf(others);
    }

    @Override
    public TlvMessage toTlv() {
        List<TlvItem> items = new ArrayList<>(9 + others.size());
        items.add(TlvItem.of(ConcertTag.CZ, version));
        items.add(TlvItem.of(ConcertTag.CJ, softwareId));
        items.add(TlvItem.of(ConcertTag.CA, registerNumber));
        if (amount != null) {
            items.add(TlvItem.of(ConcertTag.CB, amountDigits(amount.minorUnits())));
        }
        items.add(TlvItem.of(ConcertTag.CD, action.code()));
        if (amount != null) {
            items.add(TlvItem.of(ConcertTag.CE, ConcertCurrencies.code(amount.currency())));
        }
        items.add(TlvItem.of(ConcertTag.BA, immediate ? "1" : "0"));
        if (tickets != null) {
            items.add(TlvItem.of(ConcertTag.CK, tickets.code()));
        }
        if (privateData != null) {
            items.add(TlvItem.of(ConcertTag.CF, privateData));
        }
        items.addAll(others);
        return new TlvMessage(items);
    }

    /** Minor units as {@code CB} digits: at least two, left-padded with 0 (5 cents → {@code 05}). */
    public static String amountDigits(long minorUnits) {
        if (minorUnits < 0) {
            throw new IllegalArgumentException("CB: amount " + minorUnits + " is negative");
        }
        return minorUnits < 10 ? "0" + minorUnits : Long.toString(minorUnits);
    }

    /**
     * Reads a request, checking in the order a terminal answers them: required tags
     * ({@link ConcertDecodingException.Problem#MISSING_TAG}), the action
     * ({@link ConcertDecodingException.Problem#UNKNOWN_ACTION}), the currency
     * ({@link ConcertDecodingException.Problem#UNKNOWN_CURRENCY}).
     */
    public static ConcertRequest from(TlvMessage tlv) {
        String version = require(tlv, ConcertTag.CZ, "every message");
        String softwareId = require(tlv, ConcertTag.CJ, "every request");
        String registerNumber = require(tlv, ConcertTag.CA, "every request");
        String actionCode = require(tlv, ConcertTag.CD, "every request");
        String cb = tlv.value(ConcertTag.CB);
        String ce = tlv.value(ConcertTag.CE);
        ConcertAction action = ConcertAction.fromCode(actionCode);
        if (action.movesMoney()) {
            if (cb == null) {
                throw ConcertDecodingException.missing("CB", "a " + action + " moves money");
            }
            if (ce == null) {
                throw ConcertDecodingException.missing("CE", "a " + action + " moves money");
            }
        }
        Money amount = null;
        if (cb != null && ce != null) {
            Currency currency = ConcertCurrencies.fromCode(ce);
            amount = new Money(Long.parseLong(cb), currency);
        }
        String ba = tlv.value(ConcertTag.BA);
        if (ba != null && !ba.equals("0") && !ba.equals("1")) {
            throw ConcertDecodingException.invalid("BA", "answer timing '" + ba + "' is neither 0 nor 1");
        }
        String ck = tlv.value(ConcertTag.CK);
        List<TlvItem> others = new ArrayList<>();
        for (TlvItem item : tlv.items()) {
            ConcertTag tag = item.tag();
            if (tag == null || !isField(tag)) {
                others.add(item);
            }
        }
        return new ConcertRequest(version, softwareId, registerNumber, action, amount, "1".equals(ba),
                ck == null ? null : TicketMode.fromCode(ck), tlv.value(ConcertTag.CF), others);
    }

    private static boolean isField(ConcertTag tag) {
        return switch (tag) {
            case CZ, CJ, CA, CB, CD, CE, BA, CK, CF -> true;
            default -> false;
        };
    }

    private static String require(TlvMessage tlv, ConcertTag tag, String why) {
        String value = tlv.value(tag);
        if (value == null) {
            throw ConcertDecodingException.missing(tag.code(), "required in " + why);
        }
        return value;
    }
}
