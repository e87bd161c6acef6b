package io.tillgate.nexo.codec;

import static io.tillgate.nexo.codec.XmlShape.Type.BOOLEAN;
import static io.tillgate.nexo.codec.XmlShape.Type.DECIMAL;
import static io.tillgate.nexo.codec.XmlShape.Type.INTEGER;
import static io.tillgate.nexo.codec.XmlShape.Type.STRING;

import java.math.BigDecimal;

/**
 * Every nexo element Tillgate reads or writes, as an {@link XmlShape}: the schema's names
 * (docs/protocols/nexo.md §2–§5), attributes in the records' order, child elements in XSD order (§3). A shape
 * is declared after the shapes it nests.
 */
final class NexoShapes {

    private NexoShapes() {
    }

    static final XmlShape<MessageReference> MESSAGE_REFERENCE = XmlShape.of(MessageReference.class)
            .attribute("MessageCategory", MessageCategory::fromCode, MessageCategory::code,
                    MessageReference::messageCategory)
            .attribute("ServiceID", STRING, MessageReference::serviceId)
            .attribute("DeviceID", STRING, MessageReference::deviceId)
            .attribute("SaleID", STRING, MessageReference::saleId)
            .attribute("POIID", STRING, MessageReference::poiId)
            .build(a -> new MessageReference((MessageCategory) a[0], (String) a[1], (String) a[2], (String) a[3],
                    (String) a[4]));

    static final XmlShape<OutputText> OUTPUT_TEXT = XmlShape.of(OutputText.class)
            .attribute("Alignment", STRING, OutputText::alignment)
            .attribute("CharacterStyle", STRING, OutputText::characterStyle)
            .attribute("EndOfLineFlag", BOOLEAN, OutputText::endOfLineFlag)
            .text(OutputText::text)
            .build(a -> new OutputText((String) a[0], (String) a[1], (Boolean) a[2], (String) a[3]));

    static final XmlShape<OutputContent> OUTPUT_CONTENT = XmlShape.of(OutputContent.class)
            .attribute("OutputFormat", STRING, OutputContent::outputFormat)
            .element("PredefinedContent", STRING, OutputContent::predefinedContent)
            .elements("OutputText", OUTPUT_TEXT, OutputContent::outputText)
            .build(a -> new OutputContent((String) a[0], (String) a[1], XmlShape.list(a, 2)));

    static final XmlShape<DisplayOutput> DISPLAY_OUTPUT = XmlShape.of(DisplayOutput.class)
            .attribute("Device", STRING, DisplayOutput::device)
            .attribute("InfoQualify", STRING, DisplayOutput::infoQualify)
            .attribute("ResponseRequiredFlag", BOOLEAN, DisplayOutput::responseRequiredFlag)
            .attribute("MinimumDisplayTime", INTEGER, DisplayOutput::minimumDisplayTime)
            .element("OutputContent", OUTPUT_CONTENT, DisplayOutput::outputContent)
            .build(a -> new DisplayOutput((String) a[0], (String) a[1], (Boolean) a[2], (Integer) a[3],
                    (OutputContent) a[4]));

    static final XmlShape<AbortRequest> ABORT_REQUEST = XmlShape.of(AbortRequest.class)
            .element("MessageReference", MESSAGE_REFERENCE, AbortRequest::messageReference)
            .element("AbortReason", STRING, AbortRequest::abortReason)
            .element("DisplayOutput", DISPLAY_OUTPUT, AbortRequest::displayOutput)
            .build(a -> new AbortRequest((MessageReference) a[0], (String) a[1], (DisplayOutput) a[2]));

    static final XmlShape<AmountsReq> AMOUNTS_REQ = XmlShape.of(AmountsReq.class)
            .attribute("Currency", STRING, AmountsReq::currency)
            .attribute("RequestedAmount", DECIMAL, AmountsReq::requestedAmount)
            .attribute("CashBackAmount", DECIMAL, AmountsReq::cashBackAmount)
            .attribute("TipAmount", DECIMAL, AmountsReq::tipAmount)
            .build(a -> new AmountsReq((String) a[0], (BigDecimal) a[1], (BigDecimal) a[2], (BigDecimal) a[3]));

    static final XmlShape<AmountsResp> AMOUNTS_RESP = XmlShape.of(AmountsResp.class)
            .attribute("Currency", STRING, AmountsResp::currency)
            .attribute("AuthorizedAmount", DECIMAL, AmountsResp::authorizedAmount)
            .attribute("CashBackAmount", DECIMAL, AmountsResp::cashBackAmount)
            .attribute("TipAmount", DECIMAL, AmountsResp::tipAmount)
            .build(a -> new AmountsResp((String) a[0], (BigDecimal) a[1], (BigDecimal) a[2], (BigDecimal) a[3]));

