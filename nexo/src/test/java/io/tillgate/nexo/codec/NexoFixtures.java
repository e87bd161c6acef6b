package io.tillgate.nexo.codec;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One fully populated document of every message type, for round trips and element order. */
final class NexoFixtures {

    static final String SALE_ID = "POS7";
    static final String POI_ID = "SHOP1-POS7";

    private NexoFixtures() {
    }

    static MessageHeader header(MessageClass messageClass, MessageCategory category, MessageType type,
            String serviceId) {
        boolean versioned = category == MessageCategory.LOGIN || category == MessageCategory.DIAGNOSIS;
        return new MessageHeader(versioned ? "3.1" : null, messageClass, category, type,
                serviceId, messageClass == MessageClass.DEVICE ? "d1" : null, SALE_ID, POI_ID);
    }

    static SaleToPOIRequest request(NexoRequestBody body) {
        MessageClass messageClass = switch (body.category()) {
            case DISPLAY, INPUT, PRINT, TRANSMIT -> MessageClass.DEVICE;
            case EVENT -> MessageClass.EVENT;
            default -> MessageClass.SERVICE;
        };
        MessageType type = body instanceof EventNotification ? MessageType.NOTIFICATION : MessageType.REQUEST;
        return new SaleToPOIRequest(header(messageClass, body.category(), type, "101501"), body);
    }

    static SaleToPOIResponse response(NexoResponseBody body) {
        MessageClass messageClass = switch (body.category()) {
            case DISPLAY, INPUT, PRINT, TRANSMIT -> MessageClass.DEVICE;
            default -> MessageClass.SERVICE;
        };
        return new SaleToPOIResponse(header(messageClass, body.category(), MessageType.RESPONSE, "101501"), body);
    }

    static Response success() {
        return new Response(Result.SUCCESS, null, null);
    }

    static TransactionIdentification saleTransaction() {
        return new TransactionIdentification("A1001", "2025-01-02T10:16:00+01:00");
    }

    static TransactionIdentification poiTransaction() {
        return new TransactionIdentification("8778880185", "2025-01-02T09:16:04.498Z");
    }

    static SaleTerminalData saleTerminalData() {
        return new SaleTerminalData("Attended", "CashierStatus CashierDisplay CashierInput PrinterReceipt",
                new SaleProfile("Extended", "Loyalty PIN CardReader"));
    }

    static OutputContent text(String... lines) {
        return new OutputContent("Text", null, java.util.Arrays.stream(lines)
                .map(line -> new OutputText("Left", "Normal", true, line)).toList());
    }

    static DisplayOutput display(String line) {
        return new DisplayOutput("CashierDisplay", "Status", false, 1, text(line));
    }

