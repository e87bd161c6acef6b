package io.tillgate.p3.codec;

/**
 * The one check the codec leaves to the server: fields whose presence depends on the operation
 * (amount for EXECUTE, a reference for QUERY). Throws the same exception as the decoder so the
 * server answers both the same way.
 */
public final class P3Validation {

    private P3Validation() {
    }

    /**
     * Returns {@code value}, or throws PARAMETER_MISSING naming {@code path} when it is null.
     *
     * @param path JSON path of the field, e.g. {@code executeTransactionRequest.transactionParameters.amount}
     */
    public static <T> T require(T value, String path) {
        if (value == null) {
            throw new P3DecodingException(P3ErrorType.PARAMETER_MISSING, path, "is missing");
        }
        return value;
    }

    /** A PARAMETER_INVALID exception naming {@code path} and the problem (never the raw frame). */
    public static P3DecodingException invalid(String path, String problem) {
        return new P3DecodingException(P3ErrorType.PARAMETER_INVALID, path, problem);
    }
}
