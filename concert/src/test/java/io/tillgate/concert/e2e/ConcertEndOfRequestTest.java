package io.tillgate.concert.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.tillgate.concert.codec.ConcertAnswer;
import io.tillgate.concert.codec.ConcertTag;
import io.tillgate.concert.codec.TlvDecoder;
import io.tillgate.concert.codec.TlvMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The end-of-request rule over real sockets (docs/protocols/concert.md §1, §10): a request that arrives
 * in one write with every tag its action requires is answered at once; one missing a tag, or written
 * in pieces, is answered after the quiet interval. The interval here is long enough that "at once"
 * and "after it" cannot be confused on a busy machine.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConcertEndOfRequestTest {

    private static final Duration QUIET = Duration.ofMillis(1500);
    private static final String HEAD = "CZ0040320CJ012" + "000000000000CA00201";
    private static final String DEBIT = HEAD + "CB0041250CD0010CE003978BA0010";

    @Test
    void aRequestWithEveryRequiredTagIsAnsweredAtOnce() throws Exception {
        try (ConcertEmulator emulator = new ConcertEmulator(config -> config.withTimeouts(QUIET,
                config.idleTimeout()))) {
            for (String request : List.of(HEAD + "CD001I", DEBIT, DEBIT.replace("CD0010", "CD0011"))) {
                RawPos.exchange(emulator.address(), request); // warm: a cold JVM's first answer can take a second
                long start = System.nanoTime();
                String answer = RawPos.exchange(emulator.address(), request);
                assertThat(answer).as(request).startsWith(request + "AE00210");
                assertThat(elapsed(start)).as(request).isLessThan(QUIET.dividedBy(2));
            }
        }
    }

    @Test
    void aRequestMissingOneRequiredTagWaitsForTheQuietInterval() throws Exception {
        try (ConcertEmulator emulator = new ConcertEmulator(config -> config.withTimeouts(QUIET,
                config.idleTimeout()))) {
            String withoutCurrency = DEBIT.replace("CE003978", "");
            long start = System.nanoTime();
            assertThat(RawPos.exchange(emulator.address(), withoutCurrency))
                    .isEqualTo(withoutCurrency + "AE00201AF00209");
            assertThat(elapsed(start)).isGreaterThanOrEqualTo(QUIET);
        }
    }

    @Test
    void withTheRuleOffEveryRequestWaitsForTheQuietInterval() throws Exception {
        try (ConcertEmulator emulator = new ConcertEmulator(config -> config.withTimeouts(QUIET,
                config.idleTimeout()).withQuietIntervalOnly(true))) {
            long start = System.nanoTime();
            assertThat(RawPos.exchange(emulator.address(), HEAD + "CD001I")).isEqualTo(HEAD + "CD001IAE00210");
            assertThat(elapsed(start)).isGreaterThanOrEqualTo(QUIET);
        }
    }

    /**
     * A register writing one item per write, in the driver's order: the tags a debit requires are in
     * after {@code CE}, and {@code BA}, {@code CK} and {@code CF} follow. Its first read (the terminal
     * is warm and the register pauses after {@code CZ}) shows it writes in pieces, so the quiet interval
     * decides, and the answer echoes {@code CF} and carries the two tickets {@code CK} asks for. With
     * Nagle's algorithm the later writes may reach the terminal merged.
     */
    @ParameterizedTest(name = "TCP_NODELAY {0}")
    @ValueSource(booleans = {true, false})
    void itemsWrittenOneByOneAreAssembledIntoOneRequest(boolean noDelay) throws Exception {
        Duration quiet = Duration.ofMillis(400);
        List<String> items = List.of("CZ0040320", "CJ012000000000000", "CA00201", "CB0041250", "CD0010", "CE003978",
                "BA0010", "CK003120", "CF006order7");
        try (ConcertEmulator emulator = new ConcertEmulator(config -> config.withTimeouts(quiet,
                config.idleTimeout()))) {
            RawPos.exchange(emulator.address(), HEAD + "CD001I"); // warm: the first read comes within the pause
            try (RawPos pos = new RawPos(emulator.address(), noDelay)) {
                long start = System.nanoTime();
                for (String item : items) {
                    pos.write(item);
                    Thread.sleep(item.startsWith("CZ") ? 50 : 5);
                }
                String answer = pos.readToClose();

                TlvMessage message = TlvDecoder.decode(answer.getBytes(StandardCharsets.US_ASCII));
                assertThat(message.value(ConcertTag.CF)).isEqualTo("order7");
                assertThat(message.value(ConcertTag.BA)).isEqualTo("0");
                assertThat(message.value(ConcertTag.AE)).isEqualTo("10");
                assertThat(ConcertAnswer.from(message).tickets()).hasSize(2);
                assertThat(elapsed(start)).isGreaterThanOrEqualTo(quiet);
            }
        }
    }

    /**
     * A register writing one item per write as fast as it can, its last item the last tag its action
     * requires: however the terminal's reads cut the stream, the request is whole when it is answered.
     */
    @ParameterizedTest(name = "TCP_NODELAY {0}")
    @ValueSource(booleans = {true, false})
    void itemsWrittenOneByOneWithoutPausesAreAssembledIntoOneRequest(boolean noDelay) throws Exception {
        List<String> items = List.of("CZ0040320", "CJ012000000000000", "CA00201", "CK003120", "CF006order8",
                "BA0010", "CE003978", "CB0041250", "CD0010");
        try (ConcertEmulator emulator = new ConcertEmulator(config -> config.withTimeouts(Duration.ofMillis(200),
                config.idleTimeout()));
                RawPos pos = new RawPos(emulator.address(), noDelay)) {
            for (String item : items) {
                pos.write(item);
            }
            String answer = pos.readToClose();

            TlvMessage message = TlvDecoder.decode(answer.getBytes(StandardCharsets.US_ASCII));
            assertThat(message.value(ConcertTag.CF)).isEqualTo("order8");
            assertThat(message.value(ConcertTag.AE)).isEqualTo("10");
            assertThat(ConcertAnswer.from(message).tickets()).hasSize(2);
            assertThat(answer).startsWith(String.join("", items).replace("CK003120", ""));
        }
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
