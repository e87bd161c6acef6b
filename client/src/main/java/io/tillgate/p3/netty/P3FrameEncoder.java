package io.tillgate.p3.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/**
 * Prefixes each outbound payload with its length as an unsigned 32-bit big-endian integer (see
 * {@link P3FrameDecoder} for the layout). The payload is not copied: prefix and payload go out as
 * one composite buffer. A payload above the maximum fails the write, so Tillgate never sends a
 * frame its peer is bound to reject.
 */
@Sharable
public class P3FrameEncoder extends MessageToMessageEncoder<ByteBuf> {

    private final int maxFrameLength;

    public P3FrameEncoder() {
        this(P3FrameDecoder.DEFAULT_MAX_FRAME_LENGTH);
    }

    /**
     * @param maxFrameLength largest payload in bytes, prefix not included
     */
    public P3FrameEncoder(int maxFrameLength) {
        super(ByteBuf.class);
        this.maxFrameLength = P3FrameDecoder.checkMaxFrameLength(maxFrameLength);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ByteBuf payload, List<Object> out) {
        int length = payload.readableBytes();
        if (length > maxFrameLength) {
            throw new EncoderException("P3 frame of " + length + " payload bytes exceeds the maximum of "
                    + maxFrameLength);
        }
        ByteBuf prefix = ctx.alloc().buffer(P3FrameDecoder.LENGTH_FIELD_LENGTH).writeInt(length);
        CompositeByteBuf frame = ctx.alloc().compositeBuffer(2);
        frame.addComponents(true, prefix, payload.retain());
        out.add(frame);
    }
}