    static final XmlShape<TransactionIdentification> TRANSACTION_IDENTIFICATION =
            XmlShape.of(TransactionIdentification.class)
            .attribute("TransactionID", STRING, TransactionIdentification::transactionId)
            .attribute("TimeStamp", STRING, TransactionIdentification::timeStamp)
            .build(a -> new TransactionIdentification((String) a[0], (String) a[1]));

    static final XmlShape<SaleProfile> SALE_PROFILE = XmlShape.of(SaleProfile.class)
            .attribute("GenericProfile", STRING, SaleProfile::genericProfile)
            .element("ServiceProfiles", STRING, SaleProfile::serviceProfiles)
            .build(a -> new SaleProfile((String) a[0], (String) a[1]));

    static final XmlShape<SaleTerminalData> SALE_TERMINAL_DATA = XmlShape.of(SaleTerminalData.class)
            .attribute("TerminalEnvironment", STRING, SaleTerminalData::terminalEnvironment)
            .element("SaleCapabilities", STRING, SaleTerminalData::saleCapabilities)
            .element("SaleProfile", SALE_PROFILE, SaleTerminalData::saleProfile)
            .build(a -> new SaleTerminalData((String) a[0], (String) a[1], (SaleProfile) a[2]));

    static final XmlShape<SaleData> SALE_DATA = XmlShape.of(SaleData.class)
            .attribute("TokenRequestedType", STRING, SaleData::tokenRequestedType)
            .element("SaleTransactionID", TRANSACTION_IDENTIFICATION, SaleData::saleTransactionId)
            .element("SaleTerminalData", SALE_TERMINAL_DATA, SaleData::saleTerminalData)
            .element("SaleToPOIData", STRING, SaleData::saleToPoiData)
            .element("SaleToAcquirerData", STRING, SaleData::saleToAcquirerData)
            .build(a -> new SaleData((String) a[0], (TransactionIdentification) a[1], (SaleTerminalData) a[2],
                    (String) a[3], (String) a[4]));

    static final XmlShape<CardAcquisitionTransaction> CARD_ACQUISITION_TRANSACTION =
            XmlShape.of(CardAcquisitionTransaction.class)
            .attribute("PaymentType", PaymentType::fromCode, PaymentType::code, CardAcquisitionTransaction::paymentType)
            .attribute("TotalAmount", DECIMAL, CardAcquisitionTransaction::totalAmount)
            .elements("AllowedPaymentBrand", STRING, CardAcquisitionTransaction::allowedPaymentBrand)
            .elements("ForceEntryMode", STRING, CardAcquisitionTransaction::forceEntryMode)
            .build(a -> new CardAcquisitionTransaction((PaymentType) a[0], (BigDecimal) a[1], XmlShape.list(a, 2),
                    XmlShape.list(a, 3)));

    static final XmlShape<CardAcquisitionRequest> CARD_ACQUISITION_REQUEST = XmlShape.of(CardAcquisitionRequest.class)
            .element("SaleData", SALE_DATA, CardAcquisitionRequest::saleData)
            .element("CardAcquisitionTransaction", CARD_ACQUISITION_TRANSACTION,
                    CardAcquisitionRequest::cardAcquisitionTransaction)
            .build(a -> new CardAcquisitionRequest((SaleData) a[0], (CardAcquisitionTransaction) a[1]));

    static final XmlShape<Response> RESPONSE = XmlShape.of(Response.class)
            .attribute("Result", Result::fromCode, Result::code, Response::result)
            .attribute("ErrorCondition", ErrorCondition::fromCode, ErrorCondition::code, Response::errorCondition)
            .element("AdditionalResponse", STRING, Response::additionalResponse)
            .build(a -> new Response((Result) a[0], (ErrorCondition) a[1], (String) a[2]));

    static final XmlShape<PoiData> POI_DATA = XmlShape.of(PoiData.class)
            .element("POITransactionID", TRANSACTION_IDENTIFICATION, PoiData::poiTransactionId)
            .build(a -> new PoiData((TransactionIdentification) a[0]));

    static final XmlShape<PaymentToken> PAYMENT_TOKEN = XmlShape.of(PaymentToken.class)
            .attribute("TokenRequestedType", STRING, PaymentToken::tokenRequestedType)
            .attribute("TokenValue", STRING, PaymentToken::tokenValue)
            .build(a -> new PaymentToken((String) a[0], (String) a[1]));

    static final XmlShape<CardData> CARD_DATA = XmlShape.of(CardData.class)
            .attribute("PaymentBrand", STRING, CardData::paymentBrand)
            .attribute("MaskedPAN", STRING, CardData::maskedPan)
            .attribute("PaymentAccountRef", STRING, CardData::paymentAccountRef)
            .attribute("EntryMode", STRING, CardData::entryMode)
            .element("PaymentToken", PAYMENT_TOKEN, CardData::paymentToken)
            .build(a -> new CardData((String) a[0], (String) a[1], (String) a[2], (String) a[3], (PaymentToken) a[4]));

