package io.tillgate.p3.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Splits a TCP byte stream into P3 frame payloads (docs/protocols/p3.md §1.3).
 *
 * <pre>
 *  byte 0        1        2        3        4 ...            4 + length
 * +--------+--------+--------+--------+=========================+
 * |  length: unsigned 32-bit,         |  payload: one JSON      |
 * |  big-endian, payload bytes only   |  message in UTF-8       |
 * +--------+--------+--------+--------+=========================+
 *
 *  BEFORE DECODE (4 + 107 bytes)              AFTER DECODE (107 bytes)
 * +-------------+----------------------+      +----------------------+
 * | 00 00 00 6B | {"type":"ABORT_TR... | ---> | {"type":"ABORT_TR... |
 * +-------------+----------------------+      +----------------------+
 * </pre>
 *
 * <p>The prefix counts bytes of the payload only, not itself, and not characters. Frames may be
 * split across reads or share one; the decoder emits one retained slice per complete payload.
 *
 * <p>The length is read as <em>unsigned</em>: {@code FF FF FF FF} is 4,294,967,295 bytes, not
 * -1. Any length above the maximum fails as soon as the 4 prefix bytes are in — the body is never
 * awaited — with a {@link P3FrameTooLongException} through {@code exceptionCaught}; everything
 * received afterwards is discarded, and the handler is expected to close the connection.
 *
 * <p>A length of 0 is passed on as an empty payload; it is not JSON, so the message codec turns
 * it into a PARAMETER_INVALID {@link P3DecodeFailure} and the connection stays usable.
 */
public class P3FrameDecoder extends ByteToMessageDecoder {

    /** 1 MiB, the project default (docs/protocols/p3.md §1.3). */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 1024 * 1024;

    /** Size of the length prefix. */
    public static final int LENGTH_FIELD_LENGTH = 4;

    private final int maxFrameLength;
    private boolean failed;

    public P3FrameDecoder() {
        this(DEFAULT_MAX_FRAME_LENGTH);
    }

    /**
     * @param maxFrameLength largest accepted payload in bytes, prefix not included
     */
    public P3FrameDecoder(int maxFrameLength) {
        this.maxFrameLength = checkMaxFrameLength(maxFrameLength);
    }

    static int checkMaxFrameLength(int maxFrameLength) {
        if (maxFrameLength < 0 || maxFrameLength > Integer.MAX_VALUE - LENGTH_FIELD_LENGTH) {
            throw new IllegalArgumentException("maxFrameLength must be between 0 and "
                    + (Integer.MAX_VALUE - LENGTH_FIELD_LENGTH) + ": " + maxFrameLength);
        }
        return maxFrameLength;
    }

    public int maxFrameLength() {
        return maxFrameLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < LENGTH_FIELD_LENGTH) {
            return;
        }
        long length = in.getUnsignedInt(in.readerIndex());
        if (length > maxFrameLength) {
            failTooLong(in, length);
        }
        if (in.readableBytes() - LENGTH_FIELD_LENGTH < length) {
            return;
        }
        in.skipBytes(LENGTH_FIELD_LENGTH);
        out.add(in.readRetainedSlice((int) length));
    }

    private void failTooLong(ByteBuf in, long length) {
        failed = true;
        in.skipBytes(in.readableBytes());
        throw new P3FrameTooLongException(length, maxFrameLength);
    }
}
