package io.tillgate.p3.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.tillgate.p3.netty.P3DecodeFailure;
import io.tillgate.p3.netty.P3WebSocketCodec;
import io.tillgate.testkit.DecoderContract;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of {@link P3Codec}: bytes as framed TCP hands them over, and the same
 * text as a WebSocket text message does.
 *
 * <p>Contract: any bytes decode to a {@link P3Message} or are refused with a
 * {@link P3DecodingException}, within the timeout; a message that decodes encodes to JSON that
 * decodes to an equal message, as bytes (framed TCP) and as text (WebSocket), and a refusal's
 * ERROR response (what the server answers) is a message the POS decodes. When the bytes are UTF-8,
 * decoding them as a string gives the same outcome: an equal message, or a refusal too. A
 * refusal's message names its problem and its field; what the server and the client read from a
 * message reads (see {@link #checkReadings}). The PayServer's WebSocket codec reads the same bytes
 * in a text frame to the same message or refusal. Seeds: {@code P3CodecFuzzTestInputs/decode/},
 * replayed by every build.
 */
class P3CodecFuzzTest {

    private final P3Codec codec = P3Codec.INSTANCE;

    @FuzzTest
    @DictionaryFile(resourcePath = "p3.dict")
    @Timeout(5)
    void decode(byte[] json) {
        AtomicReference<Optional<P3Message>> errorResponse = new AtomicReference<>();
        Optional<P3Message> message = DecoderContract.valueOrDeclared(() -> codec.decode(json),
                P3DecodingException.class, refused -> {
                    assertThat(refused.problem()).as("the problem of a refusal").isNotBlank();
                    assertThat(refused.getMessage()).as("a refusal's message").contains(refused.problem())
                            .contains(Objects.toString(refused.field(), ""));
                    refused.errorResponse().ifPresent(answer -> DecoderContract.roundTrips(answer, codec::encode,
                            codec::decode));
                    errorResponse.set(refused.errorResponse());
                });
        message.ifPresent(value -> {
            DecoderContract.roundTrips(value, codec::encode, codec::decode);
            DecoderContract.roundTrips(value, codec::encodeToString, codec::decode);
            checkReadings(value);
        });
        utf8(json).ifPresent(text -> assertThat(DecoderContract.valueOrDeclared(() -> codec.decode(text),
                P3DecodingException.class)).as("the same JSON as text").isEqualTo(message));
        checkWebSocketFrame(json, message, errorResponse.get());
    }

    /**
     * The same bytes in a WebSocket text frame, through the PayServer's {@link P3WebSocketCodec}:
     * the message, which it writes back as a frame that decodes to it, or a failure whose ERROR
     * response is the refusal's.
     */
    private void checkWebSocketFrame(byte[] json, Optional<P3Message> message, Optional<P3Message> errorResponse) {
        EmbeddedChannel channel = new EmbeddedChannel(new P3WebSocketCodec());
        try {
            channel.writeInbound(new TextWebSocketFrame(Unpooled.wrappedBuffer(json)));
            Object read = channel.readInbound();
            if (message.isPresent()) {
                assertThat(read).as("the message read from a frame").isEqualTo(message.get());
                channel.writeOutbound(message.get());
                TextWebSocketFrame written = channel.readOutbound();
                try {
                    assertThat(codec.decode(ByteBufUtil.getBytes(written.content()))).as("the frame written")
                            .isEqualTo(message.get());
                } finally {
                    written.release();
                }
            } else {
                assertThat(read).as("what a frame that does not decode gives").isInstanceOf(P3DecodeFailure.class);
                assertThat(((P3DecodeFailure) read).errorResponse()).isEqualTo(errorResponse);
            }
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    /**
     * What the server and the client read from a message: a status exactly when its kind has one,
     * an error exactly when the status is ERROR, whose type is known by its code or not at all; the
     * device it is addressed to, which names its resource again; and its text, which depends on
     * neither the merchant secret nor the signature, only on whether there is one and how long the
     * signature is.
     */
    private static void checkReadings(P3Message message) {
        assertThat(message.status() != null).as("a status").isEqualTo(message.type().kind().hasStatus());
        assertThat(message.isError()).as("an error").isEqualTo(message.error() != null);
        if (message.error() != null) {
            message.error().knownType().ifPresent(known -> assertThat(known.code()).isEqualTo(message.error().type()));
        }
        message.deviceIdentifier().ifPresent(device -> assertThat(P3Message.deviceResource(device))
                .as("the device's resource").isEqualTo(message.resource()));
        if (message.body() instanceof LoginMerchantRequest login && login.merchantSecret() != null) {
            assertThat(login.toString()).as("a login's text").isEqualTo(
                    new LoginMerchantRequest(login.providerMode(), login.merchantIdentifier(), "x").toString());
        }
        if (message.body() instanceof SubmitSignatureRequest submit && submit.signature() != null) {
            assertThat(submit.toString()).as("a signature's text").isEqualTo(new SubmitSignatureRequest(
                    "x".repeat(submit.signature().length()), submit.signatureOnReceipt()).toString());
        }
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }
}