    static final XmlShape<PaymentInstrumentData> PAYMENT_INSTRUMENT_DATA = XmlShape.of(PaymentInstrumentData.class)
            .attribute("PaymentInstrumentType", STRING, PaymentInstrumentData::paymentInstrumentType)
            .element("CardData", CARD_DATA, PaymentInstrumentData::cardData)
            .build(a -> new PaymentInstrumentData((String) a[0], (CardData) a[1]));

    static final XmlShape<CardAcquisitionResponse> CARD_ACQUISITION_RESPONSE =
            XmlShape.of(CardAcquisitionResponse.class)
            .element("Response", RESPONSE, CardAcquisitionResponse::response)
            .element("SaleData", SALE_DATA, CardAcquisitionResponse::saleData)
            .element("POIData", POI_DATA, CardAcquisitionResponse::poiData)
            .elements("PaymentBrand", STRING, CardAcquisitionResponse::paymentBrand)
            .element("PaymentInstrumentData", PAYMENT_INSTRUMENT_DATA, CardAcquisitionResponse::paymentInstrumentData)
            .build(a -> new CardAcquisitionResponse((Response) a[0], (SaleData) a[1], (PoiData) a[2], XmlShape.list(a,
                    3), (PaymentInstrumentData) a[4]));

    static final XmlShape<DiagnosisRequest> DIAGNOSIS_REQUEST = XmlShape.of(DiagnosisRequest.class)
            .attribute("POIID", STRING, DiagnosisRequest::poiId)
            .attribute("HostDiagnosisFlag", BOOLEAN, DiagnosisRequest::hostDiagnosisFlag)
            .elements("AcquirerID", STRING, DiagnosisRequest::acquirerId)
            .build(a -> new DiagnosisRequest((String) a[0], (Boolean) a[1], XmlShape.list(a, 2)));

    static final XmlShape<PoiStatus> POI_STATUS = XmlShape.of(PoiStatus.class)
            .attribute("GlobalStatus", STRING, PoiStatus::globalStatus)
            .attribute("PrinterStatus", STRING, PoiStatus::printerStatus)
            .build(a -> new PoiStatus((String) a[0], (String) a[1]));

    static final XmlShape<HostStatus> HOST_STATUS = XmlShape.of(HostStatus.class)
            .attribute("AcquirerID", STRING, HostStatus::acquirerId)
            .attribute("IsReachableFlag", BOOLEAN, HostStatus::isReachableFlag)
            .build(a -> new HostStatus((String) a[0], (Boolean) a[1]));

    static final XmlShape<DiagnosisResponse> DIAGNOSIS_RESPONSE = XmlShape.of(DiagnosisResponse.class)
            .element("Response", RESPONSE, DiagnosisResponse::response)
            .elements("LoggedSaleID", STRING, DiagnosisResponse::loggedSaleId)
            .element("POIStatus", POI_STATUS, DiagnosisResponse::poiStatus)
            .elements("HostStatus", HOST_STATUS, DiagnosisResponse::hostStatus)
            .build(a -> new DiagnosisResponse((Response) a[0], XmlShape.list(a, 1), (PoiStatus) a[2], XmlShape.list(a,
                    3)));

    static final XmlShape<DisplayRequest> DISPLAY_REQUEST = XmlShape.of(DisplayRequest.class)
            .elements("DisplayOutput", DISPLAY_OUTPUT, DisplayRequest::displayOutput)
            .build(a -> new DisplayRequest(XmlShape.list(a, 0)));

    static final XmlShape<OutputResult> OUTPUT_RESULT = XmlShape.of(OutputResult.class)
            .attribute("Device", STRING, OutputResult::device)
            .attribute("InfoQualify", STRING, OutputResult::infoQualify)
            .element("Response", RESPONSE, OutputResult::response)
            .build(a -> new OutputResult((String) a[0], (String) a[1], (Response) a[2]));

    static final XmlShape<DisplayResponse> DISPLAY_RESPONSE = XmlShape.of(DisplayResponse.class)
            .elements("OutputResult", OUTPUT_RESULT, DisplayResponse::outputResult)
            .build(a -> new DisplayResponse(XmlShape.list(a, 0)));

    static final XmlShape<EnableServiceRequest> ENABLE_SERVICE_REQUEST = XmlShape.of(EnableServiceRequest.class)
            .attribute("TransactionAction", STRING, EnableServiceRequest::transactionAction)
            .element("ServicesEnabled", STRING, EnableServiceRequest::servicesEnabled)
            .element("DisplayOutput", DISPLAY_OUTPUT, EnableServiceRequest::displayOutput)
            .build(a -> new EnableServiceRequest((String) a[0], (String) a[1], (DisplayOutput) a[2]));

