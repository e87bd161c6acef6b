package io.tillgate.nexo.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every emitted element's children come in the XSD order of docs/protocols/nexo.md §3. */
@Timeout(10)
class NexoElementOrderTest {

    /** docs/protocols/nexo.md §3, parent → children in order (only those Tillgate emits need to be listed). */
    private static final Map<String, List<String>> ORDER = Map.ofEntries(
            Map.entry("SaleToPOIRequest", List.of("MessageHeader", "*Body", "SecurityTrailer")),
            Map.entry("SaleToPOIResponse", List.of("MessageHeader", "*Body", "SecurityTrailer")),
            Map.entry("LoginRequest", List.of("DateTime", "SaleSoftware", "SaleTerminalData")),
            Map.entry("SaleTerminalData", List.of("SaleCapabilities", "SaleProfile")),
            Map.entry("SaleProfile", List.of("ServiceProfiles")),
            Map.entry("LoginResponse", List.of("Response", "POISystemData")),
            Map.entry("POISystemData", List.of("DateTime", "POISoftware", "POITerminalData", "POIStatus")),
            Map.entry("POITerminalData", List.of("POICapabilities", "POIProfile")),
            Map.entry("PaymentRequest", List.of("SaleData", "PaymentTransaction", "PaymentData", "LoyaltyData")),
            Map.entry("SaleData", List.of("SaleTransactionID", "SaleTerminalData", "SponsoredMerchant",
                    "SaleToPOIData", "SaleToAcquirerData", "SaleToIssuerData")),
            Map.entry("PaymentTransaction", List.of("AmountsReq", "OriginalPOITransaction", "TransactionConditions",
                    "SaleItem")),
            Map.entry("PaymentData", List.of("CardAcquisitionReference", "RequestedValidityDate", "Instalment",
                    "CustomerOrder", "PaymentInstrumentData")),
            Map.entry("PaymentResponse", List.of("Response", "SaleData", "POIData", "PaymentResult", "LoyaltyResult",
                    "PaymentReceipt", "CustomerOrder")),
            Map.entry("POIData", List.of("POITransactionID")),
            Map.entry("PaymentResult", List.of("PaymentInstrumentData", "AmountsResp", "Instalment",
                    "CurrencyConversion", "CapturedSignature", "ProtectedSignature", "PaymentAcquirerData")),
            Map.entry("PaymentInstrumentData", List.of("CardData", "CheckData", "MobileData")),
            Map.entry("CardData", List.of("ProtectedCardData", "SensitiveCardData", "AllowedProductCode",
                    "AllowedProduct", "PaymentToken", "CustomerOrder")),
            Map.entry("PaymentAcquirerData", List.of("AcquirerTransactionID", "ApprovalCode")),
            Map.entry("AbortRequest", List.of("MessageReference", "AbortReason", "DisplayOutput")),
            Map.entry("TransactionStatusRequest", List.of("MessageReference", "DocumentQualifier")),
            Map.entry("TransactionStatusResponse", List.of("Response", "MessageReference",
                    "RepeatedMessageResponse")),
            Map.entry("RepeatedMessageResponse", List.of("MessageHeader", "*Body")),
            Map.entry("ReversalRequest", List.of("SaleData", "OriginalPOITransaction", "CustomerOrder")),
            Map.entry("OriginalPOITransaction", List.of("POITransactionID", "ApprovalCode", "HostTransactionID")),
            Map.entry("ReversalResponse", List.of("Response", "POIData", "OriginalPOITransaction",
                    "PaymentReceipt")),
            Map.entry("EnableServiceRequest", List.of("ServicesEnabled", "DisplayOutput")),
            Map.entry("CardAcquisitionRequest", List.of("SaleData", "CardAcquisitionTransaction")),
            Map.entry("CardAcquisitionTransaction", List.of("AllowedPaymentBrand", "AllowedLoyaltyBrand",
                    "ForceEntryMode")),
            Map.entry("CardAcquisitionResponse", List.of("Response", "SaleData", "POIData", "PaymentBrand",
                    "PaymentInstrumentData", "LoyaltyAccount", "CustomerOrder")),
            Map.entry("DisplayRequest", List.of("DisplayOutput")),
            Map.entry("DisplayResponse", List.of("OutputResult")),
            Map.entry("OutputResult", List.of("Response")),
            Map.entry("DisplayOutput", List.of("OutputContent", "MenuEntry", "OutputSignature")),
            Map.entry("OutputContent", List.of("PredefinedContent", "OutputText", "OutputXHTML", "OutputBarcode")),
            Map.entry("InputRequest", List.of("DisplayOutput", "InputData")),
            Map.entry("InputResponse", List.of("OutputResult", "InputResult")),
            Map.entry("InputData", List.of("DefaultInputString", "StringMask")),
            Map.entry("InputResult", List.of("Response", "Input")),
            Map.entry("Input", List.of("ConfirmedFlag", "FunctionKey", "TextInput", "DigitInput", "Password",
                    "MenuEntryNumber")),
            Map.entry("PrintRequest", List.of("PrintOutput")),
            Map.entry("PrintOutput", List.of("OutputContent", "OutputSignature")),
            Map.entry("PaymentReceipt", List.of("OutputContent")),
            Map.entry("EventNotification", List.of("EventDetails", "RejectedMessage", "DisplayOutput")),
            Map.entry("Response", List.of("AdditionalResponse")),
            Map.entry("LogoutResponse", List.of("Response")),
            Map.entry("EnableServiceResponse", List.of("Response")),
            Map.entry("PrintResponse", List.of("Response")),
            Map.entry("TransmitRequest", List.of("Message")),
            Map.entry("TransmitResponse", List.of("Response", "Message")),
            Map.entry("DiagnosisRequest", List.of("AcquirerID")),
            Map.entry("DiagnosisResponse", List.of("Response", "LoggedSaleID", "POIStatus", "HostStatus")));


