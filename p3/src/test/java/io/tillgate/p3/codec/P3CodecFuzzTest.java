package io.tillgate.p3.codec;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tillgate.testkit.DecoderContract;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of {@link P3Codec#decode(byte[])}.
 *
 * <p>Contract: any bytes decode to a {@link P3Message} or are refused with a
 * {@link P3DecodingException}, within the timeout; a message that decodes encodes to JSON that
 * decodes to an equal message. Seeds: {@code P3CodecFuzzTestInputs/decode/}, replayed by every
 * build.
 */
class P3CodecFuzzTest {

    private final P3Codec codec = P3Codec.INSTANCE;

    @FuzzTest
    @DictionaryFile(resourcePath = "p3.dict")
    @Timeout(5)
    void decode(byte[] json) {
        DecoderContract.valueOrDeclared(() -> codec.decode(json), P3DecodingException.class)
                .ifPresent(message -> DecoderContract.roundTrips(message, codec::encode, codec::decode));
    }
}