    static final XmlShape<EnableServiceResponse> ENABLE_SERVICE_RESPONSE = XmlShape.of(EnableServiceResponse.class)
            .element("Response", RESPONSE, EnableServiceResponse::response)
            .build(a -> new EnableServiceResponse((Response) a[0]));

    static final XmlShape<EventNotification> EVENT_NOTIFICATION = XmlShape.of(EventNotification.class)
            .attribute("TimeStamp", STRING, EventNotification::timeStamp)
            .attribute("EventToNotify", EventToNotify::fromCode, EventToNotify::code, EventNotification::eventToNotify)
            .attribute("MaintenanceRequiredFlag", BOOLEAN, EventNotification::maintenanceRequiredFlag)
            .element("EventDetails", STRING, EventNotification::eventDetails)
            .element("RejectedMessage", STRING, EventNotification::rejectedMessage)
            .element("DisplayOutput", DISPLAY_OUTPUT, EventNotification::displayOutput)
            .build(a -> new EventNotification((String) a[0], (EventToNotify) a[1], (Boolean) a[2], (String) a[3],
                    (String) a[4], (DisplayOutput) a[5]));

    static final XmlShape<MessageHeader> MESSAGE_HEADER = XmlShape.of(MessageHeader.class)
            .attribute("ProtocolVersion", STRING, MessageHeader::protocolVersion)
            .attribute("MessageClass", MessageClass::fromCode, MessageClass::code, MessageHeader::messageClass)
            .attribute("MessageCategory", MessageCategory::fromCode, MessageCategory::code,
                    MessageHeader::messageCategory)
            .attribute("MessageType", MessageType::fromCode, MessageType::code, MessageHeader::messageType)
            .attribute("ServiceID", STRING, MessageHeader::serviceId)
            .attribute("DeviceID", STRING, MessageHeader::deviceId)
            .attribute("SaleID", STRING, MessageHeader::saleId)
            .attribute("POIID", STRING, MessageHeader::poiId)
            .build(a -> new MessageHeader((String) a[0], (MessageClass) a[1], (MessageCategory) a[2],
                    (MessageType) a[3], (String) a[4], (String) a[5], (String) a[6], (String) a[7]));

    static final XmlShape<HeaderDocument> HEADER_DOCUMENT = XmlShape.of(HeaderDocument.class)
            .element("MessageHeader", MESSAGE_HEADER, HeaderDocument::header)
            .build(a -> new HeaderDocument((MessageHeader) a[0]));

    static final XmlShape<Input> INPUT = XmlShape.of(Input.class)
            .attribute("InputCommand", InputCommand::fromCode, InputCommand::code, Input::inputCommand)
            .element("ConfirmedFlag", BOOLEAN, Input::confirmedFlag)
            .element("FunctionKey", STRING, Input::functionKey)
            .element("TextInput", STRING, Input::textInput)
            .element("DigitInput", STRING, Input::digitInput)
            .element("Password", STRING, Input::password)
            .element("MenuEntryNumber", INTEGER, Input::menuEntryNumber)
            .build(a -> new Input((InputCommand) a[0], (Boolean) a[1], (String) a[2], (String) a[3], (String) a[4],
                    (String) a[5], (Integer) a[6]));

    static final XmlShape<InputData> INPUT_DATA = XmlShape.of(InputData.class)
            .attribute("Device", STRING, InputData::device)
            .attribute("InfoQualify", STRING, InputData::infoQualify)
            .attribute("InputCommand", InputCommand::fromCode, InputCommand::code, InputData::inputCommand)
            .attribute("MaxInputTime", INTEGER, InputData::maxInputTime)
            .element("DefaultInputString", STRING, InputData::defaultInputString)
            .element("StringMask", STRING, InputData::stringMask)
            .build(a -> new InputData((String) a[0], (String) a[1], (InputCommand) a[2], (Integer) a[3],
                    (String) a[4], (String) a[5]));

    static final XmlShape<InputRequest> INPUT_REQUEST = XmlShape.of(InputRequest.class)
            .element("DisplayOutput", DISPLAY_OUTPUT, InputRequest::displayOutput)
            .element("InputData", INPUT_DATA, InputRequest::inputData)
            .build(a -> new InputRequest((DisplayOutput) a[0], (InputData) a[1]));

    static final XmlShape<InputResult> INPUT_RESULT = XmlShape.of(InputResult.class)
            .attribute("Device", STRING, InputResult::device)
            .attribute("InfoQualify", STRING, InputResult::infoQualify)
            .element("Response", RESPONSE, InputResult::response)
            .element("Input", INPUT, InputResult::input)
            .build(a -> new InputResult((String) a[0], (String) a[1], (Response) a[2], (Input) a[3]));

    static final XmlShape<InputResponse> INPUT_RESPONSE = XmlShape.of(InputResponse.class)
            .element("OutputResult", OUTPUT_RESULT, InputResponse::outputResult)
            .element("InputResult", INPUT_RESULT, InputResponse::inputResult)
            .build(a -> new InputResponse((OutputResult) a[0], (InputResult) a[1]));

