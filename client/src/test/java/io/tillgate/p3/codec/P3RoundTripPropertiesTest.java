package io.tillgate.p3.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever Tillgate can build, it reads back equal: encode → decode is the identity. */
class P3RoundTripPropertiesTest {

    private final P3Codec codec = P3Codec.INSTANCE;

    @Property(tries = 300)
    void executeTransactionUpdate(@ForAll("updates") P3Message message) {
        assertThat(codec.decode(codec.encode(message))).isEqualTo(message);
    }

    @Property(tries = 300)
    void executeTransactionRequest(@ForAll("executeRequests") P3Message message) {
        assertThat(codec.decode(codec.encode(message))).isEqualTo(message);
    }

    @Property(tries = 300)
    void queryTransactionRequest(@ForAll("queryRequests") P3Message message) {
        P3Message decoded = codec.decode(codec.encodeToString(message));

        assertThat(decoded).isEqualTo(message);
    }

    @Property(tries = 200)
    void encodingIsStableAfterOneRoundTrip(@ForAll("updates") P3Message message) {
        byte[] once = codec.encode(message);

        assertThat(codec.encode(codec.decode(once))).isEqualTo(once);
    }

    @Property(tries = 200)
    void writesWhatDataBindingWrote(@ForAll("updates") P3Message update, @ForAll("executeRequests") P3Message request) {
        assertThat(codec.encode(update)).isEqualTo(BindingP3Codec.INSTANCE.encode(update));
        assertThat(codec.encode(request)).isEqualTo(BindingP3Codec.INSTANCE.encode(request));
    }

    @Provide
    Arbitrary<P3Message> updates() {
        Arbitrary<ExecuteTransactionUpdate> bodies = Combinators.combine(
                codes(), codes(), text(), text(), Arbitraries.of(true, false), transactions().injectNull(0.2))
                .as((state, details, line1, line2, abortable, transaction) ->
                        new ExecuteTransactionUpdate(state, details, List.of(line1, line2), abortable, transaction));
        return Combinators.combine(tags().injectNull(0.1), resources(), bodies)
                .as((tag, resource, body) -> P3Message.ok(tag, resource, body));
    }

    @Provide
    Arbitrary<P3Message> executeRequests() {
        Arbitrary<ExecuteTransactionRequest> bodies = Combinators.combine(
                codes().injectNull(0.3), parameters().injectNull(0.1), text().injectNull(0.7),
                processParameters().injectNull(0.5), accountParameters().injectNull(0.7))
                .as(ExecuteTransactionRequest::new);
        return Combinators.combine(tags(), resources(), bodies)
                .as((tag, resource, body) -> P3Message.request(body, tag, resource));
    }

    @Provide
    Arbitrary<P3Message> queryRequests() {
        Arbitrary<QueryTransactionRequest> bodies = Combinators.combine(
                text().injectNull(0.5), text().injectNull(0.5), text().injectNull(0.5))
                .as(QueryTransactionRequest::new);
        return Combinators.combine(tags(), resources(), bodies)
                .as((tag, resource, body) -> P3Message.request(body, tag, resource));
    }

