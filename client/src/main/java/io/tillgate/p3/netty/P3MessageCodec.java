package io.tillgate.p3.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import io.tillgate.p3.codec.P3Codec;
import io.tillgate.p3.codec.P3DecodingException;
import io.tillgate.p3.codec.P3Message;
import java.util.List;
import java.util.Objects;

/**
 * Framed-TCP payloads ⇄ {@link P3Message}; sits after {@link P3FrameDecoder} / {@link P3FrameEncoder}.
 * A payload that does not decode becomes a {@link P3DecodeFailure} inbound message, so the
 * connection survives a malformed message. Stateless and {@link Sharable}.
 */
@Sharable
public class P3MessageCodec extends MessageToMessageCodec<ByteBuf, P3Message> {

    private final P3Codec codec;

    public P3MessageCodec() {
        this(P3Codec.INSTANCE);
    }

    public P3MessageCodec(P3Codec codec) {
        super(ByteBuf.class, P3Message.class);
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, P3Message message, List<Object> out) {
        out.add(Unpooled.wrappedBuffer(codec.encode(message)));
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf payload, List<Object> out) {
        out.add(decodeOrFailure(codec, payload));
    }

    /** The message in {@code utf8}, or a failure describing why it is not one. */
    static Object decodeOrFailure(P3Codec codec, ByteBuf utf8) {
        try {
            int length = utf8.readableBytes();
            if (utf8.hasArray()) {
                return codec.decode(utf8.array(), utf8.arrayOffset() + utf8.readerIndex(), length);
            }
            return codec.decode(ByteBufUtil.getBytes(utf8, utf8.readerIndex(), length, false));
        } catch (P3DecodingException e) {
            return new P3DecodeFailure(e);
        }
    }
}