    static final XmlShape<SaleSoftware> SALE_SOFTWARE = XmlShape.of(SaleSoftware.class)
            .attribute("ProviderIdentification", STRING, SaleSoftware::providerIdentification)
            .attribute("ApplicationName", STRING, SaleSoftware::applicationName)
            .attribute("SoftwareVersion", STRING, SaleSoftware::softwareVersion)
            .attribute("CertificationCode", STRING, SaleSoftware::certificationCode)
            .build(a -> new SaleSoftware((String) a[0], (String) a[1], (String) a[2], (String) a[3]));

    static final XmlShape<LoginRequest> LOGIN_REQUEST = XmlShape.of(LoginRequest.class)
            .attribute("OperatorLanguage", STRING, LoginRequest::operatorLanguage)
            .attribute("TrainingModeFlag", BOOLEAN, LoginRequest::trainingModeFlag)
            .attribute("OperatorID", STRING, LoginRequest::operatorId)
            .attribute("ShiftNumber", STRING, LoginRequest::shiftNumber)
            .attribute("TokenRequestedType", STRING, LoginRequest::tokenRequestedType)
            .attribute("CustomerOrderReq", STRING, LoginRequest::customerOrderReq)
            .attribute("POISerialNumber", STRING, LoginRequest::poiSerialNumber)
            .element("DateTime", STRING, LoginRequest::dateTime)
            .element("SaleSoftware", SALE_SOFTWARE, LoginRequest::saleSoftware)
            .element("SaleTerminalData", SALE_TERMINAL_DATA, LoginRequest::saleTerminalData)
            .build(a -> new LoginRequest((String) a[0], (Boolean) a[1], (String) a[2], (String) a[3], (String) a[4],
                    (String) a[5], (String) a[6], (String) a[7], (SaleSoftware) a[8], (SaleTerminalData) a[9]));

    static final XmlShape<PoiTerminalData> POI_TERMINAL_DATA = XmlShape.of(PoiTerminalData.class)
            .attribute("TerminalEnvironment", STRING, PoiTerminalData::terminalEnvironment)
            .attribute("POISerialNumber", STRING, PoiTerminalData::poiSerialNumber)
            .element("POICapabilities", STRING, PoiTerminalData::poiCapabilities)
            .element("POIProfile", STRING, PoiTerminalData::poiProfile)
            .build(a -> new PoiTerminalData((String) a[0], (String) a[1], (String) a[2], (String) a[3]));

    static final XmlShape<PoiSystemData> POI_SYSTEM_DATA = XmlShape.of(PoiSystemData.class)
            .element("DateTime", STRING, PoiSystemData::dateTime)
            .element("POISoftware", SALE_SOFTWARE, PoiSystemData::poiSoftware)
            .element("POITerminalData", POI_TERMINAL_DATA, PoiSystemData::poiTerminalData)
            .element("POIStatus", POI_STATUS, PoiSystemData::poiStatus)
            .build(a -> new PoiSystemData((String) a[0], (SaleSoftware) a[1], (PoiTerminalData) a[2],
                    (PoiStatus) a[3]));

    static final XmlShape<LoginResponse> LOGIN_RESPONSE = XmlShape.of(LoginResponse.class)
            .element("Response", RESPONSE, LoginResponse::response)
            .element("POISystemData", POI_SYSTEM_DATA, LoginResponse::poiSystemData)
            .build(a -> new LoginResponse((Response) a[0], (PoiSystemData) a[1]));

    static final XmlShape<LogoutRequest> LOGOUT_REQUEST = XmlShape.of(LogoutRequest.class)
            .attribute("MaintenanceAllowed", BOOLEAN, LogoutRequest::maintenanceAllowed)
            .build(a -> new LogoutRequest((Boolean) a[0]));

    static final XmlShape<LogoutResponse> LOGOUT_RESPONSE = XmlShape.of(LogoutResponse.class)
            .element("Response", RESPONSE, LogoutResponse::response)
            .build(a -> new LogoutResponse((Response) a[0]));

    static final XmlShape<OriginalPoiTransaction> ORIGINAL_POI_TRANSACTION = XmlShape.of(OriginalPoiTransaction.class)
            .attribute("SaleID", STRING, OriginalPoiTransaction::saleId)
            .attribute("POIID", STRING, OriginalPoiTransaction::poiId)
            .element("POITransactionID", TRANSACTION_IDENTIFICATION, OriginalPoiTransaction::poiTransactionId)
            .element("ApprovalCode", STRING, OriginalPoiTransaction::approvalCode)
            .element("HostTransactionID", TRANSACTION_IDENTIFICATION, OriginalPoiTransaction::hostTransactionId)
            .build(a -> new OriginalPoiTransaction((String) a[0], (String) a[1], (TransactionIdentification) a[2],
                    (String) a[3], (TransactionIdentification) a[4]));

