package io.tillgate.nexo.codec;

import java.util.List;

/**
 * The required elements and attributes of docs/protocols/nexo.md §2 and §4, checked after mapping so that a
 * document missing one is still answerable: the failure names the element, the codec adds the
 * header. Parsing stays lenient about everything Tillgate does not use.
 */
final class NexoValidation {

    private NexoValidation() {
    }

    /**
     * Checks the header.
     *
     * @param at the header's path, e.g. {@code SaleToPOIRequest/MessageHeader}
     */
    static MessageHeader header(MessageHeader header, String at) {
        require(header, at);
        require(header.messageClass(), at, "@MessageClass");
        require(header.messageCategory(), at, "@MessageCategory");
        require(header.messageType(), at, "@MessageType");
        if (header.saleId() == null) {
            // Present but possibly empty: the terminal's auto-configuration Transmit sends SaleID="".
            throw NexoDecodingException.missing(at + "@SaleID");
        }
        require(header.poiId(), at, "@POIID");
        if (header.poiId().length() > 32) {
            throw NexoDecodingException.invalid(at + "@POIID", "longer than 32 characters ("
                    + header.poiId().length() + ")");
        }
        if (header.messageClass() != MessageClass.DEVICE) {
            require(header.serviceId(), at, "@ServiceID");
        }
        checkId(header.serviceId(), at, "@ServiceID");
        checkId(header.deviceId(), at, "@DeviceID");
        return header;
    }

    static void matches(MessageHeader header, MessageCategory bodyCategory, String root) {
        if (header.messageCategory() != bodyCategory) {
            throw NexoDecodingException.invalid(root + "/MessageHeader@MessageCategory", "'"
                    + header.messageCategory().code() + "' does not match the body, a " + bodyCategory.code()
                    + " message");
        }
    }

    static void request(SaleToPOIRequest request) {
        NexoRequestBody body = request.body();
        if (body instanceof LoginRequest login) {
            require(request.header().protocolVersion(), "SaleToPOIRequest/MessageHeader@ProtocolVersion");
            require(login.dateTime(), "LoginRequest/DateTime");
            require(login.operatorLanguage(), "LoginRequest@OperatorLanguage");
            software(login.saleSoftware(), "LoginRequest/SaleSoftware");
        } else if (body instanceof PaymentRequest payment) {
            saleData(payment.saleData(), "PaymentRequest/SaleData");
            require(payment.paymentTransaction(), "PaymentRequest/PaymentTransaction");
            AmountsReq amounts = require(payment.paymentTransaction().amountsReq(),
                    "PaymentRequest/PaymentTransaction/AmountsReq");
            require(amounts.currency(), "PaymentRequest/PaymentTransaction/AmountsReq@Currency");
            require(amounts.requestedAmount(), "PaymentRequest/PaymentTransaction/AmountsReq@RequestedAmount");
        } else if (body instanceof AbortRequest abort) {
            MessageReference reference = require(abort.messageReference(), "AbortRequest/MessageReference");
            require(reference.messageCategory(), "AbortRequest/MessageReference@MessageCategory");
            require(abort.abortReason(), "AbortRequest/AbortReason");
        } else if (body instanceof ReversalRequest reversal) {
            require(reversal.reversalReason(), "ReversalRequest@ReversalReason");
            OriginalPoiTransaction original = require(reversal.originalPoiTransaction(),
                    "ReversalRequest/OriginalPOITransaction");
            TransactionIdentification id = require(original.poiTransactionId(),
                    "ReversalRequest/OriginalPOITransaction/POITransactionID");
            require(id.transactionId(), "ReversalRequest/OriginalPOITransaction/POITransactionID@TransactionID");
        } else if (body instanceof EnableServiceRequest enable) {
            require(enable.transactionAction(), "EnableServiceRequest@TransactionAction");
        } else if (body instanceof CardAcquisitionRequest acquisition) {
            saleData(acquisition.saleData(), "CardAcquisitionRequest/SaleData");
            require(acquisition.cardAcquisitionTransaction(), "CardAcquisitionRequest/CardAcquisitionTransaction");
        } else if (body instanceof DisplayRequest display) {
            displayOutputs(display.displayOutput(), "DisplayRequest/DisplayOutput");
        } else if (body instanceof InputRequest input) {
            InputData data = require(input.inputData(), "InputRequest/InputData");
            require(data.inputCommand(), "InputRequest/InputData@InputCommand");
        } else if (body instanceof PrintRequest print) {
            PrintOutput output = require(print.printOutput(), "PrintRequest/PrintOutput");
            require(output.documentQualifier(), "PrintRequest/PrintOutput@DocumentQualifier");
            require(output.outputContent(), "PrintRequest/PrintOutput/OutputContent");
        } else if (body instanceof EventNotification event) {
            require(event.timeStamp(), "EventNotification@TimeStamp");
            require(event.eventToNotify(), "EventNotification@EventToNotify");
        } else if (body instanceof DiagnosisRequest) {
            require(request.header().protocolVersion(), "SaleToPOIRequest/MessageHeader@ProtocolVersion");
        } else if (body instanceof TransmitRequest transmit) {
            require(transmit.destinationAddress(), "TransmitRequest@DestinationAddress");
            require(transmit.message(), "TransmitRequest/Message");
        }
    }