    static NexoReceipt receipt(DocumentQualifier qualifier) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Mandatory.Outcome.ApprovalCode", "123456");
        fields.put("Mandatory.Outcome.AuthorisationResponseCode", "00");
        fields.put("Mandatory.Payment.PaymentAmount", "120,50");
        fields.put("Mandatory.CardDetails.PrimaryAccountNumber", "************9659");
        return new NexoReceipt(qualifier, fields, List.of("KÖP: 120,50 SEK", "Godkänd"), true);
    }

    static PaymentResponse paymentResponse() {
        return new PaymentResponse(success(), new SaleData(null, saleTransaction(), null, null, null),
                new PoiData(poiTransaction()),
                new PaymentResult(new PaymentInstrumentData("Card", new CardData("01,Mastercard Debit",
                        "516815******9659", null, "Contactless", new PaymentToken("Customer", "ab12"))),
                        new AmountsResp("SEK", new BigDecimal("120.50"), new BigDecimal("0.00"), null),
                        new PaymentAcquirerData("1234567", "877888", "A1", poiTransaction(), "123456")),
                List.of(receipt(DocumentQualifier.CASHIER_RECEIPT).toPaymentReceipt(),
                        receipt(DocumentQualifier.CUSTOMER_RECEIPT).toPaymentReceipt()));
    }

    static List<SaleToPOIRequest> requests() {
        return List.of(
                request(new LoginRequest("sv", false, "op1", "1", "Customer", "false", "185000001",
                        "2025-01-02T10:15:00+01:00", new SaleSoftware("Acme", "AcmePOS", "2.3.1", "C1"),
                        saleTerminalData())),
                request(new LogoutRequest(true)),
                request(new PaymentRequest(new SaleData("Customer", saleTransaction(), saleTerminalData(), "d",
                        "eyJ9"), new PaymentTransaction(new AmountsReq("SEK", new BigDecimal("120.50"),
                        new BigDecimal("0"), new BigDecimal("1.00")), new OriginalPoiTransaction("POS7", POI_ID,
                        poiTransaction(), "123456", poiTransaction())),
                        new PaymentData(PaymentType.REFUND, saleTransaction()))),
                request(new AbortRequest(new MessageReference(MessageCategory.PAYMENT, "101501", null, SALE_ID,
                        POI_ID), "Abort by Sale System", display("Aborted"))),
                request(new TransactionStatusRequest(new MessageReference(MessageCategory.PAYMENT, "101501", null,
                        null, null), List.of(DocumentQualifier.CASHIER_RECEIPT, DocumentQualifier.CUSTOMER_RECEIPT))),
                request(new ReversalRequest(ReversalReason.MERCHANT_CANCEL, new BigDecimal("120.50"),
                        new SaleData(null, saleTransaction(), null, null, null),
                        new OriginalPoiTransaction(SALE_ID, POI_ID, poiTransaction(), "123456", null))),
                request(new EnableServiceRequest("StartTransaction", "CardAcquisition", display("Welcome"))),
                request(new CardAcquisitionRequest(new SaleData(null, saleTransaction(), null, null, null),
                        new CardAcquisitionTransaction(PaymentType.NORMAL, new BigDecimal("0"), List.of("VISA"),
                                List.of("Contactless")))),
                request(new DisplayRequest(List.of(display("Present card"), display("Enter PIN")))),
                request(new InputRequest(display("Is signature OK?"), new InputData("CashierInput", "Input",
                        InputCommand.GET_CONFIRMATION, 120, "yes", "*"))),
                request(new PrintRequest(new PrintOutput(DocumentQualifier.CASHIER_RECEIPT, "PrintEnd", true,
                        text("Merchant copy", "Signature: ________")))),
                request(new EventNotification("2025-01-02T10:15:00+01:00", EventToNotify.SALE_ADMIN, true,
                        "Maintenance Required", null, display("Maintenance"))),
                request(new TransmitRequest("127.0.0.1:15022", 30, false, "eyJ9")),
                request(new DiagnosisRequest(POI_ID, true, List.of("877888", "SWEDBANK"))));
    }

    static List<SaleToPOIResponse> responses() {
        Response busy = new Response(Result.FAILURE, ErrorCondition.BUSY, "Transaction in progress");
        return List.of(
                response(new LoginResponse(success(), new PoiSystemData("2025-01-02T10:15:00+01:00",
                        new SaleSoftware("Tillgate", "nexo", "0.1", null), new PoiTerminalData("Attended",
                                "185000001", "PrinterReceipt CashierDisplay", null), new PoiStatus("OK", "OK")))),
                response(new LogoutResponse(success())),
                response(paymentResponse()),
                response(new TransactionStatusResponse(success(), new MessageReference(MessageCategory.PAYMENT,
                        "101501", null, SALE_ID, POI_ID), new RepeatedMessageResponse(header(MessageClass.SERVICE,
                                MessageCategory.PAYMENT, MessageType.RESPONSE, "101501"), paymentResponse(), null,
                                null))),
                response(new TransactionStatusResponse(busy, null, null)),
                response(new ReversalResponse(success(), new PoiData(poiTransaction()), new OriginalPoiTransaction(
                        SALE_ID, POI_ID, poiTransaction(), null, null),
                        List.of(receipt(DocumentQualifier.CUSTOMER_RECEIPT).toPaymentReceipt()))),
                response(new EnableServiceResponse(success())),
                response(new CardAcquisitionResponse(success(), new SaleData(null, saleTransaction(), null, null,
                        null), new PoiData(poiTransaction()), List.of("VISA", "MasterCard"),
                        new PaymentInstrumentData("Card", new CardData("01,Visa", "476173******0010", null, "ICC",
                                null)))),
                response(new DisplayResponse(List.of(new OutputResult("CashierDisplay", "Status", success())))),
                response(new InputResponse(new OutputResult("CashierDisplay", "Input", success()),
                        new InputResult("CashierInput", "Input", success(), new Input(InputCommand.GET_CONFIRMATION,
                                true, null, null, null, null, null)))),
                response(new PrintResponse(DocumentQualifier.CASHIER_RECEIPT, success())),
                response(new TransmitResponse(success(), "eyJ9")),
                response(new DiagnosisResponse(success(), List.of(SALE_ID), new PoiStatus("Busy", "PaperLow"),
                        List.of(new HostStatus("877888", true), new HostStatus("SWEDBANK", false)))));
    }
}
