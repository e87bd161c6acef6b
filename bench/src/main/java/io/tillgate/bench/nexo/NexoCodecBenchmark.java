package io.tillgate.bench.nexo;

import io.tillgate.nexo.codec.AmountsResp;
import io.tillgate.nexo.codec.CardData;
import io.tillgate.nexo.codec.DocumentQualifier;
import io.tillgate.nexo.codec.MessageCategory;
import io.tillgate.nexo.codec.MessageClass;
import io.tillgate.nexo.codec.MessageHeader;
import io.tillgate.nexo.codec.MessageType;
import io.tillgate.nexo.codec.NexoCodec;
import io.tillgate.nexo.codec.NexoReceipt;
import io.tillgate.nexo.codec.PaymentAcquirerData;
import io.tillgate.nexo.codec.PaymentInstrumentData;
import io.tillgate.nexo.codec.PaymentResponse;
import io.tillgate.nexo.codec.PaymentResult;
import io.tillgate.nexo.codec.PoiData;
import io.tillgate.nexo.codec.Response;
import io.tillgate.nexo.codec.Result;
import io.tillgate.nexo.codec.SaleData;
import io.tillgate.nexo.codec.SaleToPOIResponse;
import io.tillgate.nexo.codec.TransactionIdentification;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * nexo decode and encode of a PaymentResponse with both receipts (base64 JSON, nexo.md §5.2), as
 * the Tillgate terminal emulator emits it, on one thread. The bar is
 * {@code decodeThenEncode} ≥ 100,000 ops/s on one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Threads(1)
public class NexoCodecBenchmark {

    private final NexoCodec codec = new NexoCodec();
    private byte[] wire;
    private SaleToPOIResponse message;

    @Setup
    public void setUp() {
        message = new SaleToPOIResponse(new MessageHeader(null, MessageClass.SERVICE, MessageCategory.PAYMENT,
                MessageType.RESPONSE, "101501", null, "POS7", "SHOP1-POS7"),
                new PaymentResponse(new Response(Result.SUCCESS, null, null),
                        new SaleData(null, new TransactionIdentification("A1001", "2025-01-02T10:16:00+01:00"), null,
                                null, null),
                        new PoiData(new TransactionIdentification("01a21ccc27e8431fea3be4357062057b",
                                "2025-01-02T09:16:04.498Z")),
                        new PaymentResult(new PaymentInstrumentData("Card", new CardData("01,Mastercard",
                                "516815******9659", null, "Contactless", null)),
                                new AmountsResp("SEK", new BigDecimal("120.50"), null, null),
                                new PaymentAcquirerData("1234567", "877888", null, null, "123456")),
                        List.of(receipt(DocumentQualifier.CASHIER_RECEIPT, "516815******9659"),
                                receipt(DocumentQualifier.CUSTOMER_RECEIPT, "************9659"))));
        wire = codec.encode(message);
    }

    private static io.tillgate.nexo.codec.PaymentReceipt receipt(DocumentQualifier copy, String pan) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Mandatory.Acquirer.TerminalID", "sim1");
        fields.put("Mandatory.CardAcceptor.Name", "Demo Shop");
        fields.put("Mandatory.CardDetails.CardSchemeName.ApplicationLabel", "MASTERCARD");
        fields.put("Mandatory.CardDetails.PrimaryAccountNumber", pan);
        fields.put("Mandatory.Outcome.ApprovalCode", "123456");
        fields.put("Mandatory.Outcome.AuthorisationResponseCode", "00");
        fields.put("Mandatory.Outcome.DebitStatus", "00");
        fields.put("Mandatory.Payment.CardholderVerificationMethod", "NONE");
        fields.put("Mandatory.Payment.Currency", "SEK");
        fields.put("Mandatory.Payment.PaymentAmount", "120,50");
        fields.put("Mandatory.Payment.TransactionType", "00");
        fields.put("Mandatory.TimeStamp.DateOfPayment", "2025-01-02");
        fields.put("Mandatory.TimeStamp.TimeOfPayment", "10:16");
        fields.put("Optional.Payment.Reference", "A1001");
        return new NexoReceipt(copy, fields, List.of("MERCHANT COPY", "PURCHASE: 120,50 SEK", "MASTERCARD " + pan,
                "Auth. code: 123456", "APPROVED"), false).toPaymentReceipt();
    }

    @Benchmark
    public SaleToPOIResponse decode() {
        return codec.decodeResponse(wire);
    }

    @Benchmark
    public byte[] encode() {
        return codec.encode(message);
    }

    /** What a bridge does per relayed answer: read one, write one. */
    @Benchmark
    public byte[] decodeThenEncode() {
        return codec.encode(codec.decodeResponse(wire));
    }
}
