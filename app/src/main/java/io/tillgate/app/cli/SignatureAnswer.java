package io.tillgate.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How {@code tillgate pay} answers a CUSTOMER_SIGNATURE action: {@code ask} the operator,
 * {@code on-receipt} (the customer signs the printed merchant receipt), {@code image:FILE.png} (a
 * captured signature), or {@code abort}.
 *
 * @param image the PNG file for {@link Kind#IMAGE}, else {@code null}
 */
record SignatureAnswer(Kind kind, Path image) {

    enum Kind {
        ASK,
        ON_RECEIPT,
        IMAGE,
        ABORT
    }

    static final SignatureAnswer ASK = new SignatureAnswer(Kind.ASK, null);
    static final SignatureAnswer ON_RECEIPT = new SignatureAnswer(Kind.ON_RECEIPT, null);
    static final SignatureAnswer ABORT = new SignatureAnswer(Kind.ABORT, null);

    /** Reads {@code --signature}. */
    static final class Converter implements ITypeConverter<SignatureAnswer> {
        @Override
        public SignatureAnswer convert(String value) {
            if (value.startsWith("image:") && value.length() > "image:".length()) {
                return new SignatureAnswer(Kind.IMAGE, Path.of(value.substring("image:".length())));
            }
            return switch (value) {
                case "ask" -> ASK;
                case "on-receipt" -> ON_RECEIPT;
                case "abort" -> ABORT;
                default -> throw new TypeConversionException(
                        "'" + value + "' is not one of ask, on-receipt, abort, image:FILE.png");
            };
        }
    }
}
