package io.tillgate.p3.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tillgate.testkit.DecoderContract;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of {@link P3Codec}: bytes as framed TCP hands them over, and the same
 * text as a WebSocket text message does.
 *
 * <p>Contract: any bytes decode to a {@link P3Message} or are refused with a
 * {@link P3DecodingException}, within the timeout; a message that decodes encodes to JSON that
 * decodes to an equal message, and a refusal's ERROR response (what the server answers) is a
 * message the POS decodes. When the bytes are UTF-8, decoding them as a string gives the same
 * outcome: an equal message, or a refusal too. Seeds: {@code P3CodecFuzzTestInputs/decode/},
 * replayed by every build.
 */
class P3CodecFuzzTest {

    private final P3Codec codec = P3Codec.INSTANCE;

    @FuzzTest
    @DictionaryFile(resourcePath = "p3.dict")
    @Timeout(5)
    void decode(byte[] json) {
        Optional<P3Message> message = DecoderContract.valueOrDeclared(() -> codec.decode(json), P3DecodingException.class,
                refused -> refused.errorResponse().ifPresent(answer -> DecoderContract.roundTrips(answer, codec::encode,
                        codec::decode)));
        message.ifPresent(value -> DecoderContract.roundTrips(value, codec::encode, codec::decode));
        utf8(json).ifPresent(text -> assertThat(DecoderContract.valueOrDeclared(() -> codec.decode(text),
                P3DecodingException.class)).as("the same JSON as text").isEqualTo(message));
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }
}
