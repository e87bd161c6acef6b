package io.tillgate.bench.concert;

import io.tillgate.concert.codec.ConcertAnswer;
import io.tillgate.concert.codec.TlvEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Concert TLV decode and encode of a typical approved answer (the emulator's: echoed request, AE,
 * card tags; 153 bytes), as a typed {@link ConcertAnswer}, on one thread. The bar is
 * {@code decodeThenEncode} ≥ 2,000,000 ops/s on one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Threads(1)
public class ConcertCodecBenchmark {

    /** What the Tillgate emulator answers to the akretion client's 112.45 EUR debit. */
    static final String ANSWER = "CZ0040300CJ012" + "012345678901CA00201CE003978BA0010CD0010CB00511245"
            + "AE00210CC003001CI0011AC00610009EAA016516815******1558AL0011AI014A0000000041010CG0071234567";

    private byte[] wire;
    private ConcertAnswer answer;

    @Setup
    public void setUp() {
        wire = ANSWER.getBytes(StandardCharsets.US_ASCII);
        answer = ConcertAnswer.decode(wire);
    }

    @Benchmark
    public ConcertAnswer decode() {
        return ConcertAnswer.decode(wire);
    }

    @Benchmark
    public byte[] encode() {
        return TlvEncoder.encode(answer);
    }

    /** What a bridge does per relayed message: read one, write one. */
    @Benchmark
    public byte[] decodeThenEncode() {
        return TlvEncoder.encode(ConcertAnswer.decode(wire));
    }
}
