package io.tillgate.bench.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.tillgate.p3.codec.P3Codec;
import io.tillgate.p3.codec.P3Message;
import java.io.IOException;
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
 * P3 decode and encode of an EXECUTE_TRANSACTION_UPDATE carrying a full transaction object, on one
 * thread. The bar is {@code decodeThenEncode} ≥ 500,000 ops/s on one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Threads(1)
public class P3CodecBenchmark {

    /** A realistic update: structure from docs/protocols/p3.md §8, transaction fields as Tillgate emits them. */
    static final String UPDATE = "{\"type\":\"EXECUTE_TRANSACTION_UPDATE\",\"tag\":\"6f1c2d9e-8a8b-4c1e-9f0e-3b2a1c0d9e8f\","
            + "\"resource\":\"devices/sim-1\",\"status\":\"OK\",\"executeTransactionUpdate\":{"
            + "\"state\":\"WAITING_FOR_CARD_PRESENTATION\",\"stateDetails\":\"PROCESSING_WAITING_FOR_CARD_PRESENTATION\","
            + "\"information\":[\"Present card\",\"12.50 EUR\"],\"abortable\":true,\"transaction\":{"
            + "\"identifier\":\"97a293ca3b804d639d8552962e0e3522\",\"amount\":12.50,\"currency\":\"EUR\","
            + "\"type\":\"CHARGE\",\"status\":\"PENDING\",\"mode\":\"ONLINE\",\"captured\":false,"
            + "\"createdTimestamp\":1763913600000,\"subject\":\"Order 4711\",\"customIdentifier\":\"order-4711\","
            + "\"paymentDetails\":{\"scheme\":\"UNKNOWN\",\"source\":\"UNKNOWN\",\"customerVerification\":\"UNKNOWN\"},"
            + "\"cardDetails\":{\"expiryMonth\":0,\"expiryYear\":0}}}}";

    private static final JsonFactory JSON = new JsonFactory();

    private final P3Codec codec = P3Codec.INSTANCE;
    private byte[] wire;
    private P3Message message;

    @Setup
    public void setUp() {
        wire = UPDATE.getBytes(StandardCharsets.UTF_8);
        message = codec.decode(wire);
    }

    @Benchmark
    public P3Message decode() {
        return codec.decode(wire);
    }

    @Benchmark
    public byte[] encode() {
        return codec.encode(message);
    }

    /** What the gateway does per relayed message: read one, write one. */
    @Benchmark
    public byte[] decodeThenEncode() {
        return codec.encode(codec.decode(wire));
    }

    /**
     * The least any codec built on Jackson does for {@link #decodeThenEncode}, with no mapping at
     * all: read every token, make each value the String or number a record would hold, and write
     * the same tokens back. It bounds what a faster mapping could reach on this machine.
     */
    @Benchmark
    public byte[] jacksonTokensOnly() throws IOException {
        ByteArrayBuilder out = new ByteArrayBuilder(JSON._getBufferRecycler());
        try (JsonParser in = JSON.createParser(wire); JsonGenerator gen = JSON.createGenerator(out)) {
            for (JsonToken token = in.nextToken(); token != null; token = in.nextToken()) {
                switch (token) {
                    case START_OBJECT -> gen.writeStartObject();
                    case END_OBJECT -> gen.writeEndObject();
                    case START_ARRAY -> gen.writeStartArray();
                    case END_ARRAY -> gen.writeEndArray();
                    case FIELD_NAME -> gen.writeFieldName(in.currentName());
                    case VALUE_STRING -> gen.writeString(in.getText());
                    case VALUE_NUMBER_INT -> gen.writeNumber(in.getLongValue());
                    case VALUE_NUMBER_FLOAT -> gen.writeNumber(in.getDecimalValue());
                    case VALUE_TRUE, VALUE_FALSE -> gen.writeBoolean(token == JsonToken.VALUE_TRUE);
                    case VALUE_NULL -> gen.writeNull();
                    default -> throw new IllegalStateException("unexpected " + token);
                }
            }
        }
        return out.toByteArray();
    }
}
