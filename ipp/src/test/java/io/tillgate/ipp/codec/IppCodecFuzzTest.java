package io.tillgate.ipp.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tillgate.testkit.DecoderContract;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of {@link IppCodec}, reading frames of either direction.
 *
 * <p>Contract: any bytes decode to an {@link IppRequest} (as the terminal reads them) or an
 * {@link IppResponse} (as the caller does), or are refused with an {@link IppDecodingException},
 * within the timeout. A message that decodes encodes back to the very bytes it came from (relays
 * copy frames verbatim), and its properties copied into a new message, as the front-end and the
 * driver build theirs, encode to those bytes too. Its typed values (method, version, stage, status,
 * timeout, amount in its currency) read or are refused with an {@link IppDecodingException}.
 */
class IppCodecFuzzTest {

    @FuzzTest
    @DictionaryFile(resourcePath = "ipp.dict")
    @Timeout(5)
    void decode(FuzzedDataProvider data) {
        boolean fromTerminal = data.consumeBoolean();
        byte[] frame = data.consumeRemainingAsBytes();
        Function<byte[], IppMessage> decode = bytes -> IppCodec.decode(bytes, fromTerminal);

        DecoderContract.valueOrDeclared(() -> decode.apply(frame), IppDecodingException.class).ifPresent(message -> {
            assertThat(DecoderContract.roundTrips(message, IppCodec::encode, decode)).isEqualTo(frame);
            IppProperties copy = IppProperties.builder().putAll(message.properties()).build();
            IppMessage rebuilt = fromTerminal ? new IppResponse(copy) : new IppRequest(copy);
            assertThat(DecoderContract.roundTrips(rebuilt, IppCodec::encode, decode)).isEqualTo(frame);
            DecoderContract.valueOrDeclared(() -> typedValues(message), IppDecodingException.class);
        });
    }

    /** What the front-end and the driver read from a message: its method, version, stage, status, amount. */
    private static List<Object> typedValues(IppMessage message) {
        List<Object> values = new ArrayList<>(List.of(message.method(), message.version()));
        if (message instanceof IppResponse response) {
            values.addAll(List.of(response.stage(), response.status(), response.timeoutSeconds()));
        } else if (message.properties().has(IppNames.STAGE)) {
            values.add(((IppRequest) message).stage());
        }
        if (message.properties().has(IppNames.AMOUNT)) {
            values.add(IppAmount.parse(IppNames.AMOUNT, message.text(IppNames.AMOUNT),
                    IppAmount.currency(message.text(IppNames.CURRENCY))));
        }
        return values;
    }
}
