package io.tillgate.concert.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.tillgate.concert.codec.TlvFormat;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Finds the end of the one Concert message a connection carries (docs/protocols/concert.md §1). The wire has no
 * length, terminator or checksum, only TLV items back to back:
 *
 * <pre>
 *  +----+-----+------+----+-----+------+     +----+-----+------+
 *  | CZ | 004 | 0320 | CJ | 012 | 0123…| ... | AE | 002 | 10   |   (no end marker)
 *  +----+-----+------+----+-----+------+     +----+-----+------+
 *   type length value  type length value      type length value
 *   2 B  3 B    L B
 *
 *  BEFORE (reads, split anywhere)                    AFTER (one frame)
 *  +-----------+ +----------------+ +--------+      +-------------------------------------+
 *  | CZ0040320 | | CJ012999999999 | | 999AE0 | ---> | CZ0040320CJ012999999999999AE00210   |
 *  +-----------+ +----------------+ | 0210   |      +-------------------------------------+
 *                                   +--------+   (whole items, then the quiet interval passed)
 * </pre>
 *
 * <p>The message is complete at once when the connection's first read (every byte the socket held,
 * up to {@code channelReadComplete}) is whole items that {@link MessageCompletion} says are the whole
 * message: a request holding every tag its {@code CD} requires, an answer with {@code AE} and what the
 * request asked for. Otherwise it is complete when the buffer holds whole items only and no further
 * byte arrives for the quiet interval (the drain interval of the Project decision); in
 * {@link Mode#ANSWER} the items must also include {@code AE}. It is complete too when the peer closes,
 * whatever the buffer holds (the message decoder then says what is wrong with it). A buffer whose
 * header cannot be a TLV header (type not two letters, length not three digits) is passed on at once,
 * so the error answer is not delayed. Exactly one frame is emitted per connection; later bytes are
 * dropped.
 *
 * <p>More than {@code maxFrameLength} bytes fail with a {@link ConcertFrameTooLongException}
 * through {@code exceptionCaught}, and everything after is dropped.
 */
public class ConcertFrameDecoder extends ChannelInboundHandlerAdapter {

    /** Which side's message this decoder waits for. */
    public enum Mode {
        /** A terminal reading a cash-register request. */
        REQUEST,
        /** A cash register reading a terminal answer: complete only once {@code AE} is in. */
        ANSWER
    }

    /** 16 KiB, the project's answer limit. */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 16 * 1024;

    private final Mode mode;
    private final int maxFrameLength;
    private final long quietNanos;
    private final MessageCompletion completion;

    private ByteBuf buffer;
    /** Readable bytes up to here are whole items already checked. */
    private int scanned;
    private boolean sawStatus;
    private boolean malformed;
    private boolean done;
    /** A read ended without a complete message: the peer writes in pieces, so only silence ends it. */
    private boolean pieces;
    private ScheduledFuture<?> drain;

    /**
     * @param mode which message is awaited
     * @param maxFrameLength largest accepted message, at least one item header
     * @param quietInterval how long no byte may arrive before whole items count as the message; zero
     *     ends the message as soon as the items are whole
     * @param completion when a first read is certainly the whole message; {@link MessageCompletion#NEVER}
     *     to wait for the quiet interval every time
     */
    public ConcertFrameDecoder(Mode mode, int maxFrameLength, Duration quietInterval, MessageCompletion completion) {
        this.mode = Objects.requireNonNull(mode, "mode");
        if (maxFrameLength < TlvFormat.HEADER_LENGTH) {
            throw new IllegalArgumentException("maxFrameLength must be at least " + TlvFormat.HEADER_LENGTH
                    + ": " + maxFrameLength);
        }
        this.maxFrameLength = maxFrameLength;
        Objects.requireNonNull(quietInterval, "quietInterval");
        if (quietInterval.isNegative()) {
            throw new IllegalArgumentException("quietInterval must not be negative: " + quietInterval);
        }
        this.quietNanos = quietInterval.toNanos();
        this.completion = Objects.requireNonNull(completion, "completion");
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf in)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (done) {
                return;
            }
            if (buffer == null) {
                buffer = ctx.alloc().buffer(Math.min(in.readableBytes() * 2, maxFrameLength));
            }
            if (buffer.readableBytes() + in.readableBytes() > maxFrameLength) {
                failTooLong(ctx, buffer.readableBytes() + in.readableBytes());
                return;
            }
            buffer.writeBytes(in);
        } finally {
            ReferenceCountUtil.release(msg);
        }
        cancelDrain();
        scan();
        if (malformed) {
            emit(ctx);
        }
    }

    /** The end of a read: every byte the socket held is in, so this is where the message may end. */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        // zero items, after an empty read, are not a message yet
        if (!done && buffer != null && buffer.isReadable() && scanned == buffer.readableBytes()) {
            int from = buffer.readerIndex();
            if (!pieces && completion.isComplete(buffer, from, from + scanned)) {
                emit(ctx);
            } else if (mode == Mode.REQUEST || sawStatus) {
                cancelDrain();
                if (quietNanos == 0) {
                    emit(ctx);
                } else {
                    drain = ctx.executor().schedule(() -> emit(ctx), quietNanos, TimeUnit.NANOSECONDS);
                }
            }
        }
        if (buffer != null && buffer.isReadable()) {
            pieces = true;
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelDrain();
        if (!done && buffer != null && buffer.isReadable()) {
            emit(ctx);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancelDrain();
        releaseBuffer();
    }

    /** Advances over whole items; stops at a partial one or at bytes that cannot be a header. */
    private void scan() {
        int base = buffer.readerIndex();
        int end = buffer.readableBytes();
        while (end - scanned >= TlvFormat.HEADER_LENGTH) {
            int at = base + scanned;
            byte t1 = buffer.getByte(at);
            byte t2 = buffer.getByte(at + 1);
            int length = TlvFormat.length(buffer.getByte(at + 2), buffer.getByte(at + 3), buffer.getByte(at + 4));
            if (!TlvFormat.isTypeLetter(t1) || !TlvFormat.isTypeLetter(t2) || length <= 0) {
                malformed = true;
                return;
            }
            if (end - scanned - TlvFormat.HEADER_LENGTH < length) {
                return;
            }
            sawStatus |= t1 == 'A' && t2 == 'E';
            scanned += TlvFormat.HEADER_LENGTH + length;
        }
    }

    private void emit(ChannelHandlerContext ctx) {
        if (done) {
            return;
        }
        done = true;
        drain = null;
        ByteBuf frame = buffer;
        buffer = null;
        ctx.fireChannelRead(frame);
    }

    private void failTooLong(ChannelHandlerContext ctx, int length) {
        done = true;
        cancelDrain();
        releaseBuffer();
        ctx.fireExceptionCaught(new ConcertFrameTooLongException(length, maxFrameLength));
    }

    private void cancelDrain() {
        if (drain != null) {
            drain.cancel(false);
            drain = null;
        }
    }

    private void releaseBuffer() {
        if (buffer != null) {
            buffer.release();
            buffer = null;
        }
    }
}
