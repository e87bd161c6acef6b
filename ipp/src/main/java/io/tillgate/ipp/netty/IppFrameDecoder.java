package io.tillgate.ipp.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.tillgate.ipp.codec.IppCodec;
import java.util.List;

/**
 * Splits a TCP byte stream into whole IPP frames (docs/protocols/ipp.md §1).
 *
 * <pre>
 *  byte 0        1        2 ...                          length
 * +--------+--------+=====================================+
 * |  length: uint16 |  PROTOCOL=IPP\r\n NAME=VALUE\r\n ... |
 * |  BE, itself too |                                     |
 * +--------+--------+=====================================+
 *
 *  BEFORE DECODE (0x67 = 103 bytes)             AFTER DECODE (103 bytes, header kept)
 * +-------+-----------------------------+      +-------+-----------------------------+
 * | 00 67 | PROTOCOL=IPP\r\nVERSION=... | ---> | 00 67 | PROTOCOL=IPP\r\nVERSION=... |
 * +-------+-----------------------------+      +-------+-----------------------------+
 * </pre>
 *
 * <p>The header counts its own two bytes, so a header below 3 cannot be a frame. The emitted
 * retained slice keeps the header because the codec checks it. A header below 3 raises a
 * {@link CorruptedFrameException}, one above the maximum a {@link TooLongFrameException}, as soon
 * as the 2 header bytes are in; the stream cannot be resynchronised after either, so everything
 * received afterwards is discarded and the handler is expected to answer and close.
 */
public class IppFrameDecoder extends ByteToMessageDecoder {

    private final int maxFrameLength;
    private boolean failed;

    public IppFrameDecoder() {
        this(IppCodec.MAX_FRAME_LENGTH);
    }

    /** @param maxFrameLength the largest accepted frame in bytes, header included (3 to 65,535) */
    public IppFrameDecoder(int maxFrameLength) {
        if (maxFrameLength < 3 || maxFrameLength > IppCodec.MAX_FRAME_LENGTH) {
            throw new IllegalArgumentException("maxFrameLength must be between 3 and " + IppCodec.MAX_FRAME_LENGTH
                    + ": " + maxFrameLength);
        }
        this.maxFrameLength = maxFrameLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < IppCodec.HEADER_LENGTH) {
            return;
        }
        int length = in.getUnsignedShort(in.readerIndex());
        if (length < IppCodec.HEADER_LENGTH + 1) {
            fail(in, new CorruptedFrameException("IPP header " + length + " is below 3; it counts its own 2 bytes"));
        }
        if (length > maxFrameLength) {
            fail(in, new TooLongFrameException("IPP frame of " + length + " bytes exceeds the maximum of "
                    + maxFrameLength));
        }
        if (in.readableBytes() < length) {
            return;
        }
        out.add(in.readRetainedSlice(length));
    }

    private void fail(ByteBuf in, RuntimeException failure) {
        failed = true;
        in.skipBytes(in.readableBytes());
        throw failure;
    }
}
