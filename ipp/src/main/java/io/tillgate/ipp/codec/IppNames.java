package io.tillgate.ipp.codec;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The property names of IPP (docs/protocols/ipp.md §3, §5, §10), in one place, and the value layout each one has.
 *
 * <p>The decoder looks every name up here by its bytes, so a known name costs no allocation and
 * its duplicates are found with a bit set; unknown names are still accepted and become new strings.
 */
public final class IppNames {

    public static final String PROTOCOL = "PROTOCOL";
    public static final String VERSION = "VERSION";
    public static final String METHOD = "METHOD";
    public static final String SID = "SID";
    public static final String STATUS = "STATUS";
    public static final String STAGE = "STAGE";
    public static final String TIMEOUT = "TIMEOUT";
    public static final String CURRENT_VERSION = "CURRENT_VERSION";
    public static final String LANG = "LANG";
    public static final String PRINT_RECEIPT = "PRINT_RECEIPT";
    public static final String FIXED_PINPAD = "FIXED_PINPAD";
    public static final String PASSWORD = "PASSWORD";
    public static final String REFERENCE = "REFERENCE";
    public static final String REFERENCE_NUMBER = "REFERENCE_NUMBER";
    public static final String REFERENCE_NUMBER_TYPE = "REFERENCE_NUMBER_TYPE";
    public static final String OPERATOR_CODE = "OPERATOR_CODE";
    public static final String TIP_AMOUNT = "TIP_AMOUNT";
    public static final String AMOUNT = "AMOUNT";
    public static final String CURRENCY = "CURRENCY";
    public static final String CURRENCY_NAME = "CURRENCY_NAME";
    public static final String PREAUTH_TX = "PREAUTH_TX";
    public static final String MOTO_TX = "MOTO_TX";
    public static final String SID_ORIGINAL = "SID_ORIGINAL";
    public static final String REASON = "REASON";
    public static final String CREDENTIAL = "CREDENTIAL";
    public static final String PREAUTH_CODE = "PREAUTH_CODE";
    public static final String COMPLETION_AMOUNT = "COMPLETION_AMOUNT";
    public static final String FINGERPRINT = "FINGERPRINT";
    public static final String CERT = "CERT";
    public static final String DATA = "DATA";
    public static final String IP = "IP";
    public static final String PORT = "PORT";
    public static final String CHAIN = "CHAIN";
    public static final String PRIMARY_CHAIN = "PRIMARY_CHAIN";
    public static final String SECONDARY_CHAIN = "SECONDARY_CHAIN";
    public static final String PRINT_DATA = "PRINT_DATA";
    public static final String TRIES_LEFT = "TRIES_LEFT";
    public static final String APPROVAL = "APPROVAL";
    public static final String AUTH_CODE = "AUTH_CODE";
    public static final String RRN = "RRN";
    public static final String STAN = "STAN";
    public static final String TERMINAL_ID = "TERMINAL_ID";
    public static final String MERCHANT_ID = "MERCHANT_ID";
    public static final String MERCHANT_NAME = "MERCHANT_NAME";
    public static final String MERCHANT_AL1 = "MERCHANT_AL1";
    public static final String MERCHANT_AL2 = "MERCHANT_AL2";
    public static final String PAN_MASKED = "PAN_MASKED";
    public static final String EMBOSS_NAME = "EMBOSS_NAME";
    public static final String AID = "AID";
    public static final String AID_NAME = "AID_NAME";
    public static final String APPL_PREF_NAME = "APPL_PREF_NAME";
    public static final String CVM = "CVM";
    public static final String ENTRY_MODE = "ENTRY_MODE";
    public static final String SIGNATURE_NOT_REQ = "SIGNATURE_NOT_REQ";
    public static final String BALANCE_AMOUNT = "BALANCE_AMOUNT";
    public static final String BALANCE_CURRENCY = "BALANCE_CURRENCY";
    public static final String DECLINED_REASON1 = "DECLINED_REASON1";
    public static final String DECLINED_REASON2 = "DECLINED_REASON2";
    public static final String TX_DATE_LOCAL = "TX_DATE_LOCAL";
    public static final String TX_TIME_LOCAL = "TX_TIME_LOCAL";
    public static final String SOFTWARE_VERSION = "SOFTWARE_VERSION";
    public static final String TX_STATUS = "TX_STATUS";
    public static final String SN = "SN";
    public static final String PRINTER = "PRINTER";
    public static final String LAST_TX_TYPE = "LAST_TX_TYPE";
    public static final String TERMINAL_NAME = "TERMINAL_NAME";
    public static final String DCC_USED = "DCC_USED";
    public static final String DISPLAY_TEXT_ROW1 = "DISPLAY_TEXT_ROW1";
    public static final String DISPLAY_TEXT_ROW2 = "DISPLAY_TEXT_ROW2";
    public static final String DISPLAY_TEXT_ROW3 = "DISPLAY_TEXT_ROW3";
    public static final String DISPLAY_TEXT_ROW4 = "DISPLAY_TEXT_ROW4";
    public static final String DISPLAY_TEXT_ROW5 = "DISPLAY_TEXT_ROW5";

