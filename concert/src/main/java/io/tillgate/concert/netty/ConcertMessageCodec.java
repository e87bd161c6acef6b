package io.tillgate.concert.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import io.tillgate.concert.codec.TlvDecoder;
import io.tillgate.concert.codec.TlvEncoder;
import io.tillgate.concert.codec.TlvMessage;
import java.util.List;

/**
 * Frames from {@link ConcertFrameDecoder} ⇄ {@link TlvMessage}s. A frame that does not decode
 * reaches {@code exceptionCaught} as a {@code DecoderException} whose cause is the
 * {@link io.tillgate.concert.codec.ConcertDecodingException}. An outgoing message becomes one
 * buffer, so it leaves in one write as the protocol requires.
 */
public class ConcertMessageCodec extends MessageToMessageCodec<ByteBuf, TlvMessage> {

    @Override
    protected void encode(ChannelHandlerContext ctx, TlvMessage msg, List<Object> out) {
        out.add(Unpooled.wrappedBuffer(TlvEncoder.encode(msg)));
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        byte[] bytes = ByteBufUtil.getBytes(frame);
        out.add(TlvDecoder.decode(bytes));
    }
}
