package io.tillgate.concert.codec;

/**
 * A Concert message that cannot be read. It names the tag and the byte offset where reading stopped
 * and never carries the frame itself, which may hold card data.
 */
public final class ConcertDecodingException extends RuntimeException {

    /** What kind of fault; a terminal answers each with its own status complement. */
    public enum Problem {
        /** The bytes are not a valid TLV list (bad header, truncated value, bad character). */
        MALFORMED,
        /** A tag the message needs is absent. */
        MISSING_TAG,
        /** A value breaks its tag's rule or contradicts another value. */
        INVALID_VALUE,
        /** The action type {@code CD} is not one Concert defines. */
        UNKNOWN_ACTION,
        /** The currency {@code CE} is not an ISO 4217 currency with a minor unit. */
        UNKNOWN_CURRENCY
    }

    private final Problem problem;
    private final String tag;
    private final int offset;

    /**
     * @param problem the kind of fault
     * @param tag the tag concerned, or {@code null} when the fault is before any tag could be read
     * @param offset the byte offset in the frame, or -1 when the fault is about content, not position
     * @param message what is wrong
     */
    public ConcertDecodingException(Problem problem, String tag, int offset, String message) {
        super(message);
        this.problem = problem;
        this.tag = tag;
        this.offset = offset;
    }

    static ConcertDecodingException malformed(String tag, int offset, String what) {
        return new ConcertDecodingException(Problem.MALFORMED, tag, offset,
                (tag == null ? "" : tag + " ") + "at offset " + offset + ": " + what);
    }

    static ConcertDecodingException invalid(String tag, String what) {
        return new ConcertDecodingException(Problem.INVALID_VALUE, tag, -1, tag + ": " + what);
    }

    static ConcertDecodingException missing(String tag, String why) {
        return new ConcertDecodingException(Problem.MISSING_TAG, tag, -1, "missing " + tag + " (" + why + ")");
    }

    public Problem problem() {
        return problem;
    }

    /** The tag concerned, or {@code null}. */
    public String tag() {
        return tag;
    }

    /** The byte offset in the frame, or -1. */
    public int offset() {
        return offset;
    }
}
