package io.tillgate.bench.ipp;

import io.tillgate.ipp.codec.IppCodec;
import io.tillgate.ipp.codec.IppMethod;
import io.tillgate.ipp.codec.IppNames;
import io.tillgate.ipp.codec.IppResponse;
import io.tillgate.ipp.codec.IppStage;
import io.tillgate.ipp.codec.IppStatus;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * IPP decode and encode of a typical STAGE 5 answer of an approved purchase (docs/protocols/ipp.md §10, as the
 * Tillgate emulator sends it: 28 properties, about 600 bytes), on one thread. The bar is
 * {@code decodeThenEncode} ≥ 1,000,000 ops/s on one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Threads(1)
public class IppCodecBenchmark {

    private byte[] wire;
    private IppResponse message;

    @Setup
    public void setUp() {
        message = new IppResponse(IppResponse.start(IppMethod.PURCHASE, 200, "01a21cc4-0063-af6b-383c-c21e90a3c9ac",
                        IppStage.OUTCOME, IppStatus.OK)
                .text(IppNames.AMOUNT, "62.00").text(IppNames.CURRENCY, "978").text(IppNames.CURRENCY_NAME, "EUR")
                .text(IppNames.APPROVAL, "00").text(IppNames.AUTH_CODE, "3F2A91").text(IppNames.RRN, "417392018273")
                .text(IppNames.STAN, "018273").text(IppNames.TERMINAL_ID, "sim-1").text(IppNames.MERCHANT_ID, "demo")
                .text(IppNames.MERCHANT_NAME, "Demo Shop").text(IppNames.MERCHANT_AL1, "Main Street 1")
                .text(IppNames.MERCHANT_AL2, "10115 Berlin").text(IppNames.PAN_MASKED, "516815******9659")
                .text(IppNames.AID, "A0000000041010").text(IppNames.AID_NAME, "MASTERCARD")
                .text(IppNames.APPL_PREF_NAME, "MASTERCARD").text(IppNames.CVM, "PIN").text(IppNames.ENTRY_MODE, "CHIP")
                .text(IppNames.SIGNATURE_NOT_REQ, "1").text(IppNames.TX_DATE_LOCAL, "2026-11-27")
                .text(IppNames.TX_TIME_LOCAL, "11:16:20").text(IppNames.REFERENCE, "order-4711")
                .text(IppNames.SOFTWARE_VERSION, "1.4.2").build());
        wire = IppCodec.encode(message);
    }

    @Benchmark
    public IppResponse decode() {
        return IppCodec.decodeResponse(wire);
    }

    @Benchmark
    public byte[] encode() {
        return IppCodec.encode(message);
    }

    /**
     * What a relaying gateway does per message: read one, write one. A decoded message re-encodes as
     * a copy of its frame, so this measures decoding plus that copy.
     */
    @Benchmark
    public byte[] decodeThenEncode() {
        return IppCodec.encode(IppCodec.decodeResponse(wire));
    }

    /** What a driver or front-end does per message: read one, and write one it built itself. */
    @Benchmark
    public void decodeAndEncodeBuilt(Blackhole sink) {
        sink.consume(IppCodec.decodeResponse(wire));
        sink.consume(IppCodec.encode(message));
    }
}
