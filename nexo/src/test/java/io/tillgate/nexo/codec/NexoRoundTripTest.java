package io.tillgate.nexo.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(10)
class NexoRoundTripTest {

    private final NexoCodec codec = new NexoCodec();

    static Stream<SaleToPOIRequest> requests() {
        return NexoFixtures.requests().stream();
    }

    static Stream<SaleToPOIResponse> responses() {
        return NexoFixtures.responses().stream();
    }

    @ParameterizedTest
    @MethodSource("requests")
    void everyRequestRoundTrips(SaleToPOIRequest request) {
        byte[] xml = codec.encode(request);
        assertThat(new String(xml, StandardCharsets.UTF_8)).startsWith("<SaleToPOIRequest><MessageHeader ");
        assertThat(codec.decodeRequest(xml)).isEqualTo(request);
    }

    @ParameterizedTest
    @MethodSource("responses")
    void everyResponseRoundTrips(SaleToPOIResponse response) {
        byte[] xml = codec.encode(response);
        assertThat(new String(xml, StandardCharsets.UTF_8)).startsWith("<?xml").contains("<SaleToPOIResponse>");
        assertThat(codec.decodeResponse(xml)).isEqualTo(response);
    }

    @Test
    void fixturesCoverEveryBodyType() {
        Set<Class<?>> covered = new java.util.HashSet<>();
        NexoFixtures.requests().forEach(r -> covered.add(r.body().getClass()));
        NexoFixtures.responses().forEach(r -> covered.add(r.body().getClass()));
        assertThat(covered).containsAll(Set.of(NexoRequestBody.class.getPermittedSubclasses()))
                .containsAll(Set.of(NexoResponseBody.class.getPermittedSubclasses()));
        EnumSet<MessageCategory> categories = EnumSet.noneOf(MessageCategory.class);
        NexoFixtures.requests().forEach(r -> categories.add(r.header().messageCategory()));
        assertThat(categories).hasSize(NexoRequestBody.class.getPermittedSubclasses().length);
    }

    @Test
    void receiptsRoundTripThroughBase64Json() {
        NexoReceipt receipt = NexoFixtures.receipt(DocumentQualifier.CASHIER_RECEIPT);
        PaymentReceipt element = receipt.toPaymentReceipt();
        assertThat(NexoReceipt.json(element)).startsWith("{\"Merchant\":{\"Mandatory\":{\"Outcome\":");
        assertThat(NexoReceipt.from(element)).isEqualTo(receipt);
        assertThat(NexoReceipt.from(element).lines()).containsExactly("KÖP: 120,50 SEK", "Godkänd");
    }
}
