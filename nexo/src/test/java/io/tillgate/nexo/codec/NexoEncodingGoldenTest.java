package io.tillgate.nexo.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The exact bytes emitted for every fixture, so that a change of the encoder or of the XML library
 * shows as a difference terminals would see (attribute order, empty-element form, escaping,
 * declaration quotes). A line ending in {@code \} continues on the next line without a line break.
 */
@Timeout(10)
class NexoEncodingGoldenTest {

    private static final List<String> EXPECTED = List.of(
            // LoginRequest
            """
            <SaleToPOIRequest><MessageHeader ProtocolVersion="3.1" MessageClass="Service" MessageCategory="Login" M\
            essageType="Request" ServiceID="101501" SaleID="POS7" POIID="SHOP1-POS7"/><LoginRequest OperatorLang\
            uage="sv" TrainingModeFlag="false" OperatorID="op1" ShiftNumber="1" TokenRequestedType="Customer" Cu\
            stomerOrderReq="false" POISerialNumber="185000001"><DateTime>2025-01-02T10:15:00+01:00</DateTime>\
            <SaleSoftware ProviderIdentification="Acme" ApplicationName="AcmePOS" SoftwareVersion="2.3.1" Certif\
            icationCode="C1"/><SaleTerminalData TerminalEnvironment="Attended"><SaleCapabilities>\
            CashierStatus CashierDisplay CashierInput PrinterReceipt</SaleCapabilities><SaleProfile GenericProfi\
            le="Extended"><ServiceProfiles>Loyalty PIN CardReader</ServiceProfiles></SaleProfile>\
            </SaleTerminalData></LoginRequest></SaleToPOIRequest>""",
            // LogoutRequest
            """
            <SaleToPOIRequest><MessageHeader MessageClass="Service" MessageCategory="Logout" MessageType="Reques\
            t" ServiceID="101501" SaleID="POS7" POIID="SHOP1-POS7"/><LogoutRequest MaintenanceAllowed="true"/>\
            </SaleToPOIRequest>""",
            // PaymentRequest
            """
            <SaleToPOIRequest><MessageHeader MessageClass="Service" MessageCategory="Payment" MessageType="Reque\
            st" ServiceID="101501" SaleID="POS7" POIID="SHOP1-POS7"/><PaymentRequest><SaleData TokenRequestedTyp\
            e="Customer"><SaleTransactionID TransactionID="A1001" TimeStamp="2025-01-02T10:16:00+01:00"/>\
            <SaleTerminalData TerminalEnvironment="Attended"><SaleCapabilities>CashierStatus CashierDisplay Cash\
            ierInput PrinterReceipt</SaleCapabilities><SaleProfile GenericProfile="Extended">\
            <ServiceProfiles>Loyalty PIN CardReader</ServiceProfiles></SaleProfile></SaleTerminalData>\
            <SaleToPOIData>d</SaleToPOIData><SaleToAcquirerData>eyJ9</SaleToAcquirerData></SaleData>\
            <PaymentTransaction><AmountsReq Currency="SEK" RequestedAmount="120.50" CashBackAmount="0" TipAmount="1.0\
            0"/><OriginalPOITransaction SaleID="POS7" POIID="SHOP1-POS7"><POITransactionID TransactionID="877888\
            0185" TimeStamp="2025-01-02T09:16:04.498Z"/><ApprovalCode>123456</ApprovalCode><HostTransactionID Tr\
            ansactionID="8778880185" TimeStamp="2025-01-02T09:16:04.498Z"/></OriginalPOITransaction>\
            </PaymentTransaction><PaymentData PaymentType="Refund"><CardAcquisitionReference TransactionID="A100\
            1" TimeStamp="2025-01-02T10:16:00+01:00"/></PaymentData></PaymentRequest></SaleToPOIRequest>""",
            // AbortRequest
            """
            <SaleToPOIRequest><MessageHeader MessageClass="Service" MessageCategory="Abort" MessageType="Request" S\
            erviceID="101501" SaleID="POS7" POIID="SHOP1-POS7"/><AbortRequest><MessageReference MessageCategory="P\
            ayment" ServiceID="101501" SaleID="POS7" POIID="SHOP1-POS7"/><AbortReason>Abort by Sale System</Abor\
            tReason><DisplayOutput Device="CashierDisplay" InfoQualify="Status" ResponseRequiredFlag="false" Min\
            imumDisplayTime="1"><OutputContent OutputFormat="Text"><OutputText Alignment="Left" CharacterStyle="N\
            ormal" EndOfLineFlag="true">Aborted</OutputText></OutputContent></DisplayOutput>\
            </AbortRequest></SaleToPOIRequest>""",
            // TransactionStatusRequest
            """
            <SaleToPOIRequest><MessageHeader MessageClass="Service" MessageCategory="TransactionStatus" MessageT\
            ype="Request" ServiceID="101501" SaleID="POS7" POIID="SHOP1-POS7"/><TransactionStatusRequest>\
            <MessageReference MessageCategory="Payment" ServiceID="101501"/><DocumentQualifier>\
            CashierReceipt</DocumentQualifier><DocumentQualifier>CustomerReceipt</DocumentQualifier>\
            </TransactionStatusRequest></SaleToPOIRequest>""",
            // ReversalRequest
            """
            <SaleToPOIRequest><MessageHeader MessageClass="Service" MessageCategory="Reversal" MessageType="Requ\
            est" ServiceID="101501" SaleID="POS7" POIID="SHOP1-POS7"/><ReversalRequest ReversalReason="MerchantC\
            ancel" ReversedAmount="120.50"><SaleData><SaleTransactionID TransactionID="A1001" TimeStamp="2025-01-0\
            2T10:16:00+01:00"/></SaleData><OriginalPOITransaction SaleID="POS7" POIID="SHOP1-POS7">\
            <POITransactionID TransactionID="8778880185" TimeStamp="2025-01-02T09:16:04.498Z"/>\
            <ApprovalCode>123456</ApprovalCode></OriginalPOITransaction></ReversalRequest></SaleToPOIRequest>""",
            // EnableServiceRequest
            """
            <SaleToPOIRequest><MessageHeader MessageClass="Service" MessageCategory="EnableService" MessageType="R\
            equest" ServiceID="101501" SaleID="POS7" POIID="SHOP1-POS7"/><EnableServiceRequest TransactionAction="S\
            tartTransaction"><ServicesEnabled>CardAcquisition</ServicesEnabled><DisplayOutput Device="CashierDis\
            play" InfoQualify="Status" ResponseRequiredFlag="false" MinimumDisplayTime="1"><OutputContent Output\
            Format="Text"><OutputText Alignment="Left" CharacterStyle="Normal" EndOfLineFlag="true">\
            Welcome</OutputText></OutputContent></DisplayOutput></EnableServiceRequest></SaleToPOIRequest>""",
            // CardAcquisitionRequest
            """
            <SaleToPOIRequest><MessageHeader MessageClass="Service" MessageCategory="CardAcquisition" MessageTyp\
            e="Request" ServiceID="101501" SaleID="POS7" POIID="SHOP1-POS7"/><CardAcquisitionRequest>\
            <SaleData><SaleTransactionID TransactionID="A1001" TimeStamp="2025-01-02T10:16:00+01:00"/>\
            </SaleData><CardAcquisitionTransaction PaymentType="Normal" TotalAmount="0"><AllowedPaymentBrand>\
            VISA</AllowedPaymentBrand><ForceEntryMode>Contactless</ForceEntryMode></CardAcquisitionTransaction>\
            </CardAcquisitionRequest></SaleToPOIRequest>""",
            // DisplayRequest
            """
            <SaleToPOIRequest><MessageHeader MessageClass="Device" MessageCategory="Display" MessageType="Reques\
            t" ServiceID="101501" DeviceID="d1" SaleID="POS7" POIID="SHOP1-POS7"/><DisplayRequest>\
            <DisplayOutput Device="CashierDisplay" InfoQualify="Status" ResponseRequiredFlag="false" MinimumDisp\
            layTime="1"><OutputContent OutputFormat="Text"><OutputText Alignment="Left" CharacterStyle="Normal" E\
            ndOfLineFlag="true">Present card</OutputText></OutputContent></DisplayOutput><DisplayOutput Device="C\
            ashierDisplay" InfoQualify="Status" ResponseRequiredFlag="false" MinimumDisplayTime="1">\
            <OutputContent OutputFormat="Text"><OutputText Alignment="Left" CharacterStyle="Normal" EndOfLineFla\
            g="true">Enter PIN</OutputText></OutputContent></DisplayOutput></DisplayRequest>\
            </SaleToPOIRequest>""",
            // InputRequest
            """
            <SaleToPOIRequest><MessageHeader MessageClass="Device" MessageCategory="Input" MessageType="Request" S\
            erviceID="101501" DeviceID="d1" SaleID="POS7" POIID="SHOP1-POS7"/><InputRequest>\
            <DisplayOutput Device="CashierDisplay" InfoQualify="Status" ResponseRequiredFlag="false" MinimumDisp\
            layTime="1"><OutputContent OutputFormat="Text"><OutputText Alignment="Left" CharacterStyle="Normal" E\
            ndOfLineFlag="true">Is signature OK?</OutputText></OutputContent></DisplayOutput>\
            <InputData Device="CashierInput" InfoQualify="Input" InputCommand="GetConfirmation" MaxInputTime="12\
            0"><DefaultInputString>yes</DefaultInputString><StringMask>*</StringMask></InputData>\
            </InputRequest></SaleToPOIRequest>""",
            // PrintRequest
            """
            <SaleToPOIRequest><MessageHeader MessageClass="Device" MessageCategory="Print" MessageType="Request" S\
            erviceID="101501" DeviceID="d1" SaleID="POS7" POIID="SHOP1-POS7"/><PrintRequest>\
            <PrintOutput DocumentQualifier="CashierReceipt" ResponseMode="PrintEnd" RequiredSignatureFlag="true">\
            <OutputContent OutputFormat="Text"><OutputText Alignment="Left" CharacterStyle="Normal" EndOfLineFla\
            g="true">Merchant copy</OutputText><OutputText Alignment="Left" CharacterStyle="Normal" EndOfLineFla\
            g="true">Signature: ________</OutputText></OutputContent></PrintOutput></PrintRequest>\
            </SaleToPOIRequest>""",
            // EventNotification
            """
            <SaleToPOIRequest><MessageHeader MessageClass="Event" MessageCategory="Event" MessageType="Notificat\
            ion" ServiceID="101501" SaleID="POS7" POIID="SHOP1-POS7"/><EventNotification TimeStamp="2025-01-02T1\
            0:15:00+01:00" EventToNotify="SaleAdmin" MaintenanceRequiredFlag="true"><EventDetails>\
            Maintenance Required</EventDetails><DisplayOutput Device="CashierDisplay" InfoQualify="Status" Respo\
            nseRequiredFlag="false" MinimumDisplayTime="1"><OutputContent OutputFormat="Text">\
            <OutputText Alignment="Left" CharacterStyle="Normal" EndOfLineFlag="true">Maintenance</OutputText>\
            </OutputContent></DisplayOutput></EventNotification></SaleToPOIRequest>""",
            // TransmitRequest
            """
            <SaleToPOIRequest><MessageHeader MessageClass="Device" MessageCategory="Transmit" MessageType="Reque\
            st" ServiceID="101501" DeviceID="d1" SaleID="POS7" POIID="SHOP1-POS7"/><TransmitRequest DestinationA\
            ddress="127.0.0.1:15022" MaximumTransmitTime="30" WaitResponseFlag="false"><Message>\
            eyJ9</Message></TransmitRequest></SaleToPOIRequest>""",
            // DiagnosisRequest
            """
            <SaleToPOIRequest><MessageHeader ProtocolVersion="3.1" MessageClass="Service" MessageCategory="Diagn\
            osis" MessageType="Request" ServiceID="101501" SaleID="POS7" POIID="SHOP1-POS7"/><DiagnosisRequest P\
            OIID="SHOP1-POS7" HostDiagnosisFlag="true"><AcquirerID>877888</AcquirerID><AcquirerID>SWEDBANK</Acqu\
            irerID></DiagnosisRequest></SaleToPOIRequest>""",
            // LoginResponse
            """
            <?xml version='1.0' encoding='UTF-8'?><SaleToPOIResponse><MessageHeader ProtocolVersion="3.1" Messag\
            eClass="Service" MessageCategory="Login" MessageType="Response" ServiceID="101501" SaleID="POS7" POI\
            ID="SHOP1-POS7"/><LoginResponse><Response Result="Success"/><POISystemData><DateTime>\
            2025-01-02T10:15:00+01:00</DateTime><POISoftware ProviderIdentification="Tillgate" ApplicationName="n\
            exo" SoftwareVersion="0.1"/><POITerminalData TerminalEnvironment="Attended" POISerialNumber="1850000\
            01"><POICapabilities>PrinterReceipt CashierDisplay</POICapabilities></POITerminalData>\
            <POIStatus GlobalStatus="OK" PrinterStatus="OK"/></POISystemData></LoginResponse>\
            </SaleToPOIResponse>""",
            // LogoutResponse
            """
            <?xml version='1.0' encoding='UTF-8'?><SaleToPOIResponse><MessageHeader MessageClass="Service" Messa\
            geCategory="Logout" MessageType="Response" ServiceID="101501" SaleID="POS7" POIID="SHOP1-POS7"/>\
            <LogoutResponse><Response Result="Success"/></LogoutResponse></SaleToPOIResponse>""",
            // PaymentResponse
            """
            <?xml version='1.0' encoding='UTF-8'?><SaleToPOIResponse><MessageHeader MessageClass="Service" Messa\
            geCategory="Payment" MessageType="Response" ServiceID="101501" SaleID="POS7" POIID="SHOP1-POS7"/>\
            <PaymentResponse><Response Result="Success"/><SaleData><SaleTransactionID TransactionID="A1001" Time\
            Stamp="2025-01-02T10:16:00+01:00"/></SaleData><POIData><POITransactionID TransactionID="8778880185" T\
            imeStamp="2025-01-02T09:16:04.498Z"/></POIData><PaymentResult><PaymentInstrumentData PaymentInstrume\
            ntType="Card"><CardData PaymentBrand="01,Mastercard Debit" MaskedPAN="516815******9659" EntryMode="C\
            ontactless"><PaymentToken TokenRequestedType="Customer" TokenValue="ab12"/></CardData>\
            </PaymentInstrumentData><AmountsResp Currency="SEK" AuthorizedAmount="120.50" CashBackAmount="0.00"/>\
            <PaymentAcquirerData MerchantID="1234567" AcquirerPOIID="877888" AcquirerID="A1">\
            <AcquirerTransactionID TransactionID="8778880185" TimeStamp="2025-01-02T09:16:04.498Z"/>\
            <ApprovalCode>123456</ApprovalCode></PaymentAcquirerData></PaymentResult><PaymentReceipt DocumentQua\
            lifier="CashierReceipt" RequiredSignatureFlag="true"><OutputContent OutputFormat="Text">\
            <OutputText>eyJNZXJjaGFudCI6eyJNYW5kYXRvcnkiOnsiT3V0Y29tZSI6eyJBcHByb3ZhbENvZGUiOiIxMjM0NTYiLCJBdXRo\
            b3Jpc2F0aW9uUmVzcG9uc2VDb2RlIjoiMDAifSwiUGF5bWVudCI6eyJQYXltZW50QW1vdW50IjoiMTIwLDUwIiwiU2lnbmF0dXJl\
            QmxvY2siOnRydWV9LCJDYXJkRGV0YWlscyI6eyJQcmltYXJ5QWNjb3VudE51bWJlciI6IioqKioqKioqKioqKjk2NTkifX0sIk9w\
            dGlvbmFsIjp7IlJlY2VpcHRTdHJpbmciOlsiS8OWUDogMTIwLDUwIFNFSyIsIkdvZGvDpG5kIl19fX0=</OutputText>\
            </OutputContent></PaymentReceipt><PaymentReceipt DocumentQualifier="CustomerReceipt" RequiredSignatu\
            reFlag="true"><OutputContent OutputFormat="Text"><OutputText>eyJDYXJkaG9sZGVyIjp7Ik1hbmRhdG9yeSI6eyJ\
            PdXRjb21lIjp7IkFwcHJvdmFsQ29kZSI6IjEyMzQ1NiIsIkF1dGhvcmlzYXRpb25SZXNwb25zZUNvZGUiOiIwMCJ9LCJQYXltZW5\
            0Ijp7IlBheW1lbnRBbW91bnQiOiIxMjAsNTAiLCJTaWduYXR1cmVCbG9jayI6dHJ1ZX0sIkNhcmREZXRhaWxzIjp7IlByaW1hcnl\
            BY2NvdW50TnVtYmVyIjoiKioqKioqKioqKioqOTY1OSJ9fSwiT3B0aW9uYWwiOnsiUmVjZWlwdFN0cmluZyI6WyJLw5ZQOiAxMjA\
            sNTAgU0VLIiwiR29ka8OkbmQiXX19fQ==</OutputText></OutputContent></PaymentReceipt></PaymentResponse>\
            </SaleToPOIResponse>""",
            // TransactionStatusResponse
            """
            <?xml version='1.0' encoding='UTF-8'?><SaleToPOIResponse><MessageHeader MessageClass="Service" Messa\
            geCategory="TransactionStatus" MessageType="Response" ServiceID="101501" SaleID="POS7" POIID="SHOP1-P\
            OS7"/><TransactionStatusResponse><Response Result="Success"/><MessageReference MessageCategory="Paym\
            ent" ServiceID="101501" SaleID="POS7" POIID="SHOP1-POS7"/><RepeatedMessageResponse>\
            <MessageHeader MessageClass="Service" MessageCategory="Payment" MessageType="Response" ServiceID="10\
            1501" SaleID="POS7" POIID="SHOP1-POS7"/><PaymentResponse><Response Result="Success"/>\
            <SaleData><SaleTransactionID TransactionID="A1001" TimeStamp="2025-01-02T10:16:00+01:00"/>\
            </SaleData><POIData><POITransactionID TransactionID="8778880185" TimeStamp="2025-01-02T09:16:04.498Z"/>\
            </POIData><PaymentResult><PaymentInstrumentData PaymentInstrumentType="Card"><CardData PaymentBrand="0\
            1,Mastercard Debit" MaskedPAN="516815******9659" EntryMode="Contactless"><PaymentToken TokenRequeste\
            dType="Customer" TokenValue="ab12"/></CardData></PaymentInstrumentData><AmountsResp Currency="SEK" A\
            uthorizedAmount="120.50" CashBackAmount="0.00"/><PaymentAcquirerData MerchantID="1234567" AcquirerPO\
            IID="877888" AcquirerID="A1"><AcquirerTransactionID TransactionID="8778880185" TimeStamp="2025-01-02\
            T09:16:04.498Z"/><ApprovalCode>123456</ApprovalCode></PaymentAcquirerData></PaymentResult>\
            <PaymentReceipt DocumentQualifier="CashierReceipt" RequiredSignatureFlag="true">\
            <OutputContent OutputFormat="Text"><OutputText>eyJNZXJjaGFudCI6eyJNYW5kYXRvcnkiOnsiT3V0Y29tZSI6eyJBc\
            HByb3ZhbENvZGUiOiIxMjM0NTYiLCJBdXRob3Jpc2F0aW9uUmVzcG9uc2VDb2RlIjoiMDAifSwiUGF5bWVudCI6eyJQYXltZW50Q\
            W1vdW50IjoiMTIwLDUwIiwiU2lnbmF0dXJlQmxvY2siOnRydWV9LCJDYXJkRGV0YWlscyI6eyJQcmltYXJ5QWNjb3VudE51bWJlc\
            iI6IioqKioqKioqKioqKjk2NTkifX0sIk9wdGlvbmFsIjp7IlJlY2VpcHRTdHJpbmciOlsiS8OWUDogMTIwLDUwIFNFSyIsIkdvZ\
            GvDpG5kIl19fX0=</OutputText></OutputContent></PaymentReceipt><PaymentReceipt DocumentQualifier="Cust\
            omerReceipt" RequiredSignatureFlag="true"><OutputContent OutputFormat="Text"><OutputText>\
            eyJDYXJkaG9sZGVyIjp7Ik1hbmRhdG9yeSI6eyJPdXRjb21lIjp7IkFwcHJvdmFsQ29kZSI6IjEyMzQ1NiIsIkF1dGhvcmlzYXRp\
            b25SZXNwb25zZUNvZGUiOiIwMCJ9LCJQYXltZW50Ijp7IlBheW1lbnRBbW91bnQiOiIxMjAsNTAiLCJTaWduYXR1cmVCbG9jayI6\
            dHJ1ZX0sIkNhcmREZXRhaWxzIjp7IlByaW1hcnlBY2NvdW50TnVtYmVyIjoiKioqKioqKioqKioqOTY1OSJ9fSwiT3B0aW9uYWwi\
            OnsiUmVjZWlwdFN0cmluZyI6WyJLw5ZQOiAxMjAsNTAgU0VLIiwiR29ka8OkbmQiXX19fQ==</OutputText>\
            </OutputContent></PaymentReceipt></PaymentResponse></RepeatedMessageResponse></TransactionStatusResp\
            onse></SaleToPOIResponse>""",
            // TransactionStatusResponse
            """
            <?xml version='1.0' encoding='UTF-8'?><SaleToPOIResponse><MessageHeader MessageClass="Service" Messa\
            geCategory="TransactionStatus" MessageType="Response" ServiceID="101501" SaleID="POS7" POIID="SHOP1-P\
            OS7"/><TransactionStatusResponse><Response Result="Failure" ErrorCondition="Busy">\
            <AdditionalResponse>Transaction in progress</AdditionalResponse></Response></TransactionStatusRespon\
            se></SaleToPOIResponse>""",
            // ReversalResponse
            """
            <?xml version='1.0' encoding='UTF-8'?><SaleToPOIResponse><MessageHeader MessageClass="Service" Messa\
            geCategory="Reversal" MessageType="Response" ServiceID="101501" SaleID="POS7" POIID="SHOP1-POS7"/>\
            <ReversalResponse><Response Result="Success"/><POIData><POITransactionID TransactionID="8778880185" T\
            imeStamp="2025-01-02T09:16:04.498Z"/></POIData><OriginalPOITransaction SaleID="POS7" POIID="SHOP1-PO\
            S7"><POITransactionID TransactionID="8778880185" TimeStamp="2025-01-02T09:16:04.498Z"/>\
            </OriginalPOITransaction><PaymentReceipt DocumentQualifier="CustomerReceipt" RequiredSignatureFlag="t\
            rue"><OutputContent OutputFormat="Text"><OutputText>eyJDYXJkaG9sZGVyIjp7Ik1hbmRhdG9yeSI6eyJPdXRjb21l\
            Ijp7IkFwcHJvdmFsQ29kZSI6IjEyMzQ1NiIsIkF1dGhvcmlzYXRpb25SZXNwb25zZUNvZGUiOiIwMCJ9LCJQYXltZW50Ijp7IlBh\
            eW1lbnRBbW91bnQiOiIxMjAsNTAiLCJTaWduYXR1cmVCbG9jayI6dHJ1ZX0sIkNhcmREZXRhaWxzIjp7IlByaW1hcnlBY2NvdW50\
            TnVtYmVyIjoiKioqKioqKioqKioqOTY1OSJ9fSwiT3B0aW9uYWwiOnsiUmVjZWlwdFN0cmluZyI6WyJLw5ZQOiAxMjAsNTAgU0VL\
            IiwiR29ka8OkbmQiXX19fQ==</OutputText></OutputContent></PaymentReceipt></ReversalResponse>\
            </SaleToPOIResponse>""",
            // EnableServiceResponse
            """
            <?xml version='1.0' encoding='UTF-8'?><SaleToPOIResponse><MessageHeader MessageClass="Service" Messa\
            geCategory="EnableService" MessageType="Response" ServiceID="101501" SaleID="POS7" POIID="SHOP1-POS7"/>\
            <EnableServiceResponse><Response Result="Success"/></EnableServiceResponse></SaleToPOIResponse>""",
            // CardAcquisitionResponse
            """
            <?xml version='1.0' encoding='UTF-8'?><SaleToPOIResponse><MessageHeader MessageClass="Service" Messa\
            geCategory="CardAcquisition" MessageType="Response" ServiceID="101501" SaleID="POS7" POIID="SHOP1-PO\
            S7"/><CardAcquisitionResponse><Response Result="Success"/><SaleData><SaleTransactionID TransactionID="A\
            1001" TimeStamp="2025-01-02T10:16:00+01:00"/></SaleData><POIData><POITransactionID TransactionID="87\
            78880185" TimeStamp="2025-01-02T09:16:04.498Z"/></POIData><PaymentBrand>VISA</PaymentBrand>\
            <PaymentBrand>MasterCard</PaymentBrand><PaymentInstrumentData PaymentInstrumentType="Card">\
            <CardData PaymentBrand="01,Visa" MaskedPAN="476173******0010" EntryMode="ICC"/></PaymentInstrumentDa\
            ta></CardAcquisitionResponse></SaleToPOIResponse>""",
            // DisplayResponse
            """
            <?xml version='1.0' encoding='UTF-8'?><SaleToPOIResponse><MessageHeader MessageClass="Device" Messag\
            eCategory="Display" MessageType="Response" ServiceID="101501" DeviceID="d1" SaleID="POS7" POIID="SHO\
            P1-POS7"/><DisplayResponse><OutputResult Device="CashierDisplay" InfoQualify="Status">\
            <Response Result="Success"/></OutputResult></DisplayResponse></SaleToPOIResponse>""",
            // InputResponse
            """
            <?xml version='1.0' encoding='UTF-8'?><SaleToPOIResponse><MessageHeader MessageClass="Device" Messag\
            eCategory="Input" MessageType="Response" ServiceID="101501" DeviceID="d1" SaleID="POS7" POIID="SHOP1-P\
            OS7"/><InputResponse><OutputResult Device="CashierDisplay" InfoQualify="Input"><Response Result="Suc\
            cess"/></OutputResult><InputResult Device="CashierInput" InfoQualify="Input"><Response Result="Succe\
            ss"/><Input InputCommand="GetConfirmation"><ConfirmedFlag>true</ConfirmedFlag></Input>\
            </InputResult></InputResponse></SaleToPOIResponse>""",
            // PrintResponse
            """
            <?xml version='1.0' encoding='UTF-8'?><SaleToPOIResponse><MessageHeader MessageClass="Device" Messag\
            eCategory="Print" MessageType="Response" ServiceID="101501" DeviceID="d1" SaleID="POS7" POIID="SHOP1-P\
            OS7"/><PrintResponse DocumentQualifier="CashierReceipt"><Response Result="Success"/>\
            </PrintResponse></SaleToPOIResponse>""",
            // TransmitResponse
            """
            <?xml version='1.0' encoding='UTF-8'?><SaleToPOIResponse><MessageHeader MessageClass="Device" Messag\
            eCategory="Transmit" MessageType="Response" ServiceID="101501" DeviceID="d1" SaleID="POS7" POIID="SH\
            OP1-POS7"/><TransmitResponse><Response Result="Success"/><Message>eyJ9</Message>\
            </TransmitResponse></SaleToPOIResponse>""",
            // DiagnosisResponse
            """
            <?xml version='1.0' encoding='UTF-8'?><SaleToPOIResponse><MessageHeader ProtocolVersion="3.1" Messag\
            eClass="Service" MessageCategory="Diagnosis" MessageType="Response" ServiceID="101501" SaleID="POS7"\
             POIID="SHOP1-POS7"/><DiagnosisResponse><Response Result="Success"/><LoggedSaleID>POS7</LoggedSaleID\
            ><POIStatus GlobalStatus="Busy" PrinterStatus="PaperLow"/><HostStatus AcquirerID="877888" IsReachabl\
            eFlag="true"/><HostStatus AcquirerID="SWEDBANK" IsReachableFlag="false"/></DiagnosisResponse></SaleT\
            oPOIResponse>"""
    );

    private final NexoCodec codec = new NexoCodec();

    @Test
    void everyFixtureEncodesToTheCapturedBytes() {
        List<String> actual = new ArrayList<>();
        NexoFixtures.requests().forEach(request -> actual.add(utf8(codec.encode(request))));
        NexoFixtures.responses().forEach(response -> actual.add(utf8(codec.encode(response))));
        assertThat(actual).hasSameSizeAs(EXPECTED);
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i)).as("fixture %d", i).isEqualTo(EXPECTED.get(i));
        }
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
