package io.tillgate.testkit;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

/**
 * Drives a front-end's whole pipeline, in an {@link EmbeddedChannel}, with fuzzed bytes cut into
 * fuzzed slices, and holds it to what a front-end owes any peer: every message it writes is one of
 * the protocol's own (its answer or its error), nothing but a declared decoding failure reaches the
 * end of the pipeline, and every buffer it writes is released here, so the testkit's
 * {@link NettyLeakGuard} sees a leak only if the pipeline itself dropped one.
 */
public final class PipelineFuzzing {

    private static final int MAX_QUOTED = 200;

    private PipelineFuzzing() {
    }

    /**
     * Writes the rest of {@code data} to {@code channel} in {@link FuzzedSlices}, runs what each
     * write scheduled, then closes the channel and checks every outbound message.
     *
     * @param isProtocolAnswer says whether the bytes the channel wrote form the protocol's own answer;
     *     called once with all outbound bytes, an empty array when the channel wrote nothing
     */
    public static void feedInSlices(EmbeddedChannel channel, FuzzedDataProvider data, Predicate<byte[]> isProtocolAnswer) {
        List<byte[]> slices = FuzzedSlices.cut(data);
        ByteBuf written = Unpooled.buffer();
        try {
            for (int i = 0; i < slices.size() && channel.isOpen(); i++) {
                channel.writeInbound(Unpooled.wrappedBuffer(slices.get(i)));
                channel.runPendingTasks();
                drain(channel, written);
            }
            channel.close();
            channel.runPendingTasks();
            drain(channel, written);
            channel.checkException();
            byte[] answer = new byte[written.readableBytes()];
            written.readBytes(answer);
            if (!isProtocolAnswer.test(answer)) {
                throw new AssertionError("the channel wrote something other than the protocol's own answer: "
                        + answer.length + " bytes, starting " + printable(answer));
            }
        } finally {
            written.release();
            channel.finishAndReleaseAll();
        }
    }

    /** Moves the outbound buffers to {@code written} and releases them; any other message is a failure. */
    private static void drain(EmbeddedChannel channel, ByteBuf written) {
        for (Object message = channel.readOutbound(); message != null; message = channel.readOutbound()) {
            try {
                if (!(message instanceof ByteBuf buffer)) {
                    throw new AssertionError("the pipeline wrote a " + message.getClass().getName()
                            + " instead of bytes");
                }
                written.writeBytes(buffer, buffer.readerIndex(), buffer.readableBytes());
            } finally {
                ReferenceCountUtil.release(message);
            }
        }
        for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
            ReferenceCountUtil.release(message);
            throw new AssertionError("a message left the end of the pipeline unhandled: " + message.getClass().getName());
        }
    }

    /** The head of an answer, for the failure message: our own output, which never holds card data in clear. */
    private static String printable(byte[] answer) {
        return new String(answer, 0, Math.min(answer.length, MAX_QUOTED), StandardCharsets.ISO_8859_1)
                .replaceAll("[^\\x20-\\x7E]", ".");
    }
}