    static final XmlShape<PaymentAcquirerData> PAYMENT_ACQUIRER_DATA = XmlShape.of(PaymentAcquirerData.class)
            .attribute("MerchantID", STRING, PaymentAcquirerData::merchantId)
            .attribute("AcquirerPOIID", STRING, PaymentAcquirerData::acquirerPoiId)
            .attribute("AcquirerID", STRING, PaymentAcquirerData::acquirerId)
            .element("AcquirerTransactionID", TRANSACTION_IDENTIFICATION, PaymentAcquirerData::acquirerTransactionId)
            .element("ApprovalCode", STRING, PaymentAcquirerData::approvalCode)
            .build(a -> new PaymentAcquirerData((String) a[0], (String) a[1], (String) a[2],
                    (TransactionIdentification) a[3], (String) a[4]));

    static final XmlShape<PaymentData> PAYMENT_DATA = XmlShape.of(PaymentData.class)
            .attribute("PaymentType", PaymentType::fromCode, PaymentType::code, PaymentData::paymentType)
            .element("CardAcquisitionReference", TRANSACTION_IDENTIFICATION, PaymentData::cardAcquisitionReference)
            .build(a -> new PaymentData((PaymentType) a[0], (TransactionIdentification) a[1]));

    static final XmlShape<PaymentReceipt> PAYMENT_RECEIPT = XmlShape.of(PaymentReceipt.class)
            .attribute("DocumentQualifier", DocumentQualifier::fromCode, DocumentQualifier::code,
                    PaymentReceipt::documentQualifier)
            .attribute("IntegratedPrintFlag", BOOLEAN, PaymentReceipt::integratedPrintFlag)
            .attribute("RequiredSignatureFlag", BOOLEAN, PaymentReceipt::requiredSignatureFlag)
            .element("OutputContent", OUTPUT_CONTENT, PaymentReceipt::outputContent)
            .build(a -> new PaymentReceipt((DocumentQualifier) a[0], (Boolean) a[1], (Boolean) a[2],
                    (OutputContent) a[3]));

    static final XmlShape<PaymentTransaction> PAYMENT_TRANSACTION = XmlShape.of(PaymentTransaction.class)
            .element("AmountsReq", AMOUNTS_REQ, PaymentTransaction::amountsReq)
            .element("OriginalPOITransaction", ORIGINAL_POI_TRANSACTION, PaymentTransaction::originalPoiTransaction)
            .build(a -> new PaymentTransaction((AmountsReq) a[0], (OriginalPoiTransaction) a[1]));

    static final XmlShape<PaymentRequest> PAYMENT_REQUEST = XmlShape.of(PaymentRequest.class)
            .element("SaleData", SALE_DATA, PaymentRequest::saleData)
            .element("PaymentTransaction", PAYMENT_TRANSACTION, PaymentRequest::paymentTransaction)
            .element("PaymentData", PAYMENT_DATA, PaymentRequest::paymentData)
            .build(a -> new PaymentRequest((SaleData) a[0], (PaymentTransaction) a[1], (PaymentData) a[2]));

    static final XmlShape<PaymentResult> PAYMENT_RESULT = XmlShape.of(PaymentResult.class)
            .element("PaymentInstrumentData", PAYMENT_INSTRUMENT_DATA, PaymentResult::paymentInstrumentData)
            .element("AmountsResp", AMOUNTS_RESP, PaymentResult::amountsResp)
            .element("PaymentAcquirerData", PAYMENT_ACQUIRER_DATA, PaymentResult::paymentAcquirerData)
            .build(a -> new PaymentResult((PaymentInstrumentData) a[0], (AmountsResp) a[1],
                    (PaymentAcquirerData) a[2]));

    static final XmlShape<PaymentResponse> PAYMENT_RESPONSE = XmlShape.of(PaymentResponse.class)
            .element("Response", RESPONSE, PaymentResponse::response)
            .element("SaleData", SALE_DATA, PaymentResponse::saleData)
            .element("POIData", POI_DATA, PaymentResponse::poiData)
            .element("PaymentResult", PAYMENT_RESULT, PaymentResponse::paymentResult)
            .elements("PaymentReceipt", PAYMENT_RECEIPT, PaymentResponse::paymentReceipt)
            .build(a -> new PaymentResponse((Response) a[0], (SaleData) a[1], (PoiData) a[2], (PaymentResult) a[3],
                    XmlShape.list(a, 4)));

