package io.tillgate.concert.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tillgate.testkit.DecoderContract;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
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
 * each of its tickets reads to printable lines or is refused ({@link Ticket#lines}, text or HTML);
 * its complement and amount read or are refused, its items ({@link ConcertAnswer#toTlv}) write the
 * same bytes as the answer itself. The text of a message, a ticket or an answer never shows a value
 * (an answer shows the fields it names, never the PAN).
 */
class TlvCodecFuzzTest {

    private static final Pattern DIGIT_RUN = Pattern.compile("[0-9]{4,}");

    @FuzzTest
    @DictionaryFile(resourcePath = "concert.dict")
    @Timeout(5)
    void decode(byte[] frame) {
        Optional<TlvMessage> items = DecoderContract.valueOrDeclared(() -> TlvDecoder.decode(frame),
                ConcertDecodingException.class);
        Optional<ConcertAnswer> answer = DecoderContract.valueOrDeclared(() -> ConcertAnswer.decode(frame),
                ConcertDecodingException.class);
        answer.ifPresent(TlvCodecFuzzTest::checkAnswer);
        items.ifPresent(message -> {
            hidesValues(message.toString(), message);
            Optional<ConcertRequest> request = DecoderContract.valueOrDeclared(() -> ConcertRequest.from(message),
                    ConcertDecodingException.class);
            DecoderContract.valueOrDeclared(() -> ConcertAnswer.from(message), ConcertDecodingException.class)
                    .ifPresent(fromItems -> {
                        assertThat(answer).as("the answer read in one pass").contains(fromItems);
                        assertThat(fromItems.tickets()).as("one ticket per ZT")
                                .hasSameSizeAs(message.constructed(ConcertTag.ZT));
                        fromItems.tickets().forEach(ticket -> hidesValues(ticket.toString(), message));
                    });
            if (writable(message)) {
                DecoderContract.roundTrips(message, TlvEncoder::encode, TlvDecoder::decode);
                request.ifPresent(value -> DecoderContract.roundTrips(value, TlvEncoder::encode,
                        bytes -> ConcertRequest.from(TlvDecoder.decode(bytes))));
                answer.ifPresent(value -> {
                    DecoderContract.roundTrips(value, TlvEncoder::encode, ConcertAnswer::decode);
                    assertThat(TlvEncoder.encode(value.toTlv())).as("the answer written through its items")
                            .isEqualTo(TlvEncoder.encode(value));
                });
            }
        });
    }

    /**
     * What the drivers read from an answer reads or is refused: its tickets, its status complement,
     * its amount; its reading mode is the one Concert reports for its entry mode; and its text shows
     * no part of the PAN beyond the fields it prints.
     */
    private static void checkAnswer(ConcertAnswer answer) {
        answer.tickets().forEach(ticket -> DecoderContract.valueOrDeclared(ticket::lines,
                ConcertDecodingException.class));
        if (answer.complement() != null) {
            DecoderContract.valueOrDeclared(answer::complementCode, ConcertDecodingException.class);
        }
        DecoderContract.valueOrDeclared(answer::amountMinorUnits, ConcertDecodingException.class);
        if (answer.readingMode() != null) {
            assertThat(ReadingMode.of(answer.readingMode().entryMode())).isEqualTo(answer.readingMode());
        }
        if (answer.pan() != null) {
            String printed = String.join(" ", answer.version(), String.valueOf(answer.actionCode()),
                    answer.status().code(), String.valueOf(answer.complement()));
            DIGIT_RUN.matcher(answer.pan()).results().map(MatchResult::group).filter(run -> !printed.contains(run))
                    .forEach(run -> assertThat(answer.toString()).as("the answer's text").doesNotContain(run));
        }
    }

    /** Items and tickets print types and lengths only (at most three digits): never four digits of a value. */
    private static void hidesValues(String text, TlvMessage message) {
        message.items().stream()
                .flatMap(item -> item instanceof TlvItem.Constructed constructed
                        ? constructed.items().stream() : Stream.of((TlvItem.Simple) item))
                .flatMap(simple -> DIGIT_RUN.matcher(simple.value()).results().map(MatchResult::group))
                .forEach(run -> assertThat(text).as("the text of a message").doesNotContain(run));
    }

    /** Whether every value stays within what Tillgate emits: 0x20..0x7E, where 0x7F is only received. */
    private static boolean writable(TlvMessage message) {
        return message.items().stream()
                .flatMap(item -> item instanceof TlvItem.Constructed constructed
                        ? constructed.items().stream() : Stream.of((TlvItem.Simple) item))
                .allMatch(simple -> simple.value().chars().allMatch(TlvFormat::isSendable));
    }
}