    private final NexoCodec codec = new NexoCodec();

    @Test
    void everyEmittedElementFollowsTheSchemaOrder() throws Exception {
        Set<String> checked = new HashSet<>();
        for (SaleToPOIRequest request : NexoFixtures.requests()) {
            checkOrder(codec.encode(request), checked);
        }
        for (SaleToPOIResponse response : NexoFixtures.responses()) {
            checkOrder(codec.encode(response), checked);
        }
        // Every parent with more than one known child was emitted at least once with children.
        assertThat(checked).contains("LoginRequest", "PaymentRequest", "PaymentResponse", "PaymentResult",
                "SaleData", "PaymentTransaction", "AbortRequest", "TransactionStatusResponse", "ReversalRequest",
                "ReversalResponse", "CardAcquisitionResponse", "InputRequest", "InputResponse", "InputResult",
                "EventNotification", "POISystemData", "OriginalPOITransaction", "RepeatedMessageResponse",
                "DiagnosisResponse");
    }

    private static void checkOrder(byte[] xml, Set<String> checked) throws Exception {
        XMLStreamReader reader = XMLInputFactory.newFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
        Deque<String> parents = new ArrayDeque<>();
        Deque<List<String>> children = new ArrayDeque<>();
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (!children.isEmpty()) {
                    children.peek().add(reader.getLocalName());
                }
                parents.push(reader.getLocalName());
                children.push(new ArrayList<>());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String parent = parents.pop();
                List<String> seen = children.pop();
                if (seen.isEmpty()) {
                    continue;
                }
                List<String> expected = ORDER.get(parent);
                assertThat(expected).as("known order for %s (children %s)", parent, seen).isNotNull();
                int last = -1;
                for (String child : seen) {
                    int at = expected.indexOf(child);
                    if (at < 0 && (child.endsWith("Request") || child.endsWith("Response")
                            || child.equals("EventNotification"))) {
                        at = expected.indexOf("*Body");
                    }
                    assertThat(at).as("%s is a known child of %s", child, parent).isGreaterThanOrEqualTo(0);
                    assertThat(at).as("%s comes after its predecessors in %s: %s", child, parent, seen)
                            .isGreaterThanOrEqualTo(last);
                    last = at;
                }
                checked.add(parent);
            }
        }
    }
}
