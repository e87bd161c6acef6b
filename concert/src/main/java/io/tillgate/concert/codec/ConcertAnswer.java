package io.tillgate.concert.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A terminal's answer (docs/protocols/concert.md §3, §4.2). Echoed request values are kept as the wire text, so a
 * driver can compare them with what it sent (leading zeros and all).
 *
 * @param version {@code CZ}
 * @param softwareId {@code CJ}, or {@code null}
 * @param registerNumber {@code CA}, or {@code null}
 * @param amount {@code CB} as sent by the terminal (the amount actually authorised), or {@code null}
 * @param actionCode {@code CD}, or {@code null}
 * @param currency {@code CE}, or {@code null}
 * @param status {@code AE}
 * @param complement {@code AF} (code + optional CB2A detail), or {@code null}
 * @param application {@code CC}, or {@code null}
 * @param readingMode {@code CI}, or {@code null}
 * @param authorisationNumber {@code AC}, or {@code null}
 * @param pan {@code AA}, masked or a token, or {@code null}
 * @param panType {@code AL}, or {@code null}
 * @param aid {@code AI}, or {@code null}
 * @param expiry {@code AB} (YYMM), or {@code null}
 * @param contractNumber {@code CG}, or {@code null}
 * @param tickets the {@code ZT} items, in order
 * @param others every other item, kept in order (BA, CF, PayXpert extensions, unknown tags)
 */
