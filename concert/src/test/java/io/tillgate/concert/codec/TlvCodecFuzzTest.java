package io.tillgate.concert.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tillgate.testkit.DecoderContract;
import java.util.Optional;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the Concert TLV codec: {@link TlvDecoder}, and the typed readings on
 * top of it, {@link ConcertRequest#from} and {@link ConcertAnswer#decode}.
 *
 * <p>Contract: any bytes decode to a {@link TlvMessage} or are refused with a
 * {@link ConcertDecodingException}, within the timeout, and so does each typed reading of a message
 * that decodes. Every value that decodes — items, request, answer — encodes with
 * {@link TlvEncoder} to bytes that decode to an equal value. The answer read in one pass
 * ({@link ConcertAnswer#decode}) is the answer read from the items ({@link ConcertAnswer#from}), and
 * each of its tickets reads to printable lines or is refused ({@link Ticket#lines}, text or HTML).
 */
class TlvCodecFuzzTest {

    @FuzzTest
    @DictionaryFile(resourcePath = "concert.dict")
    @Timeout(5)
    void decode(byte[] frame) {
        Optional<TlvMessage> items = DecoderContract.valueOrDeclared(() -> TlvDecoder.decode(frame),
                ConcertDecodingException.class);
        Optional<ConcertAnswer> answer = DecoderContract.valueOrDeclared(() -> ConcertAnswer.decode(frame),
                ConcertDecodingException.class);
        items.ifPresent(message -> {
            DecoderContract.roundTrips(message, TlvEncoder::encode, TlvDecoder::decode);
            DecoderContract.valueOrDeclared(() -> ConcertRequest.from(message), ConcertDecodingException.class)
                    .ifPresent(request -> DecoderContract.roundTrips(request, TlvEncoder::encode,
                            bytes -> ConcertRequest.from(TlvDecoder.decode(bytes))));
            DecoderContract.valueOrDeclared(() -> ConcertAnswer.from(message), ConcertDecodingException.class)
                    .ifPresent(fromItems -> assertThat(answer).as("the answer read in one pass").contains(fromItems));
        });
        answer.ifPresent(value -> {
            DecoderContract.roundTrips(value, TlvEncoder::encode, ConcertAnswer::decode);
            value.tickets().forEach(ticket -> DecoderContract.valueOrDeclared(ticket::lines,
                    ConcertDecodingException.class));
        });
    }
}
