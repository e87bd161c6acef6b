package io.tillgate.p3.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.util.concurrent.FastThreadLocal;
import io.tillgate.p3.codec.P3Codec;
import io.tillgate.p3.codec.P3DecodingException;
import io.tillgate.p3.codec.P3Message;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Framed-TCP payloads ⇄ {@link P3Message}; sits after {@link P3FrameDecoder} / {@link P3FrameEncoder}.
 * A payload that does not decode becomes a {@link P3DecodeFailure} inbound message, so the
 * connection survives a malformed message. Stateless and {@link Sharable}.
 */
@Sharable
public class P3MessageCodec extends MessageToMessageCodec<ByteBuf, P3Message> {

    /** Frames up to this size are read through a per-thread array; larger ones get their own. */
    private static final int MAX_SCRATCH = 64 * 1024;

    private static final FastThreadLocal<byte[]> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected byte[] initialValue() {
            return new byte[4096];
        }
    };

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
        out.add(encodePooled(codec, ctx.alloc(), message));
    }

    /**
     * The message's JSON in a buffer of the channel's allocator (pooled and direct by default): the
     * socket writes it as it is, where a heap array would be copied into a direct buffer first.
     */
    static ByteBuf encodePooled(P3Codec codec, ByteBufAllocator allocator, P3Message message) {
        ByteBuf json = allocator.buffer();
        try {
            codec.encode(message, new ByteBufOutputStream(json));
            return json;
        } catch (IOException | RuntimeException e) {
            json.release();
            throw new EncoderException("cannot write " + message.type() + " as JSON", e);
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf payload, List<Object> out) {
        out.add(decodeOrFailure(codec, payload));
    }

    /**
     * The message in {@code utf8}, or a failure describing why it is not one. A direct buffer is
     * read through this thread's scratch array (the codec keeps no reference to it) rather than a
     * fresh copy per message.
     */
    static Object decodeOrFailure(P3Codec codec, ByteBuf utf8) {
        try {
            int length = utf8.readableBytes();
            if (utf8.hasArray()) {
                return codec.decode(utf8.array(), utf8.arrayOffset() + utf8.readerIndex(), length);
            }
            byte[] bytes = length <= MAX_SCRATCH ? scratch(length) : new byte[length];
            utf8.getBytes(utf8.readerIndex(), bytes, 0, length);
            return codec.decode(bytes, 0, length);
        } catch (P3DecodingException e) {
            return new P3DecodeFailure(e);
        }
    }

    private static byte[] scratch(int length) {
        byte[] bytes = SCRATCH.get();
        if (bytes.length < length) {
            bytes = new byte[Math.max(length, Math.min(MAX_SCRATCH, bytes.length * 2))];
            SCRATCH.set(bytes);
        }
        return bytes;
    }
}