    static final XmlShape<PrintOutput> PRINT_OUTPUT = XmlShape.of(PrintOutput.class)
            .attribute("DocumentQualifier", DocumentQualifier::fromCode, DocumentQualifier::code,
                    PrintOutput::documentQualifier)
            .attribute("ResponseMode", STRING, PrintOutput::responseMode)
            .attribute("RequiredSignatureFlag", BOOLEAN, PrintOutput::requiredSignatureFlag)
            .element("OutputContent", OUTPUT_CONTENT, PrintOutput::outputContent)
            .build(a -> new PrintOutput((DocumentQualifier) a[0], (String) a[1], (Boolean) a[2], (OutputContent) a[3]));

    static final XmlShape<PrintRequest> PRINT_REQUEST = XmlShape.of(PrintRequest.class)
            .element("PrintOutput", PRINT_OUTPUT, PrintRequest::printOutput)
            .build(a -> new PrintRequest((PrintOutput) a[0]));

    static final XmlShape<PrintResponse> PRINT_RESPONSE = XmlShape.of(PrintResponse.class)
            .attribute("DocumentQualifier", DocumentQualifier::fromCode, DocumentQualifier::code,
                    PrintResponse::documentQualifier)
            .element("Response", RESPONSE, PrintResponse::response)
            .build(a -> new PrintResponse((DocumentQualifier) a[0], (Response) a[1]));

    static final XmlShape<ReversalResponse> REVERSAL_RESPONSE = XmlShape.of(ReversalResponse.class)
            .element("Response", RESPONSE, ReversalResponse::response)
            .element("POIData", POI_DATA, ReversalResponse::poiData)
            .element("OriginalPOITransaction", ORIGINAL_POI_TRANSACTION, ReversalResponse::originalPoiTransaction)
            .elements("PaymentReceipt", PAYMENT_RECEIPT, ReversalResponse::paymentReceipt)
            .build(a -> new ReversalResponse((Response) a[0], (PoiData) a[1], (OriginalPoiTransaction) a[2],
                    XmlShape.list(a, 3)));

    static final XmlShape<RepeatedMessageResponse> REPEATED_MESSAGE_RESPONSE =
            XmlShape.of(RepeatedMessageResponse.class)
            .element("MessageHeader", MESSAGE_HEADER, RepeatedMessageResponse::messageHeader)
            .element("PaymentResponse", PAYMENT_RESPONSE, RepeatedMessageResponse::paymentResponse)
            .element("ReversalResponse", REVERSAL_RESPONSE, RepeatedMessageResponse::reversalResponse)
            .element("CardAcquisitionResponse", CARD_ACQUISITION_RESPONSE,
                    RepeatedMessageResponse::cardAcquisitionResponse)
            .build(a -> new RepeatedMessageResponse((MessageHeader) a[0], (PaymentResponse) a[1],
                    (ReversalResponse) a[2], (CardAcquisitionResponse) a[3]));

    static final XmlShape<ReversalRequest> REVERSAL_REQUEST = XmlShape.of(ReversalRequest.class)
            .attribute("ReversalReason", ReversalReason::fromCode, ReversalReason::code,
                    ReversalRequest::reversalReason)
            .attribute("ReversedAmount", DECIMAL, ReversalRequest::reversedAmount)
            .element("SaleData", SALE_DATA, ReversalRequest::saleData)
            .element("OriginalPOITransaction", ORIGINAL_POI_TRANSACTION, ReversalRequest::originalPoiTransaction)
            .build(a -> new ReversalRequest((ReversalReason) a[0], (BigDecimal) a[1], (SaleData) a[2],
                    (OriginalPoiTransaction) a[3]));

    static final XmlShape<TransactionStatusRequest> TRANSACTION_STATUS_REQUEST =
            XmlShape.of(TransactionStatusRequest.class)
            .element("MessageReference", MESSAGE_REFERENCE, TransactionStatusRequest::messageReference)
            .elements("DocumentQualifier", DocumentQualifier::fromCode, DocumentQualifier::code,
                    TransactionStatusRequest::documentQualifier)
            .build(a -> new TransactionStatusRequest((MessageReference) a[0], XmlShape.list(a, 1)));

    static final XmlShape<TransmitRequest> TRANSMIT_REQUEST = XmlShape.of(TransmitRequest.class)
            .attribute("DestinationAddress", STRING, TransmitRequest::destinationAddress)
            .attribute("MaximumTransmitTime", INTEGER, TransmitRequest::maximumTransmitTime)
            .attribute("WaitResponseFlag", BOOLEAN, TransmitRequest::waitResponseFlag)
            .element("Message", STRING, TransmitRequest::message)
            .build(a -> new TransmitRequest((String) a[0], (Integer) a[1], (Boolean) a[2], (String) a[3]));