public record ConcertAnswer(String version, String softwareId, String registerNumber, String amount,
        String actionCode, String currency, ActionStatus status, String complement, String application,
        ReadingMode readingMode, String authorisationNumber, String pan, String panType, String aid, String expiry,
        String contractNumber, List<Ticket> tickets, List<TlvItem> others) implements ConcertMessage {

    public ConcertAnswer {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(status, "status");
        if (status == ActionStatus.PERFORMED && complement != null
                && StatusComplement.fromCode(complement) != StatusComplement.AUTHORISED) {
            // An emulator bug seen in the wild (docs/protocols/concert.md §7): never read it as a success.
            throw ConcertDecodingException.invalid("AF", "AE=10 (performed) contradicts AF="
                    + complement.substring(0, 2));
        }
        tickets = tickets == null ? List.of() : List.copyOf(tickets);
        others = others == null ? List.of() : List.copyOf(others);
    }

    /** The reason code of {@code AF}, or {@code null} when there is none. */
    public StatusComplement complementCode() {
        return complement == null ? null : StatusComplement.fromCode(complement);
    }

    /** {@code CB} as minor units, or -1 when absent. */
    public long amountMinorUnits() {
        return amount == null ? -1 : Long.parseLong(amount);
    }

    @Override
    public TlvMessage toTlv() {
        List<TlvItem> items = new ArrayList<>(18 + others.size() + tickets.size());
        items.add(TlvItem.of(ConcertTag.CZ, version));
        add(items, ConcertTag.CJ, softwareId);
        add(items, ConcertTag.CA, registerNumber);
        add(items, ConcertTag.CB, amount);
        add(items, ConcertTag.CD, actionCode);
        add(items, ConcertTag.CE, currency);
        items.addAll(others);
        items.add(TlvItem.of(ConcertTag.AE, status.code()));
        add(items, ConcertTag.AF, complement);
        add(items, ConcertTag.CC, application);
        add(items, ConcertTag.CI, readingMode == null ? null : readingMode.code());
        add(items, ConcertTag.AC, authorisationNumber);
        add(items, ConcertTag.AA, pan);
        add(items, ConcertTag.AL, panType);
        add(items, ConcertTag.AI, aid);
        add(items, ConcertTag.AB, expiry);
        add(items, ConcertTag.CG, contractNumber);
        for (Ticket ticket : tickets) {
            items.add(ticket.toItem());
        }
        return new TlvMessage(items);
    }

    /** The same bytes as {@code TlvEncoder.encode(toTlv())}, written without building items. */
    byte[] encode() {
        String ci = readingMode == null ? null : readingMode.code();
        int length = TlvWriter.length(version) + TlvWriter.length(softwareId) + TlvWriter.length(registerNumber)
                + TlvWriter.length(amount) + TlvWriter.length(actionCode) + TlvWriter.length(currency)
                + TlvWriter.length(status.code()) + TlvWriter.length(complement) + TlvWriter.length(application)
                + TlvWriter.length(ci) + TlvWriter.length(authorisationNumber) + TlvWriter.length(pan)
                + TlvWriter.length(panType) + TlvWriter.length(aid) + TlvWriter.length(expiry)
                + TlvWriter.length(contractNumber);
        // Indexed loops: both lists are immutable and random-access, and an iterator per loop is
        // garbage on every answer when the JIT does not inline this far.
        TlvItem.Constructed[] zts = new TlvItem.Constructed[tickets.size()];
        for (int i = 0; i < zts.length; i++) {
            zts[i] = tickets.get(i).toItem();
            length += zts[i].encodedLength();
        }
        for (int i = 0, n = others.size(); i < n; i++) {
            length += others.get(i).encodedLength();
        }
        TlvWriter writer = new TlvWriter(length);
        writeEcho(writer);
        for (int i = 0, n = others.size(); i < n; i++) {
            writer.item(others.get(i));
        }
        writeOutcome(writer, ci);
        for (TlvItem.Constructed zt : zts) {
            writer.item(zt);
        }
        return writer.finish();
    }

    // The echo and the outcome are written by two methods rather than one long one: sixteen
    // inlined item writes exceed what the JIT inlines into a single compiled method.

    /** The echoed request items, {@code CZ} to {@code CE}. */
    private void writeEcho(TlvWriter writer) {
        writer.simple(ConcertTag.CZ, version)
                .simple(ConcertTag.CJ, softwareId)
                .simple(ConcertTag.CA, registerNumber)
                .simple(ConcertTag.CB, amount)
                .simple(ConcertTag.CD, actionCode)
                .simple(ConcertTag.CE, currency);
    }

    /** The terminal's own items, {@code AE} to {@code CG}. */
    private void writeOutcome(TlvWriter writer, String ci) {
        writer.simple(ConcertTag.AE, status.code())
                .simple(ConcertTag.AF, complement)
                .simple(ConcertTag.CC, application)
                .simple(ConcertTag.CI, ci)
                .simple(ConcertTag.AC, authorisationNumber)
                .simple(ConcertTag.AA, pan)
                .simple(ConcertTag.AL, panType)
                .simple(ConcertTag.AI, aid)
                .simple(ConcertTag.AB, expiry)
                .simple(ConcertTag.CG, contractNumber);
    }

    private static void add(List<TlvItem> items, ConcertTag tag, String value) {
        if (value != null) {
            items.add(TlvItem.of(tag, value));
        }
    }

    /**
     * Reads an answer from its items.
     *
     * @throws ConcertDecodingException when {@code AE} is missing or a code is not one Concert defines
     */
    public static ConcertAnswer from(TlvMessage tlv) {
        Reader reader = new Reader();
        for (TlvItem item : tlv.items()) {
            if (item instanceof TlvItem.Simple simple) {
                reader.simple(simple.tag(), simple.type(), simple.value());
            } else {
                reader.constructed((TlvItem.Constructed) item);
            }
        }
        return reader.answer();
    }

    /**
     * Reads an answer straight from its bytes, with every check of {@link TlvDecoder} and
     * {@link #from}, without building the item list first.
     *
     * @throws ConcertDecodingException naming tag and offset, or the missing or invalid code
     */
    public static ConcertAnswer decode(byte[] frame) {
        Reader reader = new Reader();
        TlvDecoder.read(frame, 0, frame.length, reader);
        return reader.answer();
    }

    /** Collects an answer's fields as its items go by. */
    private static final class Reader implements TlvDecoder.Sink {
        private String cz;
        private String cj;
        private String ca;
        private String cb;
        private String cd;
        private String ce;
        private String ae;
        private String af;
        private String cc;
        private String ci;
        private String ac;
        private String aa;
        private String al;
        private String ai;
        private String ab;
        private String cg;
        private List<Ticket> tickets;
        private List<TlvItem> others;

        @Override
        public void simple(ConcertTag tag, String type, String value) {
            if (tag == null) {
                other(new TlvItem.Simple(type, value));
                return;
            }
            switch (tag) {
                case CZ -> cz = value;
                case CJ -> cj = value;
                case CA -> ca = value;
                case CB -> cb = value;
                case CD -> cd = value;
                case CE -> ce = value;
                case AE -> ae = value;
                case AF -> af = value;
                case CC -> cc = value;
                case CI -> ci = value;
                case AC -> ac = value;
                case AA -> aa = value;
                case AL -> al = value;
                case AI -> ai = value;
                case AB -> ab = value;
                case CG -> cg = value;
                default -> other(new TlvItem.Simple(type, value));
            }
        }

        @Override
        public void constructed(TlvItem.Constructed item) {
            if (!item.type().equals(ConcertTag.ZT.code())) {
                other(item);
                return;
            }
            if (tickets == null) {
                tickets = new ArrayList<>(2);
            }
            tickets.add(Ticket.fromItem(item));
        }

        private void other(TlvItem item) {
            if (others == null) {
                others = new ArrayList<>(4);
            }
            others.add(item);
        }

        ConcertAnswer answer() {
            if (cz == null) {
                throw ConcertDecodingException.missing("CZ", "every message starts with it");
            }
            if (ae == null) {
                throw ConcertDecodingException.missing("AE", "every answer carries its status");
            }
            return new ConcertAnswer(cz, cj, ca, cb, cd, ce, ActionStatus.fromCode(ae), af, cc,
                    ci == null ? null : ReadingMode.fromCode(ci), ac, aa, al, ai, ab, cg, tickets, others);
        }
    }

    /** Codes only: the rest may be card data. */
    @Override
    public String toString() {
        return "ConcertAnswer[CZ=" + version + ", CD=" + actionCode + ", AE=" + status.code()
                + (complement == null ? "" : ", AF=" + complement.substring(0, 2))
                + ", tickets=" + tickets.size() + "]";
    }
}
