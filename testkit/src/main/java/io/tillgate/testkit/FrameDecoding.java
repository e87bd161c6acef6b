package io.tillgate.testkit;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a frame decoder alone in an {@link EmbeddedChannel} over fuzzed bytes in reads cut by
 * {@link FuzzedSlices}, then closes the channel, and returns what came out of it: the frames, as bytes (every buffer is
 * released here), and the decoder's own failure if it declared one. Any other exception escapes.
 */
public final class FrameDecoding {

    /**
     * @param stream every byte written to the channel, in order
     * @param frames the frames in the order the decoder emitted them
     * @param failure the declared exception the decoder raised, or {@code null}; it must raise at most one
     */
    public record Result(byte[] stream, List<byte[]> frames, RuntimeException failure) {
    }

    private FrameDecoding() {
    }

    /** Feeds the rest of {@code data}, cut by {@link FuzzedSlices}, with nothing between the reads. */
    public static Result decode(EmbeddedChannel channel, FuzzedDataProvider data,
            Class<? extends RuntimeException> declared) {
        return decode(channel, data, declared, ignored -> { });
    }

    /**
     * Feeds the rest of {@code data}, cut by {@link FuzzedSlices}.
     *
     * @param afterRead runs after each read, before the frames are collected (to move a clock, say)
     */
    public static Result decode(EmbeddedChannel channel, FuzzedDataProvider data,
            Class<? extends RuntimeException> declared, Consumer<EmbeddedChannel> afterRead) {
        List<byte[]> reads = FuzzedSlices.cut(data);
        byte[] stream = FuzzedSlices.joined(reads);
        List<byte[]> frames = new ArrayList<>();
        RuntimeException failure = null;
        try {
            for (byte[] read : reads) {
                try {
                    // A copy: a decoder's cumulation may take a wrapped read as its buffer and write into it.
                    channel.writeInbound(Unpooled.copiedBuffer(read));
                    afterRead.accept(channel);
                    channel.checkException();
                } catch (RuntimeException e) {
                    if (!declared.isInstance(e)) {
                        throw e;
                    }
                    if (failure != null) {
                        throw new AssertionError("the decoder failed twice; after its first failure it must drop"
                                + " its input", e);
                    }
                    failure = e;
                }
                collect(channel, frames);
            }
            channel.finish();
            collect(channel, frames);
        } finally {
            channel.finishAndReleaseAll();
        }
        return new Result(stream, frames, failure);
    }

    private static void collect(EmbeddedChannel channel, List<byte[]> frames) {
        for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
            try {
                if (!(message instanceof ByteBuf frame)) {
                    throw new AssertionError("a frame decoder emitted a " + message.getClass().getName());
                }
                frames.add(ByteBufUtil.getBytes(frame));
            } finally {
                ReferenceCountUtil.release(message);
            }
        }
    }
}