    static final XmlShape<RequestDocument> REQUEST_DOCUMENT = XmlShape.of(RequestDocument.class)
            .element("MessageHeader", MESSAGE_HEADER, RequestDocument::header)
            .element("AbortRequest", ABORT_REQUEST, RequestDocument::abortRequest)
            .element("CardAcquisitionRequest", CARD_ACQUISITION_REQUEST, RequestDocument::cardAcquisitionRequest)
            .element("DiagnosisRequest", DIAGNOSIS_REQUEST, RequestDocument::diagnosisRequest)
            .element("DisplayRequest", DISPLAY_REQUEST, RequestDocument::displayRequest)
            .element("EnableServiceRequest", ENABLE_SERVICE_REQUEST, RequestDocument::enableServiceRequest)
            .element("EventNotification", EVENT_NOTIFICATION, RequestDocument::eventNotification)
            .element("InputRequest", INPUT_REQUEST, RequestDocument::inputRequest)
            .element("LoginRequest", LOGIN_REQUEST, RequestDocument::loginRequest)
            .element("LogoutRequest", LOGOUT_REQUEST, RequestDocument::logoutRequest)
            .element("PaymentRequest", PAYMENT_REQUEST, RequestDocument::paymentRequest)
            .element("PrintRequest", PRINT_REQUEST, RequestDocument::printRequest)
            .element("ReversalRequest", REVERSAL_REQUEST, RequestDocument::reversalRequest)
            .element("TransactionStatusRequest", TRANSACTION_STATUS_REQUEST, RequestDocument::transactionStatusRequest)
            .element("TransmitRequest", TRANSMIT_REQUEST, RequestDocument::transmitRequest)
            .build(a -> new RequestDocument((MessageHeader) a[0], (AbortRequest) a[1], (CardAcquisitionRequest) a[2],
                    (DiagnosisRequest) a[3], (DisplayRequest) a[4], (EnableServiceRequest) a[5],
                    (EventNotification) a[6], (InputRequest) a[7], (LoginRequest) a[8], (LogoutRequest) a[9],
                    (PaymentRequest) a[10], (PrintRequest) a[11], (ReversalRequest) a[12],
                    (TransactionStatusRequest) a[13], (TransmitRequest) a[14]));

    static final XmlShape<TransactionStatusResponse> TRANSACTION_STATUS_RESPONSE =
            XmlShape.of(TransactionStatusResponse.class)
            .element("Response", RESPONSE, TransactionStatusResponse::response)
            .element("MessageReference", MESSAGE_REFERENCE, TransactionStatusResponse::messageReference)
            .element("RepeatedMessageResponse", REPEATED_MESSAGE_RESPONSE,
                    TransactionStatusResponse::repeatedMessageResponse)
            .build(a -> new TransactionStatusResponse((Response) a[0], (MessageReference) a[1],
                    (RepeatedMessageResponse) a[2]));

    static final XmlShape<TransmitResponse> TRANSMIT_RESPONSE = XmlShape.of(TransmitResponse.class)
            .element("Response", RESPONSE, TransmitResponse::response)
            .element("Message", STRING, TransmitResponse::message)
            .build(a -> new TransmitResponse((Response) a[0], (String) a[1]));

    static final XmlShape<ResponseDocument> RESPONSE_DOCUMENT = XmlShape.of(ResponseDocument.class)
            .element("MessageHeader", MESSAGE_HEADER, ResponseDocument::header)
            .element("CardAcquisitionResponse", CARD_ACQUISITION_RESPONSE, ResponseDocument::cardAcquisitionResponse)
            .element("DiagnosisResponse", DIAGNOSIS_RESPONSE, ResponseDocument::diagnosisResponse)
            .element("DisplayResponse", DISPLAY_RESPONSE, ResponseDocument::displayResponse)
            .element("EnableServiceResponse", ENABLE_SERVICE_RESPONSE, ResponseDocument::enableServiceResponse)
            .element("InputResponse", INPUT_RESPONSE, ResponseDocument::inputResponse)
            .element("LoginResponse", LOGIN_RESPONSE, ResponseDocument::loginResponse)
            .element("LogoutResponse", LOGOUT_RESPONSE, ResponseDocument::logoutResponse)
            .element("PaymentResponse", PAYMENT_RESPONSE, ResponseDocument::paymentResponse)
            .element("PrintResponse", PRINT_RESPONSE, ResponseDocument::printResponse)
            .element("ReversalResponse", REVERSAL_RESPONSE, ResponseDocument::reversalResponse)
            .element("TransactionStatusResponse", TRANSACTION_STATUS_RESPONSE,
                    ResponseDocument::transactionStatusResponse)
            .element("TransmitResponse", TRANSMIT_RESPONSE, ResponseDocument::transmitResponse)
            .build(a -> new ResponseDocument((MessageHeader) a[0], (CardAcquisitionResponse) a[1],
                    (DiagnosisResponse) a[2], (DisplayResponse) a[3], (EnableServiceResponse) a[4],
                    (InputResponse) a[5], (LoginResponse) a[6], (LogoutResponse) a[7], (PaymentResponse) a[8],
                    (PrintResponse) a[9], (ReversalResponse) a[10], (TransactionStatusResponse) a[11],
                    (TransmitResponse) a[12]));
}
