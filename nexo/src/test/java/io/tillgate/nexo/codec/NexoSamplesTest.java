package io.tillgate.nexo.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The sample messages of docs/protocols/nexo.md §1.1, §1.3 and §8 parse to what they say, and so does a Diagnosis
 * exchange composed from the nexo XSD in the same way.
 */
@Timeout(10)
class NexoSamplesTest {

    private final NexoCodec codec = new NexoCodec();

    static byte[] sample(String name) {
        try (InputStream in = NexoSamplesTest.class.getResourceAsStream("/nexo/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void loginRequest() {
        SaleToPOIRequest login = codec.decodeRequest(sample("login-request.xml"));
        assertThat(login.header()).isEqualTo(new MessageHeader("3.1", MessageClass.SERVICE, MessageCategory.LOGIN,
                MessageType.REQUEST, "101500", null, "POS7", "SHOP1-POS7"));
        LoginRequest body = login.body(LoginRequest.class);
        assertThat(body.operatorLanguage()).isEqualTo("sv");
        assertThat(body.dateTime()).isEqualTo("2025-01-02T10:15:00+01:00");
        assertThat(body.saleSoftware()).isEqualTo(new SaleSoftware("Acme", "AcmePOS", "2.3.1", null));
        assertThat(body.saleTerminalData()).isEqualTo(new SaleTerminalData("Attended", "PrinterReceipt",
                new SaleProfile("Extended", "Loyalty PIN CardReader")));
    }

    @Test
    void paymentRequestAndItsResponse() {
        PaymentRequest payment = codec.decodeRequest(sample("payment-request.xml")).body(PaymentRequest.class);
        assertThat(payment.saleData().tokenRequestedType()).isEqualTo("Customer");
        assertThat(payment.saleData().saleTransactionId()).isEqualTo(
                new TransactionIdentification("A1001", "2025-01-02T10:16:00+01:00"));
        assertThat(payment.paymentTransaction().amountsReq()).isEqualTo(
                new AmountsReq("SEK", new BigDecimal("120.50"), new BigDecimal("0"), null));
        assertThat(payment.paymentData().paymentType()).isEqualTo(PaymentType.NORMAL);
        assertThat(NexoAmounts.toMoney(payment.paymentTransaction().amountsReq().requestedAmount(), "SEK", "x")
                .minorUnits()).isEqualTo(12050);

        SaleToPOIResponse response = codec.decodeResponse(sample("payment-response.xml"));
        PaymentResponse body = response.body(PaymentResponse.class);
        assertThat(body.response().result()).isEqualTo(Result.SUCCESS);
        assertThat(body.poiData().poiTransactionId().transactionId()).isEqualTo("8778880185");
        CardData card = body.paymentResult().paymentInstrumentData().cardData();
        assertThat(card.maskedPan()).isEqualTo("516815******9659");
        assertThat(card.paymentBrand()).isEqualTo("01,Mastercard Debit");
        assertThat(card.entryMode()).isEqualTo("Contactless");
        assertThat(body.paymentResult().amountsResp().authorizedAmount()).isEqualByComparingTo("120.50");
        assertThat(body.paymentResult().paymentAcquirerData().approvalCode()).isEqualTo("123456");
        assertThat(body.paymentReceipt()).singleElement().satisfies(receipt -> {
            assertThat(receipt.documentQualifier()).isEqualTo(DocumentQualifier.CASHIER_RECEIPT);
            assertThat(NexoReceipt.from(receipt).fields()).isEmpty();
        });
    }

    @Test
    void abortRequestIsTheExact347ByteBodyOfTheHttpExample() {
        byte[] xml = sample("abort-request.xml");
        assertThat(xml).hasSize(347);
        SaleToPOIRequest abort = codec.decodeRequest(xml);
        assertThat(abort.body(AbortRequest.class)).isEqualTo(new AbortRequest(new MessageReference(
                MessageCategory.PAYMENT, "101501", null, "POS7", "SHOP1-POS7"), "Abort by Sale System", null));
        assertThat(codec.encode(abort)).isEqualTo(xml);
    }

    @Test
    void transactionStatusRequestAndSignatureAnswer() {
        TransactionStatusRequest status = codec.decodeRequest(sample("transaction-status-request.xml"))
                .body(TransactionStatusRequest.class);
        assertThat(status.messageReference()).isEqualTo(
                new MessageReference(MessageCategory.PAYMENT, "101501", null, null, null));

        SaleToPOIResponse input = codec.decodeResponse(sample("input-response.xml"));
        assertThat(input.header().messageClass()).isEqualTo(MessageClass.DEVICE);
        InputResult result = input.body(InputResponse.class).inputResult();
        assertThat(result.response().result()).isEqualTo(Result.SUCCESS);
        assertThat(result.input()).isEqualTo(new Input(InputCommand.GET_CONFIRMATION, true, null, null, null, null,
                null));
    }

    @Test
    void autoConfigurationTransmit() {
        SaleToPOIRequest transmit = codec.decodeRequest(sample("transmit-request.xml"));
        assertThat(transmit.header().saleId()).isEmpty();
        TransmitRequest body = transmit.body(TransmitRequest.class);
        assertThat(body.destinationAddress()).isEqualTo("127.0.0.1:15022");
        assertThat(body.maximumTransmitTime()).isEqualTo(30);
        assertThat(new String(java.util.Base64.getDecoder().decode(body.message()), StandardCharsets.UTF_8))
                .contains("\"ipPort\":\"11000\"");
    }

    @Test
    void diagnosisRequestAndItsResponse() {
        SaleToPOIRequest request = codec.decodeRequest(sample("diagnosis-request.xml"));
        assertThat(request.header().protocolVersion()).isEqualTo("3.1");
        assertThat(request.body(DiagnosisRequest.class)).isEqualTo(new DiagnosisRequest("SHOP1-POS7", false,
                List.of()));

        DiagnosisResponse response = codec.decodeResponse(sample("diagnosis-response.xml"))
                .body(DiagnosisResponse.class);
        assertThat(response.response().result()).isEqualTo(Result.SUCCESS);
        assertThat(response.loggedSaleId()).containsExactly("POS7");
        assertThat(response.poiStatus()).isEqualTo(new PoiStatus("OK", "PaperLow"));
        assertThat(response.hostStatus()).containsExactly(new HostStatus("877888", null));
    }

    @Test
    void aDiagnosisWithoutProtocolVersionOrAHostWithoutAcquirerIsRefusedNamingIt() {
        String request = new String(sample("diagnosis-request.xml"), StandardCharsets.UTF_8)
                .replace("ProtocolVersion=\"3.1\" ", "");
        assertThatThrownBy(() -> codec.decodeRequest(request.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(NexoDecodingException.class)
                .hasMessageContaining("SaleToPOIRequest/MessageHeader@ProtocolVersion");
        String response = new String(sample("diagnosis-response.xml"), StandardCharsets.UTF_8)
                .replace(" AcquirerID=\"877888\"", "");
        assertThatThrownBy(() -> codec.decodeResponse(response.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(NexoDecodingException.class)
                .hasMessageContaining("DiagnosisResponse/HostStatus@AcquirerID");
    }

    @Test
    void parsingToleratesAnyOrderUnknownElementsAndAttributes() {
        String shuffled = "<?xml version='1.0' encoding='UTF-8'?><SaleToPOIRequest><PaymentRequest Extra=\"1\">"
                + "<PaymentData PaymentType=\"Normal\"/><Unknown><Deep/></Unknown>"
                + "<PaymentTransaction><AmountsReq RequestedAmount=\"5\" Currency=\"EUR\"/></PaymentTransaction>"
                + "<SaleData><SaleTransactionID TimeStamp=\"t\" TransactionID=\"X\"/></SaleData></PaymentRequest>"
                + "<MessageHeader POIID=\"P\" SaleID=\"S\" ServiceID=\"1\" MessageType=\"Request\" "
                + "MessageCategory=\"Payment\" MessageClass=\"Service\" Vendor=\"x\"/></SaleToPOIRequest>";
        PaymentRequest payment = codec.decodeRequest(shuffled.getBytes(StandardCharsets.UTF_8))
                .body(PaymentRequest.class);
        assertThat(payment.paymentTransaction().amountsReq().requestedAmount()).isEqualByComparingTo("5");
        assertThat(payment.saleData().saleTransactionId().transactionId()).isEqualTo("X");
    }
}
