package io.tillgate.concert.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tillgate.testkit.DecoderContract;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the Concert TLV codec: {@link TlvDecoder}, and the typed readings on
 * top of it, {@link ConcertRequest#from} and {@link ConcertAnswer#decode}.
 *
 * <p>Contract: any bytes decode to a {@link TlvMessage} or are refused with a
 * {@link ConcertDecodingException}, within the timeout, and so does each typed reading of a message
 * that decodes. Every value that decodes — items, request, answer — encodes with
 * {@link TlvEncoder} to bytes that decode to an equal value, unless a value holds 0x7F, which
 * Tillgate reads but never writes (docs/protocols/concert.md §2). The answer read in one pass
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
        answer.ifPresent(value -> value.tickets().forEach(ticket -> DecoderContract.valueOrDeclared(ticket::lines,
                ConcertDecodingException.class)));
        items.ifPresent(message -> {
            Optional<ConcertRequest> request = DecoderContract.valueOrDeclared(() -> ConcertRequest.from(message),
                    ConcertDecodingException.class);
            DecoderContract.valueOrDeclared(() -> ConcertAnswer.from(message), ConcertDecodingException.class)
                    .ifPresent(fromItems -> assertThat(answer).as("the answer read in one pass").contains(fromItems));
            if (writable(message)) {
                DecoderContract.roundTrips(message, TlvEncoder::encode, TlvDecoder::decode);
                request.ifPresent(value -> DecoderContract.roundTrips(value, TlvEncoder::encode,
                        bytes -> ConcertRequest.from(TlvDecoder.decode(bytes))));
                answer.ifPresent(value -> DecoderContract.roundTrips(value, TlvEncoder::encode, ConcertAnswer::decode));
            }
        });
    }

    /** Whether every value stays within what Tillgate emits: 0x20..0x7E, where 0x7F is only received. */
    private static boolean writable(TlvMessage message) {
        return message.items().stream()
                .flatMap(item -> item instanceof TlvItem.Constructed constructed
                        ? constructed.items().stream() : Stream.of((TlvItem.Simple) item))
                .allMatch(simple -> simple.value().chars().allMatch(TlvFormat::isSendable));
    }
}
