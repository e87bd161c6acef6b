package io.tillgate.concert.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Whatever arrives, reading it either works or fails with the codec's own exception; whatever
 * Tillgate can write, it reads back unchanged.
 */
class TlvPropertiesTest {

    @Property(tries = 2000)
    void randomBytesFailOnlyWithTheCodecsException(@ForAll @Size(max = 300) byte[] bytes) {
        readEveryWay(bytes);
    }

    @Property(tries = 3000)
    void mutatedValidFramesFailOnlyWithTheCodecsException(@ForAll("validFrames") byte[] frame,
            @ForAll("mutations") List<Mutation> mutations) {
        byte[] mutated = frame;
        for (Mutation mutation : mutations) {
            mutated = mutation.apply(mutated);
        }
        readEveryWay(mutated);
    }

    @Property(tries = 1000)
    void validMessagesRoundTrip(@ForAll("messages") TlvMessage message) {
        byte[] encoded = TlvEncoder.encode(message);

        TlvMessage decoded = TlvDecoder.decode(encoded);

        assertThat(decoded).isEqualTo(message);
        assertThat(TlvEncoder.encode(decoded)).isEqualTo(encoded);
    }

    @Property(tries = 500)
    void typedAnswersRoundTrip(@ForAll("answers") ConcertAnswer answer) {
        byte[] viaItems = TlvEncoder.encode(answer.toTlv());

        assertThat(TlvEncoder.encode(answer)).isEqualTo(viaItems);
        assertThat(ConcertAnswer.from(TlvDecoder.decode(viaItems))).isEqualTo(answer);
        assertThat(ConcertAnswer.decode(viaItems)).isEqualTo(answer);
    }

    private static void readEveryWay(byte[] bytes) {
        try {
            ConcertAnswer.decode(bytes);
        } catch (ConcertDecodingException expected) {
            // fine: the codec's own refusal
        }
        TlvMessage message;
        try {
            message = TlvDecoder.decode(bytes);
        } catch (ConcertDecodingException expected) {
            return;
        }
        try {
            ConcertAnswer answer = ConcertAnswer.from(message);
            answer.complementCode();
            for (Ticket ticket : answer.tickets()) {
                ticket.lines();
            }
        } catch (ConcertDecodingException expected) {
            // fine: the codec's own refusal
        }
        try {
            ConcertRequest.from(message);
        } catch (ConcertDecodingException expected) {
            // fine
        }
    }

    @Provide
    Arbitrary<byte[]> validFrames() {
        List<byte[]> samples = new ArrayList<>();
        ConcertSamples.REQUESTS.forEach(s -> samples.add(ConcertSamples.bytes(s)));
        ConcertSamples.ANSWERS.forEach(s -> samples.add(ConcertSamples.bytes(s)));
        samples.add(ConcertSamples.bytes("CZ0040320AE00210ZT017CK003100AK004QUJD"));
        return Arbitraries.of(samples);
    }

    /** One edit of a frame. */
    record Mutation(int kind, int position, byte value) {
        byte[] apply(byte[] frame) {
            if (frame.length == 0) {
                return new byte[] {value};
            }
            int at = Math.floorMod(position, frame.length);
            return switch (kind) {
                case 0 -> { // replace one byte
                    byte[] copy = frame.clone();
                    copy[at] = value;
                    yield copy;
                }
                case 1 -> { // insert one byte
                    byte[] copy = new byte[frame.length + 1];
                    System.arraycopy(frame, 0, copy, 0, at);
                    copy[at] = value;
                    System.arraycopy(frame, at, copy, at + 1, frame.length - at);
                    yield copy;
                }
                case 2 -> { // delete one byte
                    byte[] copy = new byte[frame.length - 1];
                    System.arraycopy(frame, 0, copy, 0, at);
                    System.arraycopy(frame, at + 1, copy, at, frame.length - at - 1);
                    yield copy;
                }
                default -> Arrays.copyOf(frame, at); // truncate
            };
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Byte> interesting = Arbitraries.oneOf(Arbitraries.bytes(),
                Arbitraries.of((byte) '0', (byte) '9', (byte) 'Z', (byte) 'A', (byte) 'E', (byte) 0x7F, (byte) ' '));
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 10_000),
                interesting).as(Mutation::new).list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<TlvMessage> messages() {
        Arbitrary<TlvItem> simple = Combinators.combine(unknownTypes(), values(999))
                .as((type, value) -> (TlvItem) new TlvItem.Simple(type, value));
        Arbitrary<TlvItem> ticket = values(200).map(data -> Ticket.ofLines(TicketMode.Copies.CUSTOMER, List.of(data)).toItem());
        return Arbitraries.oneOf(simple, ticket).list().ofMaxSize(12).uniqueElements(TlvItem::type)
                .map(items -> {
                    List<TlvItem> all = new ArrayList<>();
                    all.add(TlvItem.of(ConcertTag.CZ, "0320"));
                    all.addAll(items);
                    return new TlvMessage(all);
                });
    }

    /** Types outside the dictionary and not constructed, so any value is legal for them. */
    private static Arbitrary<String> unknownTypes() {
        return Combinators.combine(Arbitraries.chars().range('A', 'Y'), Arbitraries.chars().range('A', 'Z'))
                .as((a, b) -> "" + a + b)
                .filter(type -> ConcertTag.lookup(type.charAt(0), type.charAt(1)) == null);
    }

    private static Arbitrary<String> values(int max) {
        return Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(max);
    }

    @Provide
    Arbitrary<ConcertAnswer> answers() {
        Arbitrary<String> digits2 = Arbitraries.strings().numeric().ofLength(2);
        return Combinators.combine(
                Arbitraries.strings().numeric().ofLength(4),
                digits2,
                Arbitraries.longs().between(0, 999_999_999_999L).map(ConcertRequest::amountDigits),
                Arbitraries.of(ActionStatus.class),
                Arbitraries.of(StatusComplement.class).map(StatusComplement::code),
                Arbitraries.of(ReadingMode.class),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(10),
                Arbitraries.of("497010******8277", "************0674"))
                .as((cz, ca, cb, ae, af, ci, ac, aa) -> new ConcertAnswer(cz, null, ca, cb, "0", "978", ae,
                        ae == ActionStatus.PERFORMED ? null : af, "001", ci, ac, aa, "1", "A0000000421010", "2704",
                        "1234567", List.of(), List.of()));
    }

}
