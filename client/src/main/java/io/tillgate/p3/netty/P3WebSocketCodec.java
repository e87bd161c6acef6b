package io.tillgate.p3.netty;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.tillgate.p3.codec.P3Codec;
import io.tillgate.p3.codec.P3Message;
import java.util.List;
import java.util.Objects;

/**
 * WebSocket text messages ⇄ {@link P3Message}: one P3 message per text message (project decision,
 * docs/protocols/p3.md §1.2). Expects whole messages, so put a {@code WebSocketFrameAggregator} before it (as
 * {@link P3Pipelines#addWebSocketCodec} does); other frame types (binary, control) pass through
 * untouched. Malformed text becomes a {@link P3DecodeFailure} inbound message. Stateless and
 * {@link Sharable}.
 */
@Sharable
public class P3WebSocketCodec extends MessageToMessageCodec<TextWebSocketFrame, P3Message> {

    private final P3Codec codec;

    public P3WebSocketCodec() {
        this(P3Codec.INSTANCE);
    }

    public P3WebSocketCodec(P3Codec codec) {
        super(TextWebSocketFrame.class, P3Message.class);
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, P3Message message, List<Object> out) {
        out.add(new TextWebSocketFrame(P3MessageCodec.encodePooled(codec, ctx.alloc(), message)));
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, TextWebSocketFrame frame, List<Object> out) {
        out.add(P3MessageCodec.decodeOrFailure(codec, frame.content()));
    }
}