    private static Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars('€', 'é', 'ß', '\n', '\t', '"', '\\', '\u0000')
                .withCharRange('\u4e00', '\u4e10').ofMaxLength(24);
    }

    private static Arbitrary<String> codes() {
        return Arbitraries.strings().withCharRange('A', 'Z').withChars('_').ofMinLength(1).ofMaxLength(30);
    }

    private static Arbitrary<String> tags() {
        return Arbitraries.oneOf(Arbitraries.create(() -> java.util.UUID.randomUUID().toString()), text());
    }

    private static Arbitrary<String> resources() {
        return Arbitraries.oneOf(
                Arbitraries.of("/", "", "devices/usbReader", "devices/r1"),
                Arbitraries.just((String) null),
                text().map(s -> "devices/" + s));
    }

    private static Arbitrary<BigDecimal> amounts() {
        return Combinators.combine(Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000L),
                Arbitraries.integers().between(0, 4)).as(BigDecimal::valueOf);
    }

    private static Arbitrary<Boolean> flags() {
        return Arbitraries.of(true, false).injectNull(0.3);
    }

    private static Arbitrary<Map<String, String>> metadata() {
        return Arbitraries.maps(text(), text()).ofMaxSize(4);
    }

    static Arbitrary<TransactionParameters> parameters() {
        return Builders.withBuilder(TransactionParameters::builder)
                .use(amounts().injectNull(0.1)).in(TransactionParameters.Builder::amount)
                .use(Arbitraries.of("EUR", "JPY", "USD", "BHD")).in(TransactionParameters.Builder::currency)
                .use(Arbitraries.of("CHARGE", "REFUND", "CAPTURE")).in(TransactionParameters.Builder::type)
                .use(flags()).in(TransactionParameters.Builder::autoCapture)
                .use(text().injectNull(0.5)).in(TransactionParameters.Builder::subject)
                .use(text().injectNull(0.5)).in(TransactionParameters.Builder::customIdentifier)
                .use(text().injectNull(0.7)).in(TransactionParameters.Builder::statementDescriptor)
                .use(amounts().injectNull(0.7)).in(TransactionParameters.Builder::applicationFee)
                .use(amounts().injectNull(0.7)).in(TransactionParameters.Builder::includedTipAmount)
                .use(metadata().injectNull(0.5)).in(TransactionParameters.Builder::metadata)
                .use(flags()).in(TransactionParameters.Builder::tipAdjustable)
                .use(Arbitraries.just("ALTERNATIVE_PAYMENT_METHOD").injectNull(0.8))
                .in(TransactionParameters.Builder::workflow)
                .use(text().injectNull(0.7)).in(TransactionParameters.Builder::referencedTransactionIdentifier)
                .build(TransactionParameters.Builder::build);
    }

    private static Arbitrary<ProcessParameters> processParameters() {
        Arbitrary<ProcessStep> step = Combinators.combine(
                amounts().injectNull(0.3), amounts().injectNull(0.3), flags(), flags()).as(ProcessStep::new);
        return Combinators.combine(step.injectNull(0.4), step.injectNull(0.6))
                .as(ProcessSteps::new).injectNull(0.1).map(ProcessParameters::new);
    }

    private static Arbitrary<AccountParameters> accountParameters() {
        return Combinators.combine(text(), Arbitraries.of("QR_CODE"), Arbitraries.of("ALIPAY"))
                .as(AccountParameters::new);
    }

    private static Arbitrary<P3Receipt> receipts() {
        Arbitrary<P3ReceiptItem> item = Combinators.combine(codes(), text(), text()).as(P3ReceiptItem::new);
        return Combinators.combine(Arbitraries.maps(codes(), item).ofMaxSize(5),
                text().list().ofMaxSize(6), flags(), flags()).as(P3Receipt::new);
    }

    static Arbitrary<P3Transaction> transactions() {
        return Builders.withBuilder(P3Transaction::builder)
                .use(Arbitraries.strings().withChars("0123456789abcdef").ofLength(32)).in(P3Transaction.Builder::identifier)
                .use(amounts().injectNull(0.2)).in(P3Transaction.Builder::amount)
                .use(Arbitraries.of("EUR", "JPY", "USD")).in(P3Transaction.Builder::currency)
                .use(Arbitraries.of("CHARGE", "REFUND")).in(P3Transaction.Builder::type)
                .use(Arbitraries.of("INITIALIZED", "PENDING", "APPROVED", "DECLINED", "ABORTED", "ERROR"))
                .in(P3Transaction.Builder::status)
                .use(codes().injectNull(0.5)).in(P3Transaction.Builder::statusDetails)
                .use(Arbitraries.of("ONLINE", "OFFLINE").injectNull(0.3)).in(P3Transaction.Builder::mode)
                .use(flags()).in(P3Transaction.Builder::captured)
                .use(Arbitraries.longs().between(0, 4_102_444_800_000L).injectNull(0.3))
                .in(P3Transaction.Builder::createdTimestamp)
                .use(text().injectNull(0.5)).in(P3Transaction.Builder::subject)
                .use(text().injectNull(0.5)).in(P3Transaction.Builder::customIdentifier)
                .use(text().injectNull(0.8)).in(P3Transaction.Builder::referencedTransactionIdentifier)
                .use(Combinators.combine(Arbitraries.of("VISA", "MASTERCARD", "UNKNOWN"), codes(), codes())
                        .as(P3PaymentDetails::new).injectNull(0.4)).in(P3Transaction.Builder::paymentDetails)
                .use(Combinators.combine(Arbitraries.of("516815******9659", "411111******1111"),
                                Arbitraries.integers().between(0, 12), Arbitraries.integers().between(0, 2099))
                        .as(P3CardDetails::new).injectNull(0.4)).in(P3Transaction.Builder::cardDetails)
                .use(Combinators.combine(text(), text()).as(P3ClearingDetails::new).injectNull(0.6))
                .in(P3Transaction.Builder::clearingDetails)
                .use(Arbitraries.of("NON_REFUNDABLE", "REFUNDED").map(P3RefundDetails::new).injectNull(0.6))
                .in(P3Transaction.Builder::refundDetails)
                .use(receipts().injectNull(0.7)).in(P3Transaction.Builder::merchantReceipt)
                .use(receipts().injectNull(0.7)).in(P3Transaction.Builder::customerReceipt)
                .build(P3Transaction.Builder::build);
    }
}
