package io.tillgate.concert.netty;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.channel.embedded.EmbeddedChannel;
import io.tillgate.concert.codec.TlvDecoder;
import io.tillgate.concert.codec.TlvMessage;
import io.tillgate.testkit.FrameDecoding;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of {@link ConcertFrameDecoder} in each of its modes, over reads cut
 * anywhere with a fuzzed pause after each, a fuzzed maximum, a quiet interval or none, and the
 * completion rule of the mode or none ({@link MessageCompletion#NEVER}).
 *
 * <p>Contract: one connection gives at most one frame, and it is the start of what was received, no
 * longer than the maximum; a non-empty stream always gives its frame (at the latest when the peer
 * closes) unless it grew past the maximum first, which ends in one {@link ConcertFrameTooLongException}
 * and no frame; no buffer is leaked. With the completion rule, a first read that the rule calls
 * complete is the frame, whole.
 */
class ConcertFrameDecoderFuzzTest {

    private static final Duration QUIET = Duration.ofMillis(20);
    /** A request asking for both tickets, so the answer rule has every condition to check. */
    private static final TlvMessage REQUEST = TlvDecoder.decode(
            "CZ0040320CJ012000000000000CA00201CB0041250CD0010CE003978BA0010CK003120".getBytes(StandardCharsets.US_ASCII));

    @FuzzTest
    @DictionaryFile(resourcePath = "concert-frames.dict")
    @Timeout(5)
    void requestMode(FuzzedDataProvider data) {
        checkOneConnection(ConcertFrameDecoder.Mode.REQUEST, data);
    }

    @FuzzTest
    @DictionaryFile(resourcePath = "concert-frames.dict")
    @Timeout(5)
    void answerMode(FuzzedDataProvider data) {
        checkOneConnection(ConcertFrameDecoder.Mode.ANSWER, data);
    }

    private static void checkOneConnection(ConcertFrameDecoder.Mode mode, FuzzedDataProvider data) {
        int maxFrameLength = data.consumeInt(5, 512);
        Duration quiet = data.consumeBoolean() ? QUIET : Duration.ZERO;
        int pauseMillis = data.consumeInt(0, 63);
        MessageCompletion rule = mode == ConcertFrameDecoder.Mode.REQUEST ? MessageCompletion.request()
                : MessageCompletion.answerTo(REQUEST);
        MessageCompletion completion = data.consumeBoolean() ? rule : MessageCompletion.NEVER;
        List<Integer> asked = new ArrayList<>();
        List<Integer> complete = new ArrayList<>();

        FrameDecoding.Result result = FrameDecoding.decode(
                new EmbeddedChannel(new ConcertFrameDecoder(mode, maxFrameLength, quiet, (buffer, from, to) -> {
                    asked.add(to - from);
                    boolean whole = completion.isComplete(buffer, from, to);
                    if (whole) {
                        complete.add(to - from);
                    }
                    return whole;
                })), data, ConcertFrameTooLongException.class, channel -> {
                    channel.advanceTimeBy(pauseMillis, TimeUnit.MILLISECONDS);
                    channel.runScheduledPendingTasks();
                });
        byte[] stream = result.stream();

        assertThat(asked).as("the rule is asked once at most").hasSizeLessThanOrEqualTo(1);
        if (!complete.isEmpty()) {
            assertThat(result.frames()).as("what the rule calls complete is the frame")
                    .singleElement().extracting(frame -> frame.length).isEqualTo(complete.get(0));
        }

        assertThat(result.frames()).as("frames of one connection").hasSizeLessThanOrEqualTo(1);
        if (result.failure() != null) {
            assertThat(result.frames()).isEmpty();
            assertThat(stream.length).isGreaterThan(maxFrameLength);
        } else if (stream.length > 0) {
            assertThat(result.frames()).hasSize(1);
        }
        for (byte[] frame : result.frames()) {
            assertThat(frame.length).isPositive().isLessThanOrEqualTo(maxFrameLength);
            assertThat(stream).startsWith(frame);
        }
    }
}
