package io.tillgate.bench.nexo;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import com.fasterxml.aalto.stax.OutputFactoryImpl;
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
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.codehaus.stax2.XMLInputFactory2;
import org.codehaus.stax2.io.Stax2ByteArraySource;
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
 * nexo decode and encode of a PaymentResponse with both receipts (base64 JSON, docs/protocols/nexo.md §5.2), as
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

    private static final XMLInputFactory2 XML_IN = hardenedInput();
    private static final OutputFactoryImpl XML_OUT = new OutputFactoryImpl();

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

    /**
     * The least any codec built on the codec's StAX parser (Aalto) does for
     * {@link #decodeThenEncode}, with no mapping at all: read every event with the codec's settings,
     * make each name, attribute value and text the String a record would hold, and write the same
     * document back. It bounds what a faster mapping could reach on this machine.
     */
    @Benchmark
    public byte[] staxEventsOnly() throws XMLStreamException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(wire.length + 64);
        XMLStreamReader in = XML_IN.createXMLStreamReader(new Stax2ByteArraySource(wire, 0, wire.length));
        XMLStreamWriter xml = XML_OUT.createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        while (in.hasNext()) {
            switch (in.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    xml.writeStartElement(in.getLocalName());
                    for (int i = 0; i < in.getAttributeCount(); i++) {
                        xml.writeAttribute(in.getAttributeLocalName(i), in.getAttributeValue(i));
                    }
                }
                case XMLStreamConstants.CHARACTERS -> xml.writeCharacters(in.getText());
                case XMLStreamConstants.END_ELEMENT -> xml.writeEndElement();
                default -> {
                }
            }
        }
        xml.writeEndDocument();
        xml.close();
        in.close();
        return out.toByteArray();
    }

    /** The codec's reader settings (NexoCodec): no DTDs, no external entities. */
    private static XMLInputFactory2 hardenedInput() {
        XMLInputFactory2 input = new InputFactoryImpl();
        input.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        input.setProperty(XMLInputFactory.IS_COALESCING, true);
        return input;
    }
}
