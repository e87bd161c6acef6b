package io.tillgate.ipp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tillgate.testkit.DecoderContract;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of the slave-mode host relay frames (docs/protocols/ipp.md §9): a terminal's frame as
 * the caller reads it, and the caller's STAGE 4 reply carrying a fuzzed host answer.
 *
 * <p>Contract: the terminal's frame decodes to an {@link IppResponse} or is refused with an
 * {@link IppDecodingException}, within the timeout. When it is a STAGE 4 relay request with DATA,
 * DATA's prefix counts itself, so the host request is the DATA value with the payload the prefix
 * announces. Whatever the host answers (2-byte length, then that many bytes), the reply built
 * from it as the driver builds it encodes to a frame the terminal decodes with METHOD, SID and
 * STAGE echoed and DATA holding the host's bytes verbatim, prefix included.
 */
class IppHostRelayFuzzTest {

    /** Host answers are a few hundred bytes; this leaves room for the rest of the reply in 64 KiB. */
    private static final int MAX_HOST_ANSWER = 4096;

    @FuzzTest
    @DictionaryFile(resourcePath = "ipp.dict")
    @Timeout(5)
    void relay(FuzzedDataProvider data) {
        byte[] hostAnswer = IppCodec.lengthPrefixed(data.consumeBytes(data.consumeInt(0, MAX_HOST_ANSWER)), false);
        byte[] terminalFrame = data.consumeRemainingAsBytes();

        DecoderContract.valueOrDeclared(() -> IppCodec.decodeResponse(terminalFrame), IppDecodingException.class)
                .filter(request -> request.properties().has(IppNames.STAGE) && request.stage() == IppStage.HOST_RELAY
                        && request.properties().has(IppNames.DATA))
                .ifPresent(request -> {
                    byte[] hostRequest = request.properties().bytes(IppNames.DATA);
                    int prefix = ((hostRequest[0] & 0xFF) << 8) | (hostRequest[1] & 0xFF);
                    assertThat(IppCodec.payload(hostRequest)).as("the host request").hasSize(prefix - 2);

                    IppRequest reply = new IppRequest(IppProperties.builder()
                            .text(IppNames.METHOD, request.text(IppNames.METHOD))
                            .text(IppNames.VERSION, request.text(IppNames.VERSION))
                            .text(IppNames.SID, request.text(IppNames.SID))
                            .text(IppNames.STATUS, "0").integer(IppNames.STAGE, IppStage.HOST_RELAY.code())
                            .bytes(IppNames.DATA, hostAnswer).build());
                    IppRequest received = IppCodec.decodeRequest(DecoderContract.roundTrips(reply, IppCodec::encode,
                            IppCodec::decodeRequest));
                    assertThat(received.properties().bytes(IppNames.DATA)).as("the relayed answer").isEqualTo(hostAnswer);
                    assertThat(received.text(IppNames.SID)).isEqualTo(request.text(IppNames.SID));
                    assertThat(received.stage()).isEqualTo(IppStage.HOST_RELAY);
                });
    }
}
