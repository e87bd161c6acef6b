package io.tillgate.ipp.codec;

import io.tillgate.core.payment.CardDataMasker;
import java.util.Objects;

/**
 * A frame that is not valid IPP. Names the property (or {@code header}) and the problem, never the
 * frame's bytes, and says which STATUS a terminal answers it with (2, 3 or 4; docs/protocols/ipp.md §14).
 */
public final class IppDecodingException extends RuntimeException {

    private final String property;
    private final IppStatus answer;

    public IppDecodingException(String property, String problem, IppStatus answer) {
        // Values quoted in a problem come from the wire: mask anything shaped like a card number.
        super(property + ": " + CardDataMasker.mask(problem), null, false, false);
        this.property = Objects.requireNonNull(property, "property");
        this.answer = Objects.requireNonNull(answer, "answer");
    }

    public IppDecodingException(String property, String problem) {
        this(property, problem, IppStatus.SYNTAX_ERROR);
    }

    /** The property at fault, or {@code header} for the length header. */
    public String property() {
        return property;
    }

    /** The STATUS a terminal answers this with: syntax error, unsupported parameter or method. */
    public IppStatus answer() {
        return answer;
    }
}