    /** Every name this module reads or writes; the decoder interns exactly these. */
    static final List<String> KNOWN = List.of(PROTOCOL, VERSION, METHOD, SID, STATUS, STAGE, TIMEOUT,
            CURRENT_VERSION, LANG, PRINT_RECEIPT, FIXED_PINPAD, PASSWORD, REFERENCE, REFERENCE_NUMBER,
            REFERENCE_NUMBER_TYPE, OPERATOR_CODE, TIP_AMOUNT, AMOUNT, CURRENCY, CURRENCY_NAME, PREAUTH_TX,
            MOTO_TX, SID_ORIGINAL, REASON, CREDENTIAL, PREAUTH_CODE, COMPLETION_AMOUNT, FINGERPRINT, CERT, DATA,
            IP, PORT, CHAIN, PRIMARY_CHAIN, SECONDARY_CHAIN, PRINT_DATA, TRIES_LEFT, APPROVAL, AUTH_CODE, RRN,
            STAN, TERMINAL_ID, MERCHANT_ID, MERCHANT_NAME, MERCHANT_AL1, MERCHANT_AL2, PAN_MASKED, EMBOSS_NAME,
            AID, AID_NAME, APPL_PREF_NAME, CVM, ENTRY_MODE, SIGNATURE_NOT_REQ, BALANCE_AMOUNT, BALANCE_CURRENCY,
            DECLINED_REASON1, DECLINED_REASON2, TX_DATE_LOCAL, TX_TIME_LOCAL, SOFTWARE_VERSION, TX_STATUS, SN,
            PRINTER, LAST_TX_TYPE, TERMINAL_NAME, DCC_USED, DISPLAY_TEXT_ROW1, DISPLAY_TEXT_ROW2,
            DISPLAY_TEXT_ROW3, DISPLAY_TEXT_ROW4, DISPLAY_TEXT_ROW5);

    /** {@link #KNOWN} as an array, for the decoder's lookups. */
    static final String[] KNOWN_NAMES = KNOWN.toArray(String[]::new);

    /*
     * Open addressing over a power-of-two table, probed by a hash of the name's first and last eight
     * bytes. A name is at most 24 bytes, so its first, second and last eight bytes (overlapping when
     * shorter) compare it whole in three word comparisons. Each slot keeps those three words and its
     * length and index together, so a probe reads one cache line.
     */
    private static final int MAX_LENGTH = 24;
    private static final int TABLE_SIZE = 256;
    /** A slot's words: the name's first, second and last eight bytes, then its index << 8 | length (0: empty). */
    private static final int SLOT_WORDS = 4;
    private static final int SECOND = 1;
    private static final int LAST = 2;
    private static final int ENTRY = 3;
    private static final long[] TABLE = new long[TABLE_SIZE * SLOT_WORDS];

    static {
        if (KNOWN.size() > 128) {
            throw new ExceptionInInitializerError("the decoder tracks at most 128 known names");
        }
        for (int i = 0; i < KNOWN.size(); i++) {
            byte[] bytes = KNOWN.get(i).getBytes(StandardCharsets.US_ASCII);
            if (bytes.length > MAX_LENGTH) {
                throw new ExceptionInInitializerError(KNOWN.get(i) + " is longer than " + MAX_LENGTH + " bytes");
            }
            long first = ByteScan.leadingWord(bytes, 0, bytes.length);
            long last = bytes.length > Long.BYTES ? ByteScan.word(bytes, bytes.length - Long.BYTES) : first;
            int slot = slot(first, last, bytes.length);
            while (TABLE[slot * SLOT_WORDS + ENTRY] != 0) {
                slot = (slot + 1) & (TABLE_SIZE - 1);
            }
            int at = slot * SLOT_WORDS;
            TABLE[at] = first;
            TABLE[at + SECOND] = bytes.length > 2 * Long.BYTES ? ByteScan.word(bytes, Long.BYTES) : 0;
            TABLE[at + LAST] = last;
            TABLE[at + ENTRY] = (long) i << 8 | bytes.length;
        }
    }

    private IppNames() {
    }

    private static final IppValueLayout[] LAYOUTS = KNOWN.stream().map(IppNames::layout)
            .toArray(IppValueLayout[]::new);

    static IppValueLayout layout(int index) {
        return LAYOUTS[index];
    }

    /** The layout of a property's value; every name not listed as binary is text. */
    public static IppValueLayout layout(String name) {
        switch (name) {
            case DATA, CERT:
                return IppValueLayout.LENGTH_PREFIXED;
            case FINGERPRINT:
                return IppValueLayout.FINGERPRINT;
            case CHAIN, PRIMARY_CHAIN, SECONDARY_CHAIN:
                return IppValueLayout.FINGERPRINT_LIST;
            case PRINT_DATA:
                return IppValueLayout.RAW;
            case DISPLAY_TEXT_ROW1, DISPLAY_TEXT_ROW2, DISPLAY_TEXT_ROW3, DISPLAY_TEXT_ROW4, DISPLAY_TEXT_ROW5:
                return IppValueLayout.UTF8;
            default:
                return IppValueLayout.ASCII;
        }
    }

    /** The index in {@link #KNOWN} of the name spelled by these bytes (at least one), or -1. */
    static int index(byte[] bytes, int offset, int length) {
        if (length > MAX_LENGTH) {
            return -1;
        }
        long first = ByteScan.leadingWord(bytes, offset, length);
        long last = length > Long.BYTES ? ByteScan.word(bytes, offset + length - Long.BYTES) : first;
        for (int slot = slot(first, last, length); ; slot = (slot + 1) & (TABLE_SIZE - 1)) {
            int at = slot * SLOT_WORDS;
            long entry = TABLE[at + ENTRY];
            if (entry == 0) {
                return -1;
            }
            if ((int) (entry & 0xFF) == length && TABLE[at] == first && TABLE[at + LAST] == last
                    && (length <= 2 * Long.BYTES || TABLE[at + SECOND] == ByteScan.word(bytes, offset + Long.BYTES))) {
                return (int) (entry >>> 8);
            }
        }
    }

    private static int slot(long first, long last, int length) {
        long h = (first * 31 + last + length) * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 56) & (TABLE_SIZE - 1);
    }
}