    static void response(SaleToPOIResponse response) {
        NexoResponseBody body = response.body();
        String name = null; // the body's name, found only when a check fails
        Response result = null;
        if (body instanceof LoginResponse login) {
            result = login.response();
        } else if (body instanceof LogoutResponse logout) {
            result = logout.response();
        } else if (body instanceof PaymentResponse payment) {
            result = payment.response();
        } else if (body instanceof TransactionStatusResponse status) {
            result = status.response();
        } else if (body instanceof ReversalResponse reversal) {
            result = reversal.response();
        } else if (body instanceof EnableServiceResponse enable) {
            result = enable.response();
        } else if (body instanceof CardAcquisitionResponse acquisition) {
            result = acquisition.response();
        } else if (body instanceof PrintResponse print) {
            result = print.response();
        } else if (body instanceof TransmitResponse transmit) {
            result = transmit.response();
        } else if (body instanceof DiagnosisResponse diagnosis) {
            result = diagnosis.response();
            for (HostStatus host : diagnosis.hostStatus()) {
                require(host.acquirerId(), "DiagnosisResponse/HostStatus@AcquirerID");
            }
        } else if (body instanceof InputResponse input) {
            InputResult inputResult = require(input.inputResult(), "InputResponse/InputResult");
            result = require(inputResult.response(), "InputResponse/InputResult/Response");
            name = "InputResponse/InputResult";
        } else if (body instanceof DisplayResponse display) {
            for (OutputResult output : display.outputResult()) {
                require(require(output.response(), "DisplayResponse/OutputResult/Response").result(),
                        "DisplayResponse/OutputResult/Response@Result");
            }
            return;
        }
        if (name == null) {
            name = body.getClass().getSimpleName();
        }
        require(result, name, "/Response");
        require(result.result(), name, "/Response@Result");
    }

    private static void software(SaleSoftware software, String at) {
        require(software, at);
        require(software.providerIdentification(), at + "@ProviderIdentification");
        require(software.applicationName(), at + "@ApplicationName");
        require(software.softwareVersion(), at + "@SoftwareVersion");
    }

    private static void saleData(SaleData saleData, String at) {
        require(saleData, at);
        TransactionIdentification id = require(saleData.saleTransactionId(), at + "/SaleTransactionID");
        require(id.transactionId(), at + "/SaleTransactionID@TransactionID");
        require(id.timeStamp(), at + "/SaleTransactionID@TimeStamp");
    }

    private static void displayOutputs(List<DisplayOutput> outputs, String at) {
        if (outputs.isEmpty()) {
            throw NexoDecodingException.missing(at);
        }
        for (DisplayOutput output : outputs) {
            require(output.outputContent(), at + "/OutputContent");
        }
    }

    private static void checkId(String id, String at, String attribute) {
        if (id != null && (id.isEmpty() || id.length() > 10)) {
            throw NexoDecodingException.invalid(at + attribute, "must have 1 to 10 characters, has " + id.length());
        }
    }

    /** {@link #require(Object, String)} naming {@code at + child}, a path built only when it fails. */
    private static <T> T require(T value, String at, String child) {
        if (value == null || (value instanceof String string && string.isBlank())) {
            throw NexoDecodingException.missing(at + child);
        }
        return value;
    }

    private static <T> T require(T value, String at) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw NexoDecodingException.missing(at);
        }
        return value;
    }
}
