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
 * timeout, amount in its currency) read or are refused with an {@link IppDecodingException}. Its
 * properties read the same by position and by name, equal their copy (hash code included), and
 * show neither the password nor binary values in their text.
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
            assertThat(copy).as("the copy").isEqualTo(message.properties()).hasSameHashCodeAs(message.properties());
            checkProperties(message.properties());
            DecoderContract.valueOrDeclared(() -> typedValues(message), IppDecodingException.class);
        });
    }

    /**
     * Each property reads the same by position and by name; a fingerprint list splits into
     * fingerprints that join back into it; the text of the properties shows binary values as their
     * length and never the password.
     */
    private static void checkProperties(IppProperties properties) {
        String text = properties.toString();
        for (int i = 0; i < properties.size(); i++) {
            String name = properties.name(i);
            if (properties.value(i) instanceof byte[] bytes) {
                assertThat(properties.bytes(name)).as(name).isEqualTo(bytes);
                assertThat(text).contains(name + "=<" + bytes.length + " bytes>");
                if (IppNames.layout(name) == IppValueLayout.FINGERPRINT_LIST) {
                    assertThat(IppCodec.chain(IppCodec.fingerprints(bytes))).as(name).isEqualTo(bytes);
                }
            } else {
                assertThat(properties.text(name)).as(name).isEqualTo(properties.value(i));
            }
        }
        String password = properties.text(IppNames.PASSWORD);
        if (password != null) {
            assertThat(text).contains(IppNames.PASSWORD + "=***");
            if (!password.isEmpty() && !password.startsWith("*")) {
                assertThat(text).doesNotContain(IppNames.PASSWORD + "=" + password);
            }
        }
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
