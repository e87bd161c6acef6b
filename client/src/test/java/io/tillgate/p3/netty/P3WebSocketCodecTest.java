package io.tillgate.p3.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.tillgate.p3.codec.AbortTransactionResponse;
import io.tillgate.p3.codec.P3ErrorType;
import io.tillgate.p3.codec.P3Message;
import io.tillgate.p3.codec.P3Samples;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One P3 message per WebSocket text message, continuation frames aggregated first. */
@Timeout(10)
class P3WebSocketCodecTest {

    private static EmbeddedChannel channel() {
        return new EmbeddedChannel(new ChannelInitializer<EmbeddedChannel>() {
            @Override
            protected void initChannel(EmbeddedChannel ch) {
                P3Pipelines.addWebSocketCodec(ch.pipeline(), 64 * 1024);
            }
        });
    }

    @Test
    void textFrameDecodes() {
        EmbeddedChannel channel = channel();

        channel.writeInbound(new TextWebSocketFrame(P3Samples.UPDATE_EURO_229));

        P3Message message = channel.readInbound();
        assertThat(message.body().toString()).contains("5,00 €");
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void fragmentedTextIsAggregatedIntoOneMessage() {
        EmbeddedChannel channel = channel();
        byte[] utf8 = P3Samples.utf8(P3Samples.UPDATE_EURO_229);
        int euro = P3Samples.UPDATE_EURO_229.indexOf('€');
        int split = P3Samples.UPDATE_EURO_229.substring(0, euro).getBytes(StandardCharsets.UTF_8).length + 1;

        channel.writeInbound(new TextWebSocketFrame(false, 0, Unpooled.wrappedBuffer(utf8, 0, split)));
        channel.writeInbound(new ContinuationWebSocketFrame(true, 0,
                Unpooled.wrappedBuffer(utf8, split, utf8.length - split)));

        P3Message message = channel.readInbound();
        assertThat(P3Samples.UPDATE_EURO_229).contains(message.tag());
        assertThat(message.body().toString()).contains("5,00 €");
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void malformedTextYieldsAFailureAndTheConnectionStays() {
        EmbeddedChannel channel = channel();

        channel.writeInbound(new TextWebSocketFrame("{\"type\":\"LOGIN_MERCHANT_REQUEST\",\"tag\":\"t1\"}"));
        channel.writeInbound(new TextWebSocketFrame(P3Samples.QUERY));

        P3DecodeFailure failure = channel.readInbound();
        assertThat(failure.cause().errorType()).isEqualTo(P3ErrorType.PARAMETER_MISSING);
        assertThat(failure.cause().field()).isEqualTo("loginMerchantRequest");
        assertThat(failure.errorResponse().orElseThrow().tag()).isEqualTo("t1");
        assertThat((Object) channel.readInbound()).isInstanceOf(P3Message.class);
        assertThat(channel.isOpen()).isTrue();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void encodesOneTextFrame() {
        EmbeddedChannel channel = channel();

        channel.writeOutbound(P3Message.ok("t3", "devices/usbReader", new AbortTransactionResponse()));

        TextWebSocketFrame frame = channel.readOutbound();
        try {
            assertThat(frame.text()).isEqualTo("{\"type\":\"ABORT_TRANSACTION_RESPONSE\",\"tag\":\"t3\","
                    + "\"resource\":\"devices/usbReader\",\"status\":\"OK\",\"abortTransactionResponse\":{}}");
        } finally {
            frame.release();
        }
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void binaryFramesPassThroughUntouched() {
        EmbeddedChannel channel = channel();

        channel.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1, 2})));

        BinaryWebSocketFrame frame = channel.readInbound();
        assertThat(frame.content().readableBytes()).isEqualTo(2);
        frame.release();
        assertThat(channel.finish()).isFalse();
    }
}
