package io.tillgate.ipp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Whatever bytes arrive, the codec either decodes them or raises its own
 * {@link IppDecodingException}; and what it encodes it decodes back to the same message.
 */
class IppCodecPropertiesTest {

    private static final List<String> TEXT_NAMES = List.of(IppNames.AMOUNT, IppNames.CURRENCY, IppNames.REFERENCE,
            IppNames.LANG, IppNames.TIMEOUT, IppNames.APPROVAL, IppNames.PAN_MASKED, "X_CUSTOM", "Z9");

    @Property(tries = 2000)
    void randomBytesOnlyEverRaiseTheDecodeException(@ForAll @Size(max = 300) byte[] bytes, @ForAll boolean fromTerminal) {
        decodeOrOwnException(bytes, fromTerminal);
    }

    @Property(tries = 3000)
    void mutatedValidFramesOnlyEverRaiseTheDecodeException(@ForAll("frames") byte[] frame,
            @ForAll("mutations") List<int[]> mutations, @ForAll boolean fromTerminal) {
        byte[] mutated = frame.clone();
        int length = mutated.length;
        for (int[] mutation : mutations) {
            int at = Math.floorMod(mutation[0], length);
            switch (Math.floorMod(mutation[2], 3)) {
                case 0 -> mutated[at] = (byte) mutation[1];
                case 1 -> length = Math.max(0, at);
                default -> mutated[at] = (byte) (mutated[at] ^ (1 << Math.floorMod(mutation[1], 8)));
            }
            if (length == 0) {
                break;
            }
        }
        decodeOrOwnException(java.util.Arrays.copyOf(mutated, length), fromTerminal);
    }

    @Property(tries = 1000)
    void encodeThenDecodeGivesBackTheMessage(@ForAll("responses") IppResponse response) {
        byte[] frame = IppCodec.encode(response);
        assertThat(IppCodec.decodeResponse(frame)).isEqualTo(response);
        assertThat(IppCodec.encode(IppCodec.decodeResponse(frame))).isEqualTo(frame);
    }

    private static void decodeOrOwnException(byte[] bytes, boolean fromTerminal) {
        try {
            IppMessage message = IppCodec.decode(bytes, fromTerminal);
            // Whatever decoded re-encodes to exactly the input.
            assertThat(IppCodec.encode(message)).isEqualTo(bytes);
        } catch (IppDecodingException expected) {
            assertThat(expected.property()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<byte[]> frames() {
        return responses().map(IppCodec::encode);
    }

    @Provide
    Arbitrary<List<int[]>> mutations() {
        return Arbitraries.integers().array(int[].class).ofSize(3).list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<IppResponse> responses() {
        Arbitrary<String> sid = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(40);
        Arbitrary<IppStage> stage = Arbitraries.of(IppStage.class);
        Arbitrary<IppStatus> status = Arbitraries.of(IppStatus.class);
        Arbitrary<List<String>> values = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(20)
                .list().ofSize(TEXT_NAMES.size());
        Arbitrary<byte[]> data = Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
        Arbitrary<List<byte[]>> chain = Arbitraries.bytes().array(byte[].class).ofSize(20).list().ofMaxSize(3);
        return Combinators.combine(sid, stage, status, values, data, chain).as((s, st, su, v, d, c) -> {
            IppProperties.Builder props = IppResponse.start(IppMethod.PURCHASE, 200, s, st, su);
            for (int i = 0; i < TEXT_NAMES.size(); i++) {
                if (!v.get(i).isEmpty() || i % 2 == 0) {
                    props.text(TEXT_NAMES.get(i), v.get(i));
                }
            }
            props.bytes(IppNames.CHAIN, IppCodec.chain(c));
            if (d.length % 2 == 0) {
                props.bytes(IppNames.DATA, IppCodec.lengthPrefixed(d, true));
            }
            return new IppResponse(props.build());
        });
    }
}
