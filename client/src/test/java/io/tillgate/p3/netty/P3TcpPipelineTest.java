package io.tillgate.p3.netty;

import static io.tillgate.p3.netty.P3FrameDecoderTest.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import io.tillgate.p3.codec.AbortTransactionRequest;
import io.tillgate.p3.codec.P3ErrorType;
import io.tillgate.p3.codec.P3Message;
import io.tillgate.p3.codec.P3MessageType;
import io.tillgate.p3.codec.P3Samples;
import io.tillgate.p3.codec.QueryTransactionRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The whole framed-TCP pipeline as server and client build it through {@link P3Pipelines}. */
@Timeout(10)
class P3TcpPipelineTest {

    private static EmbeddedChannel channel(int maxFrameLength) {
        return new EmbeddedChannel(new ChannelInitializer<EmbeddedChannel>() {
            @Override
            protected void initChannel(EmbeddedChannel ch) {
                P3Pipelines.addTcpCodec(ch.pipeline(), maxFrameLength);
            }
        });
    }

    private static byte[] written(EmbeddedChannel channel) {
        ByteBuf out = channel.readOutbound();
        try {
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    @Test
    void pipelineHasTheNamedHandlers() {
        EmbeddedChannel channel = channel(1024);

        assertThat(channel.pipeline().names()).containsSubsequence(
                P3Pipelines.FRAME_DECODER, P3Pipelines.FRAME_ENCODER, P3Pipelines.MESSAGE_CODEC);
        channel.finish();
    }

    @Test
    void encodesTheDocumentedWireBytes() {
        EmbeddedChannel channel = channel(P3FrameDecoder.DEFAULT_MAX_FRAME_LENGTH);

        channel.writeOutbound(P3Message.request(AbortTransactionRequest.any(), "t3", "devices/usbReader"));

        byte[] wire = written(channel);
        assertThat(wire).hasSize(4 + 107);
        assertThat(ByteBufUtil.hexDump(wire, 0, 20)).isEqualTo("0000006b7b2274797065223a2241424f52545f54");
        assertThat(new String(wire, 4, 107, StandardCharsets.UTF_8)).isEqualTo(P3Samples.ABORT_REQUEST_107);
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void euroUpdateRoundTripsWithPrefixE5() {
        EmbeddedChannel channel = channel(P3FrameDecoder.DEFAULT_MAX_FRAME_LENGTH);
        channel.writeInbound(frame(P3Samples.UPDATE_EURO_229));
        P3Message message = channel.readInbound();

        channel.writeOutbound(message);

        byte[] wire = written(channel);
        assertThat(ByteBufUtil.hexDump(wire, 0, 4)).isEqualTo("000000e5");
        assertThat(wire).isEqualTo(ByteBufUtil.getBytes(frame(P3Samples.UPDATE_EURO_229)));
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void badJsonInAGoodFrameYieldsAFailureAndTheNextFrameStillDecodes() {
        EmbeddedChannel channel = channel(P3FrameDecoder.DEFAULT_MAX_FRAME_LENGTH);

        channel.writeInbound(Unpooled.wrappedBuffer(
                frame("{\"type\":\"EXECUTE_TRANSACTION_REQUEST\",\"tag\":\"t2\",\"resource\":\"devices/d\","
                        + "\"executeTransactionRequest\":{\"transactionParameters\":{\"amount\":{}}}}"),
                frame("{not json"),
                frame(""),
                frame(P3Samples.QUERY)));

        P3DecodeFailure badAmount = channel.readInbound();
        assertThat(badAmount.cause().errorType()).isEqualTo(P3ErrorType.PARAMETER_INVALID);
        assertThat(badAmount.cause().field()).isEqualTo("executeTransactionRequest.transactionParameters.amount");
        P3Message answer = badAmount.errorResponse().orElseThrow();
        assertThat(answer.type()).isEqualTo(P3MessageType.EXECUTE_TRANSACTION_RESPONSE);
        assertThat(answer.tag()).isEqualTo("t2");
        assertThat(answer.resource()).isEqualTo("devices/d");

        P3DecodeFailure notJson = channel.readInbound();
        assertThat(notJson.cause().field()).isEmpty();
        assertThat(notJson.errorResponse()).isEmpty();

        P3DecodeFailure empty = channel.readInbound();
        assertThat(empty.cause().errorType()).isEqualTo(P3ErrorType.PARAMETER_INVALID);
        assertThat(empty.cause().getMessage()).isEqualTo("message is empty");

        P3Message query = channel.readInbound();
        assertThat(query.body()).isEqualTo(QueryTransactionRequest.byTag("t2"));
        assertThat(channel.isOpen()).isTrue();
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void directBuffersDecodeToo() {
        EmbeddedChannel channel = channel(P3FrameDecoder.DEFAULT_MAX_FRAME_LENGTH);
        ByteBuf heap = frame(P3Samples.QUERY);
        ByteBuf direct = Unpooled.directBuffer(heap.readableBytes()).writeBytes(heap);
        heap.release();

        channel.writeInbound(direct);

        P3Message query = channel.readInbound();
        assertThat(query.tag()).isEqualTo("t9");
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void overLimitFrameRaisesInsteadOfWaitingForTheBody() {
        EmbeddedChannel channel = channel(64);

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 65, '{'})))
                .isInstanceOf(P3FrameTooLongException.class);
        channel.finishAndReleaseAll();
    }

    @Test
    void oversizedOutboundMessageFailsTheWrite() {
        EmbeddedChannel channel = channel(32);

        assertThatThrownBy(() -> channel.writeOutbound(
                P3Message.request(QueryTransactionRequest.byTag("t2"), "t9", "/")))
                .isInstanceOf(EncoderException.class)
                .hasMessageContaining("exceeds the maximum of 32");
        assertThat((Object) channel.readOutbound()).isNull();
        channel.finishAndReleaseAll();
    }
}
