package io.tillgate.p3.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes a message with Jackson's {@link JsonGenerator} in the strict form: the envelope in the
 * order {@code type, tag, resource, status, error, <body>}, each record's properties in component
 * order, nulls left out (a map's null values excepted, which JSON keeps), numbers plain with their
 * own scale. Keys are pre-encoded once.
 */
final class P3JsonWriter {

    private static final SerializedString[] TYPE_CODES = new SerializedString[P3MessageType.values().length];
    private static final SerializedString[] BODY_KEYS = new SerializedString[P3MessageType.values().length];

    static {
        for (P3MessageType type : P3MessageType.values()) {
            TYPE_CODES[type.ordinal()] = new SerializedString(type.code());
            BODY_KEYS[type.ordinal()] = new SerializedString(type.bodyKey());
        }
    }

    private static final SerializedString TYPE = key("type");
    private static final SerializedString TAG = key("tag");
    private static final SerializedString RESOURCE = key("resource");
    private static final SerializedString STATUS = key("status");
    private static final SerializedString ERROR = key("error");
    private static final SerializedString MESSAGE = key("message");
    private static final SerializedString DEVELOPER_MESSAGE = key("developerMessage");
    private static final SerializedString PROVIDER_MODE = key("providerMode");
    private static final SerializedString MERCHANT_IDENTIFIER = key("merchantIdentifier");
    private static final SerializedString MERCHANT_SECRET = key("merchantSecret");
    private static final SerializedString INFORMATION = key("information");
    private static final SerializedString DEVICES = key("devices");
    private static final SerializedString NAME = key("name");
    private static final SerializedString IDENTIFIER = key("identifier");
    private static final SerializedString COMLINK = key("comlink");
    private static final SerializedString MODE = key("mode");
    private static final SerializedString TRANSACTION_PARAMETERS = key("transactionParameters");
    private static final SerializedString SESSION_IDENTIFIER = key("sessionIdentifier");
    private static final SerializedString PROCESS_PARAMETERS = key("processParameters");
    private static final SerializedString ACCOUNT_PARAMETERS = key("accountParameters");
    private static final SerializedString AMOUNT = key("amount");
    private static final SerializedString CURRENCY = key("currency");
    private static final SerializedString AUTO_CAPTURE = key("autoCapture");
    private static final SerializedString SUBJECT = key("subject");
    private static final SerializedString CUSTOM_IDENTIFIER = key("customIdentifier");
    private static final SerializedString STATEMENT_DESCRIPTOR = key("statementDescriptor");
    private static final SerializedString APPLICATION_FEE = key("applicationFee");
    private static final SerializedString INCLUDED_TIP_AMOUNT = key("includedTipAmount");
    private static final SerializedString METADATA = key("metadata");
    private static final SerializedString TIP_ADJUSTABLE = key("tipAdjustable");
    private static final SerializedString WORKFLOW = key("workflow");
    private static final SerializedString REFERENCED_TRANSACTION_IDENTIFIER = key("referencedTransactionIdentifier");
    private static final SerializedString STEPS = key("steps");
    private static final SerializedString ASK_FOR_TIP = key("askForTip");
    private static final SerializedString ASK_FOR_TOTAL_AMOUNT = key("askForTotalAmount");
    private static final SerializedString SUGGESTED_AMOUNT = key("suggestedAmount");
    private static final SerializedString MAX_TIP_AMOUNT = key("maxTipAmount");
    private static final SerializedString SHOW_ADD_TIP = key("showAddTipConfirmationScreen");
    private static final SerializedString SHOW_TOTAL_AMOUNT = key("showTotalAmountConfirmationScreen");
    private static final SerializedString SHOPPER_ACCOUNT_IDENTIFIER = key("shopperAccountIdentifier");
    private static final SerializedString SOURCE = key("source");
    private static final SerializedString SCHEME = key("scheme");
    private static final SerializedString STATE = key("state");
    private static final SerializedString STATE_DETAILS = key("stateDetails");
    private static final SerializedString ABORTABLE = key("abortable");
    private static final SerializedString TRANSACTION = key("transaction");
    private static final SerializedString ACTION = key("action");
    private static final SerializedString TRANSACTION_IDENTIFIER = key("transactionIdentifier");
    private static final SerializedString SIGNATURE = key("signature");
    private static final SerializedString SIGNATURE_ON_RECEIPT = key("signatureOnReceipt");
    private static final SerializedString STATUS_DETAILS = key("statusDetails");
    private static final SerializedString CAPTURED = key("captured");
    private static final SerializedString CREATED_TIMESTAMP = key("createdTimestamp");
    private static final SerializedString PAYMENT_DETAILS = key("paymentDetails");
    private static final SerializedString CARD_DETAILS = key("cardDetails");
    private static final SerializedString CLEARING_DETAILS = key("clearingDetails");
    private static final SerializedString REFUND_DETAILS = key("refundDetails");
    private static final SerializedString MERCHANT_RECEIPT = key("merchantReceipt");
    private static final SerializedString CUSTOMER_RECEIPT = key("customerReceipt");
    private static final SerializedString CUSTOMER_VERIFICATION = key("customerVerification");
    private static final SerializedString MASKED_CARD_NUMBER = key("maskedCardNumber");
    private static final SerializedString EXPIRY_MONTH = key("expiryMonth");
    private static final SerializedString EXPIRY_YEAR = key("expiryYear");
    private static final SerializedString AUTHORIZATION_CODE = key("authorizationCode");
    private static final SerializedString DATA = key("data");
    private static final SerializedString LINES = key("lines");
    private static final SerializedString SIGNATURE_LINE_REQUIRED = key("signatureLineRequired");
    private static final SerializedString TIP_LINE_REQUIRED = key("tipLineRequired");
    private static final SerializedString KEY = key("key");
    private static final SerializedString LABEL = key("label");
    private static final SerializedString VALUE = key("value");

    private P3JsonWriter() {
    }

    private static SerializedString key(String name) {
        return new SerializedString(name);
    }

    static void write(P3Message message, JsonGenerator g) throws IOException {
        int ordinal = message.type().ordinal();
        g.writeStartObject();
        g.writeFieldName(TYPE);
        g.writeString(TYPE_CODES[ordinal]);
        string(g, TAG, message.tag());
        string(g, RESOURCE, message.resource());
        if (message.status() != null) {
            g.writeFieldName(STATUS);
            g.writeString(message.status().code());
        }
        if (message.error() != null) {
            g.writeFieldName(ERROR);
            error(g, message.error());
        }
        if (message.body() != null) {
            g.writeFieldName(BODY_KEYS[ordinal]);
            body(g, message.body());
        }
        g.writeEndObject();
    }

    private static void error(JsonGenerator g, P3Error error) throws IOException {
        g.writeStartObject();
        string(g, TYPE, error.type());
        string(g, MESSAGE, error.message());
        string(g, DEVELOPER_MESSAGE, error.developerMessage());
        g.writeEndObject();
    }

    private static void body(JsonGenerator g, P3Body body) throws IOException {
        g.writeStartObject();
        switch (body.messageType()) {
            case LOGIN_MERCHANT_REQUEST -> {
                LoginMerchantRequest b = (LoginMerchantRequest) body;
                string(g, PROVIDER_MODE, b.providerMode());
                string(g, MERCHANT_IDENTIFIER, b.merchantIdentifier());
                string(g, MERCHANT_SECRET, b.merchantSecret());
            }
            case LOGIN_MERCHANT_RESPONSE -> {
                LoginMerchantResponse b = (LoginMerchantResponse) body;
                stringMap(g, INFORMATION, b.information());
                devices(g, b.devices());
            }
            case EXECUTE_TRANSACTION_REQUEST -> {
                ExecuteTransactionRequest b = (ExecuteTransactionRequest) body;
                string(g, MODE, b.mode());
                transactionParameters(g, b.transactionParameters());
                string(g, SESSION_IDENTIFIER, b.sessionIdentifier());
                processParameters(g, b.processParameters());
                accountParameters(g, b.accountParameters());
            }
            case EXECUTE_TRANSACTION_UPDATE -> {
                ExecuteTransactionUpdate b = (ExecuteTransactionUpdate) body;
                update(g, b.state(), b.stateDetails(), b.information(), b.abortable());
                transaction(g, b.transaction());
            }
            case EXECUTE_TRANSACTION_ACTION -> {
                ExecuteTransactionAction b = (ExecuteTransactionAction) body;
                string(g, ACTION, b.action());
                transaction(g, b.transaction());
            }
            case EXECUTE_TRANSACTION_RESPONSE -> transaction(g, ((ExecuteTransactionResponse) body).transaction());
            case ABORT_TRANSACTION_REQUEST ->
                    string(g, TRANSACTION_IDENTIFIER, ((AbortTransactionRequest) body).transactionIdentifier());
            case SUBMIT_SIGNATURE_REQUEST -> {
                SubmitSignatureRequest b = (SubmitSignatureRequest) body;
                string(g, SIGNATURE, b.signature());
                flag(g, SIGNATURE_ON_RECEIPT, b.signatureOnReceipt());
            }
            case AMEND_TRANSACTION_REQUEST -> {
                AmendTransactionRequest b = (AmendTransactionRequest) body;
                string(g, MODE, b.mode());
                transactionParameters(g, b.transactionParameters());
            }
            case AMEND_TRANSACTION_UPDATE -> {
                AmendTransactionUpdate b = (AmendTransactionUpdate) body;
                update(g, b.state(), b.stateDetails(), b.information(), b.abortable());
            }
            case AMEND_TRANSACTION_RESPONSE -> transaction(g, ((AmendTransactionResponse) body).transaction());
            case QUERY_TRANSACTION_REQUEST -> {
                QueryTransactionRequest b = (QueryTransactionRequest) body;
                string(g, IDENTIFIER, b.identifier());
                string(g, CUSTOM_IDENTIFIER, b.customIdentifier());
                string(g, TAG, b.tag());
            }
            case QUERY_TRANSACTION_RESPONSE -> transaction(g, ((QueryTransactionResponse) body).transaction());
            // the empty bodies
            case ABORT_TRANSACTION_RESPONSE, SUBMIT_SIGNATURE_RESPONSE, ERROR_RESPONSE -> { }
        }
        g.writeEndObject();
    }

    private static void update(JsonGenerator g, String state, String stateDetails, List<String> information,
                               boolean abortable) throws IOException {
        string(g, STATE, state);
        string(g, STATE_DETAILS, stateDetails);
        stringList(g, INFORMATION, information);
        g.writeFieldName(ABORTABLE);
        g.writeBoolean(abortable);
    }

    private static void devices(JsonGenerator g, List<P3Device> devices) throws IOException {
        if (devices == null) {
            return;
        }
        g.writeFieldName(DEVICES);
        g.writeStartArray();
        for (P3Device device : devices) {
            g.writeStartObject();
            string(g, NAME, device.name());
            string(g, IDENTIFIER, device.identifier());
            string(g, RESOURCE, device.resource());
            string(g, TYPE, device.type());
            string(g, COMLINK, device.comlink());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void transactionParameters(JsonGenerator g, TransactionParameters p) throws IOException {
        if (p == null) {
            return;
        }
        g.writeFieldName(TRANSACTION_PARAMETERS);
        g.writeStartObject();
        decimal(g, AMOUNT, p.amount());
        string(g, CURRENCY, p.currency());
        string(g, TYPE, p.type());
        flag(g, AUTO_CAPTURE, p.autoCapture());
        string(g, SUBJECT, p.subject());
        string(g, CUSTOM_IDENTIFIER, p.customIdentifier());
        string(g, STATEMENT_DESCRIPTOR, p.statementDescriptor());
        decimal(g, APPLICATION_FEE, p.applicationFee());
        decimal(g, INCLUDED_TIP_AMOUNT, p.includedTipAmount());
        stringMap(g, METADATA, p.metadata());
        flag(g, TIP_ADJUSTABLE, p.tipAdjustable());
        string(g, WORKFLOW, p.workflow());
        string(g, REFERENCED_TRANSACTION_IDENTIFIER, p.referencedTransactionIdentifier());
        g.writeEndObject();
    }

    private static void processParameters(JsonGenerator g, ProcessParameters p) throws IOException {
        if (p == null) {
            return;
        }
        g.writeFieldName(PROCESS_PARAMETERS);
        g.writeStartObject();
        if (p.steps() != null) {
            g.writeFieldName(STEPS);
            g.writeStartObject();
            processStep(g, ASK_FOR_TIP, p.steps().askForTip());
            processStep(g, ASK_FOR_TOTAL_AMOUNT, p.steps().askForTotalAmount());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void processStep(JsonGenerator g, SerializableString key, ProcessStep step) throws IOException {
        if (step == null) {
            return;
        }
        g.writeFieldName(key);
        g.writeStartObject();
        decimal(g, SUGGESTED_AMOUNT, step.suggestedAmount());
        decimal(g, MAX_TIP_AMOUNT, step.maxTipAmount());
        flag(g, SHOW_ADD_TIP, step.showAddTipConfirmationScreen());
        flag(g, SHOW_TOTAL_AMOUNT, step.showTotalAmountConfirmationScreen());
        g.writeEndObject();
    }

    private static void accountParameters(JsonGenerator g, AccountParameters p) throws IOException {
        if (p == null) {
            return;
        }
        g.writeFieldName(ACCOUNT_PARAMETERS);
        g.writeStartObject();
        string(g, SHOPPER_ACCOUNT_IDENTIFIER, p.shopperAccountIdentifier());
        string(g, SOURCE, p.source());
        string(g, SCHEME, p.scheme());
        g.writeEndObject();
    }

    private static void transaction(JsonGenerator g, P3Transaction t) throws IOException {
        if (t == null) {
            return;
        }
        g.writeFieldName(TRANSACTION);
        g.writeStartObject();
        string(g, IDENTIFIER, t.identifier());
        decimal(g, AMOUNT, t.amount());
        string(g, CURRENCY, t.currency());
        string(g, TYPE, t.type());
        string(g, STATUS, t.status());
        string(g, STATUS_DETAILS, t.statusDetails());
        string(g, MODE, t.mode());
        flag(g, CAPTURED, t.captured());
        if (t.createdTimestamp() != null) {
            g.writeFieldName(CREATED_TIMESTAMP);
            g.writeNumber(t.createdTimestamp());
        }
        string(g, SUBJECT, t.subject());
        string(g, CUSTOM_IDENTIFIER, t.customIdentifier());
        string(g, REFERENCED_TRANSACTION_IDENTIFIER, t.referencedTransactionIdentifier());
        if (t.paymentDetails() != null) {
            g.writeFieldName(PAYMENT_DETAILS);
            g.writeStartObject();
            string(g, SCHEME, t.paymentDetails().scheme());
            string(g, SOURCE, t.paymentDetails().source());
            string(g, CUSTOMER_VERIFICATION, t.paymentDetails().customerVerification());
            g.writeEndObject();
        }
        if (t.cardDetails() != null) {
            g.writeFieldName(CARD_DETAILS);
            g.writeStartObject();
            string(g, MASKED_CARD_NUMBER, t.cardDetails().maskedCardNumber());
            integer(g, EXPIRY_MONTH, t.cardDetails().expiryMonth());
            integer(g, EXPIRY_YEAR, t.cardDetails().expiryYear());
            g.writeEndObject();
        }
        if (t.clearingDetails() != null) {
            g.writeFieldName(CLEARING_DETAILS);
            g.writeStartObject();
            string(g, AUTHORIZATION_CODE, t.clearingDetails().authorizationCode());
            string(g, TRANSACTION_IDENTIFIER, t.clearingDetails().transactionIdentifier());
            g.writeEndObject();
        }
        if (t.refundDetails() != null) {
            g.writeFieldName(REFUND_DETAILS);
            g.writeStartObject();
            string(g, STATUS, t.refundDetails().status());
            g.writeEndObject();
        }
        receipt(g, MERCHANT_RECEIPT, t.merchantReceipt());
        receipt(g, CUSTOMER_RECEIPT, t.customerReceipt());
        g.writeEndObject();
    }

    private static void receipt(JsonGenerator g, SerializableString key, P3Receipt receipt) throws IOException {
        if (receipt == null) {
            return;
        }
        g.writeFieldName(key);
        g.writeStartObject();
        if (receipt.data() != null) {
            g.writeFieldName(DATA);
            g.writeStartObject();
            for (Map.Entry<String, P3ReceiptItem> entry : receipt.data().entrySet()) {
                g.writeFieldName(entry.getKey());
                P3ReceiptItem item = entry.getValue();
                if (item == null) {
                    g.writeNull();
                } else {
                    g.writeStartObject();
                    string(g, KEY, item.key());
                    string(g, LABEL, item.label());
                    string(g, VALUE, item.value());
                    g.writeEndObject();
                }
            }
            g.writeEndObject();
        }
        stringList(g, LINES, receipt.lines());
        flag(g, SIGNATURE_LINE_REQUIRED, receipt.signatureLineRequired());
        flag(g, TIP_LINE_REQUIRED, receipt.tipLineRequired());
        g.writeEndObject();
    }

    private static void string(JsonGenerator g, SerializableString key, String value) throws IOException {
        if (value != null) {
            g.writeFieldName(key);
            g.writeString(value);
        }
    }

    private static void decimal(JsonGenerator g, SerializableString key, BigDecimal value) throws IOException {
        if (value != null) {
            g.writeFieldName(key);
            g.writeNumber(value);
        }
    }

    private static void integer(JsonGenerator g, SerializableString key, Integer value) throws IOException {
        if (value != null) {
            g.writeFieldName(key);
            g.writeNumber(value.intValue());
        }
    }

    private static void flag(JsonGenerator g, SerializableString key, Boolean value) throws IOException {
        if (value != null) {
            g.writeFieldName(key);
            g.writeBoolean(value);
        }
    }

    private static void stringList(JsonGenerator g, SerializableString key, List<String> values) throws IOException {
        if (values == null) {
            return;
        }
        g.writeFieldName(key);
        g.writeStartArray();
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }

    private static void stringMap(JsonGenerator g, SerializableString key, Map<String, String> map) throws IOException {
        if (map == null) {
            return;
        }
        g.writeFieldName(key);
        g.writeStartObject();
        for (Map.Entry<String, String> entry : map.entrySet()) {
            g.writeFieldName(entry.getKey());
            if (entry.getValue() == null) {
                g.writeNull();
            } else {
                g.writeString(entry.getValue());
            }
        }
        g.writeEndObject();
    }
}
