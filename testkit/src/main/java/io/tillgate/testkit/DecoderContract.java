package io.tillgate.testkit;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The contract every fuzz harness holds a decoder to: whatever the input, decoding ends in a value
 * or in one of the decoder's own declared exceptions, and a value that decodes survives a round
 * trip through the encoder. Anything else (another exception, an error, a {@code null} value, a
 * round trip that changes the value) escapes as a failure, which is what the fuzzer reports.
 *
 * <p>Time and memory are bounded by the caller: the harness's JUnit timeout (which Jazzer also
 * applies to each input while fuzzing) and the heap of the JVM that runs it.
 */
public final class DecoderContract {

    private DecoderContract() {
    }

    /**
     * Runs {@code decode}.
     *
     * @return the decoded value, or empty when the decoder refused the input with a declared exception
     * @throws AssertionError when the decoder returned {@code null}
     */
    @SafeVarargs
    public static <T> Optional<T> valueOrDeclared(Supplier<T> decode, Class<? extends RuntimeException>... declared) {
        T value;
        try {
            value = decode.get();
        } catch (RuntimeException e) {
            if (Arrays.stream(declared).anyMatch(type -> type.isInstance(e))) {
                return Optional.empty();
            }
            throw e;
        }
        if (value == null) {
            throw new AssertionError("the decoder returned null instead of a value or a declared exception");
        }
        return Optional.of(value);
    }

    /**
     * Runs {@code decode}, handing a refusal to {@code refused}, which checks what a refusal owes
     * (an answer the peer can read, say).
     *
     * @return the decoded value, or empty when the decoder refused the input with {@code declared}
     */
    public static <T, E extends RuntimeException> Optional<T> valueOrDeclared(Supplier<T> decode, Class<E> declared,
            Consumer<? super E> refused) {
        try {
            return valueOrDeclared(decode);
        } catch (RuntimeException e) {
            if (!declared.isInstance(e)) {
                throw e;
            }
            refused.accept(declared.cast(e));
            return Optional.empty();
        }
    }

    /**
     * Checks that {@code value} encodes to a form (bytes, usually) that decodes to an equal value.
     * The encoder and the second decoding may not fail: the value came from the decoder, so it is
     * one the codec can write.
     *
     * @return the encoded form, for harnesses that check more of it
     */
    public static <T, E> E roundTrips(T value, Function<? super T, E> encode, Function<? super E, ? extends T> decode) {
        E encoded = encode.apply(value);
        T again = decode.apply(encoded);
        if (!Objects.equals(value, again)) {
            throw new AssertionError("decoding the re-encoded value gave another value:\n  decoded:    " + value
                    + "\n  re-decoded: " + again);
        }
        return encoded;
    }
}
