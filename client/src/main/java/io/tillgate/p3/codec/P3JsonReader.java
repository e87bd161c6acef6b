package io.tillgate.p3.codec;

import static io.tillgate.p3.codec.P3JsonValues.DECLINED;
import static io.tillgate.p3.codec.P3JsonValues.array;
import static io.tillgate.p3.codec.P3JsonValues.decimal;
import static io.tillgate.p3.codec.P3JsonValues.flag;
import static io.tillgate.p3.codec.P3JsonValues.object;
import static io.tillgate.p3.codec.P3JsonValues.once;
import static io.tillgate.p3.codec.P3JsonValues.primitiveFlag;
import static io.tillgate.p3.codec.P3JsonValues.string;
import static io.tillgate.p3.codec.P3JsonValues.stringList;
import static io.tillgate.p3.codec.P3JsonValues.stringMap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a message from Jackson's {@link JsonParser} straight into the records, for the form peers
 * send: every value of its own JSON type, no key twice in one object. Anything else — a string
 * where a number or boolean belongs, a number where a string belongs, a value a record refuses,
 * broken JSON — makes it {@linkplain Declined decline}, and the codec reads the frame through
 * Jackson data binding instead, which owns every lenient coercion and every error message. So this
 * class accepts a subset of what binding accepts and must map that subset to the same records,
 * which {@code P3CodecDifferentialTest} checks on the fuzz corpus and its edits. The envelope and
 * the bodies are read here, the transaction object in {@link P3TransactionReader}, single values in
 * {@link P3JsonValues}.
 */
final class P3JsonReader {

    /** The frame is not in the mapped form; read it through data binding. Thrown without a stack. */
    static final class Declined extends Exception {

        private static final long serialVersionUID = 1L;

        Declined() {
            super("not in the streamed form", null, false, false);
        }
    }

    /** The body keys binding knows: every type's but ERROR_RESPONSE's, which never has a body. */
    private static final Map<String, P3MessageType> BODY_KEYS = bodyKeys();

    private P3JsonReader() {
    }

    /** Reads one whole document into an envelope, or declines; the codec checks the envelope. */
    static P3Envelope read(JsonParser p) throws Declined {
        try {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw DECLINED;
            }
            P3Envelope envelope = new P3Envelope();
            int seen = 0;
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                JsonToken value = p.nextToken();
                int bit = switch (name) {
                    case "type" -> {
                        envelope.type = string(p, value);
                        yield 1;
                    }
                    case "tag" -> {
                        envelope.tag = string(p, value);
                        yield 2;
                    }
                    case "resource" -> {
                        envelope.resource = string(p, value);
                        yield 4;
                    }
                    case "status" -> {
                        envelope.status = string(p, value);
                        yield 8;
                    }
                    case "error" -> {
                        envelope.error = value == JsonToken.VALUE_NULL ? null : error(p, value);
                        yield 16;
                    }
                    default -> {
                        P3MessageType type = BODY_KEYS.get(name);
                        if (type == null) {
                            p.skipChildren();
                            yield 0;
                        }
                        if (value != JsonToken.VALUE_NULL) {
                            envelope.put(body(type, p, value));
                        }
                        yield 32 << type.ordinal();
                    }
                };
                if ((seen & bit) != 0) {
                    throw DECLINED;
                }
                seen |= bit;
            }
            if (p.nextToken() != null) {
                throw DECLINED;
            }
            return envelope;
        } catch (IOException | IllegalArgumentException e) {
            // broken JSON, parser limits, or a record refusing a value: binding names the problem
            throw DECLINED;
        }
    }

    private static Map<String, P3MessageType> bodyKeys() {
        Map<String, P3MessageType> keys = new HashMap<>();
        for (P3MessageType type : P3MessageType.values()) {
            if (type != P3MessageType.ERROR_RESPONSE) {
                keys.put(type.bodyKey(), type);
            }
        }
        return Map.copyOf(keys);
    }

    private static P3Body body(P3MessageType type, JsonParser p, JsonToken value) throws IOException, Declined {
        return switch (type) {
            case LOGIN_MERCHANT_REQUEST -> loginMerchantRequest(p, value);
            case LOGIN_MERCHANT_RESPONSE -> loginMerchantResponse(p, value);
            case EXECUTE_TRANSACTION_REQUEST -> executeTransactionRequest(p, value);
            case EXECUTE_TRANSACTION_UPDATE -> executeTransactionUpdate(p, value);
            case EXECUTE_TRANSACTION_ACTION -> executeTransactionAction(p, value);
            case EXECUTE_TRANSACTION_RESPONSE -> new ExecuteTransactionResponse(transactionOnly(p, value));
            case ABORT_TRANSACTION_REQUEST -> abortTransactionRequest(p, value);
            case ABORT_TRANSACTION_RESPONSE -> {
                empty(p, value);
                yield new AbortTransactionResponse();
            }
            case SUBMIT_SIGNATURE_REQUEST -> submitSignatureRequest(p, value);
            case SUBMIT_SIGNATURE_RESPONSE -> {
                empty(p, value);
                yield new SubmitSignatureResponse();
            }
            case AMEND_TRANSACTION_REQUEST -> amendTransactionRequest(p, value);
            case AMEND_TRANSACTION_UPDATE -> amendTransactionUpdate(p, value);
            case AMEND_TRANSACTION_RESPONSE -> new AmendTransactionResponse(transactionOnly(p, value));
            case QUERY_TRANSACTION_REQUEST -> queryTransactionRequest(p, value);
            case QUERY_TRANSACTION_RESPONSE -> new QueryTransactionResponse(transactionOnly(p, value));
            // not in BODY_KEYS
            case ERROR_RESPONSE -> throw DECLINED;
        };
    }

    private static P3Error error(JsonParser p, JsonToken value) throws IOException, Declined {
        object(value);
        String type = null;
        String message = null;
        String developerMessage = null;
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "type" -> {
                    seen = once(seen, 1);
                    type = string(p, token);
                }
                case "message" -> {
                    seen = once(seen, 2);
                    message = string(p, token);
                }
                case "developerMessage" -> {
                    seen = once(seen, 4);
                    developerMessage = string(p, token);
                }
                default -> p.skipChildren();
            }
        }
        return new P3Error(type, message, developerMessage);
    }

    private static LoginMerchantRequest loginMerchantRequest(JsonParser p, JsonToken value)
            throws IOException, Declined {
        object(value);
        String providerMode = null;
        String merchantIdentifier = null;
        String merchantSecret = null;
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "providerMode" -> {
                    seen = once(seen, 1);
                    providerMode = string(p, token);
                }
                case "merchantIdentifier" -> {
                    seen = once(seen, 2);
                    merchantIdentifier = string(p, token);
                }
                case "merchantSecret" -> {
                    seen = once(seen, 4);
                    merchantSecret = string(p, token);
                }
                default -> p.skipChildren();
            }
        }
        return new LoginMerchantRequest(providerMode, merchantIdentifier, merchantSecret);
    }

    private static LoginMerchantResponse loginMerchantResponse(JsonParser p, JsonToken value)
            throws IOException, Declined {
        object(value);
        Map<String, String> information = null;
        List<P3Device> devices = null;
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "information" -> {
                    seen = once(seen, 1);
                    information = stringMap(p, token);
                }
                case "devices" -> {
                    seen = once(seen, 2);
                    devices = devices(p, token);
                }
                default -> p.skipChildren();
            }
        }
        return new LoginMerchantResponse(information, devices);
    }

    private static List<P3Device> devices(JsonParser p, JsonToken value) throws IOException, Declined {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        array(value);
        List<P3Device> devices = new ArrayList<>();
        for (JsonToken token = p.nextToken(); token != JsonToken.END_ARRAY; token = p.nextToken()) {
            devices.add(device(p, token));
        }
        return devices;
    }

    private static P3Device device(JsonParser p, JsonToken value) throws IOException, Declined {
        object(value);
        String deviceName = null;
        String identifier = null;
        String resource = null;
        String type = null;
        String comlink = null;
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "name" -> {
                    seen = once(seen, 1);
                    deviceName = string(p, token);
                }
                case "identifier" -> {
                    seen = once(seen, 2);
                    identifier = string(p, token);
                }
                case "resource" -> {
                    seen = once(seen, 4);
                    resource = string(p, token);
                }
                case "type" -> {
                    seen = once(seen, 8);
                    type = string(p, token);
                }
                case "comlink" -> {
                    seen = once(seen, 16);
                    comlink = string(p, token);
                }
                default -> p.skipChildren();
            }
        }
        return new P3Device(deviceName, identifier, resource, type, comlink);
    }

    private static ExecuteTransactionRequest executeTransactionRequest(JsonParser p, JsonToken value)
            throws IOException, Declined {
        object(value);
        String mode = null;
        TransactionParameters parameters = null;
        String sessionIdentifier = null;
        ProcessParameters processParameters = null;
        AccountParameters accountParameters = null;
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "mode" -> {
                    seen = once(seen, 1);
                    mode = string(p, token);
                }
                case "transactionParameters" -> {
                    seen = once(seen, 2);
                    parameters = token == JsonToken.VALUE_NULL ? null : transactionParameters(p, token);
                }
                case "sessionIdentifier" -> {
                    seen = once(seen, 4);
                    sessionIdentifier = string(p, token);
                }
                case "processParameters" -> {
                    seen = once(seen, 8);
                    processParameters = token == JsonToken.VALUE_NULL ? null : processParameters(p, token);
                }
                case "accountParameters" -> {
                    seen = once(seen, 16);
                    accountParameters = token == JsonToken.VALUE_NULL ? null : accountParameters(p, token);
                }
                default -> p.skipChildren();
            }
        }
        return new ExecuteTransactionRequest(mode, parameters, sessionIdentifier, processParameters,
                accountParameters);
    }

    private static TransactionParameters transactionParameters(JsonParser p, JsonToken value)
            throws IOException, Declined {
        object(value);
        TransactionParameters.Builder b = TransactionParameters.builder();
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "amount" -> {
                    seen = once(seen, 1);
                    b.amount(decimal(p, token));
                }
                case "currency" -> {
                    seen = once(seen, 2);
                    b.currency(string(p, token));
                }
                case "type" -> {
                    seen = once(seen, 4);
                    b.type(string(p, token));
                }
                case "autoCapture" -> {
                    seen = once(seen, 8);
                    b.autoCapture(flag(token));
                }
                case "subject" -> {
                    seen = once(seen, 16);
                    b.subject(string(p, token));
                }
                case "customIdentifier" -> {
                    seen = once(seen, 32);
                    b.customIdentifier(string(p, token));
                }
                case "statementDescriptor" -> {
                    seen = once(seen, 64);
                    b.statementDescriptor(string(p, token));
                }
                case "applicationFee" -> {
                    seen = once(seen, 128);
                    b.applicationFee(decimal(p, token));
                }
                case "includedTipAmount" -> {
                    seen = once(seen, 256);
                    b.includedTipAmount(decimal(p, token));
                }
                case "metadata" -> {
                    seen = once(seen, 512);
                    b.metadata(stringMap(p, token));
                }
                case "tipAdjustable" -> {
                    seen = once(seen, 1024);
                    b.tipAdjustable(flag(token));
                }
                case "workflow" -> {
                    seen = once(seen, 2048);
                    b.workflow(string(p, token));
                }
                case "referencedTransactionIdentifier" -> {
                    seen = once(seen, 4096);
                    b.referencedTransactionIdentifier(string(p, token));
                }
                default -> p.skipChildren();
            }
        }
        return b.build();
    }

    private static ProcessParameters processParameters(JsonParser p, JsonToken value) throws IOException, Declined {
        object(value);
        ProcessSteps steps = null;
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            if (name.equals("steps")) {
                seen = once(seen, 1);
                steps = token == JsonToken.VALUE_NULL ? null : processSteps(p, token);
            } else {
                p.skipChildren();
            }
        }
        return new ProcessParameters(steps);
    }

    private static ProcessSteps processSteps(JsonParser p, JsonToken value) throws IOException, Declined {
        object(value);
        ProcessStep askForTip = null;
        ProcessStep askForTotalAmount = null;
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "askForTip" -> {
                    seen = once(seen, 1);
                    askForTip = token == JsonToken.VALUE_NULL ? null : processStep(p, token);
                }
                case "askForTotalAmount" -> {
                    seen = once(seen, 2);
                    askForTotalAmount = token == JsonToken.VALUE_NULL ? null : processStep(p, token);
                }
                default -> p.skipChildren();
            }
        }
        return new ProcessSteps(askForTip, askForTotalAmount);
    }

    private static ProcessStep processStep(JsonParser p, JsonToken value) throws IOException, Declined {
        object(value);
        BigDecimal suggestedAmount = null;
        BigDecimal maxTipAmount = null;
        Boolean showAddTip = null;
        Boolean showTotal = null;
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "suggestedAmount" -> {
                    seen = once(seen, 1);
                    suggestedAmount = decimal(p, token);
                }
                case "maxTipAmount" -> {
                    seen = once(seen, 2);
                    maxTipAmount = decimal(p, token);
                }
                case "showAddTipConfirmationScreen" -> {
                    seen = once(seen, 4);
                    showAddTip = flag(token);
                }
                case "showTotalAmountConfirmationScreen" -> {
                    seen = once(seen, 8);
                    showTotal = flag(token);
                }
                default -> p.skipChildren();
            }
        }
        return new ProcessStep(suggestedAmount, maxTipAmount, showAddTip, showTotal);
    }

    private static AccountParameters accountParameters(JsonParser p, JsonToken value) throws IOException, Declined {
        object(value);
        String shopperAccountIdentifier = null;
        String source = null;
        String scheme = null;
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "shopperAccountIdentifier" -> {
                    seen = once(seen, 1);
                    shopperAccountIdentifier = string(p, token);
                }
                case "source" -> {
                    seen = once(seen, 2);
                    source = string(p, token);
                }
                case "scheme" -> {
                    seen = once(seen, 4);
                    scheme = string(p, token);
                }
                default -> p.skipChildren();
            }
        }
        return new AccountParameters(shopperAccountIdentifier, source, scheme);
    }

    private static ExecuteTransactionUpdate executeTransactionUpdate(JsonParser p, JsonToken value)
            throws IOException, Declined {
        object(value);
        String state = null;
        String stateDetails = null;
        List<String> information = null;
        boolean abortable = false;
        P3Transaction transaction = null;
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "state" -> {
                    seen = once(seen, 1);
                    state = string(p, token);
                }
                case "stateDetails" -> {
                    seen = once(seen, 2);
                    stateDetails = string(p, token);
                }
                case "information" -> {
                    seen = once(seen, 4);
                    information = stringList(p, token);
                }
                case "abortable" -> {
                    seen = once(seen, 8);
                    abortable = primitiveFlag(token);
                }
                case "transaction" -> {
                    seen = once(seen, 16);
                    transaction = token == JsonToken.VALUE_NULL ? null : P3TransactionReader.transaction(p, token);
                }
                default -> p.skipChildren();
            }
        }
        return new ExecuteTransactionUpdate(state, stateDetails, information, abortable, transaction);
    }

    private static AmendTransactionUpdate amendTransactionUpdate(JsonParser p, JsonToken value)
            throws IOException, Declined {
        object(value);
        String state = null;
        String stateDetails = null;
        List<String> information = null;
        boolean abortable = false;
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "state" -> {
                    seen = once(seen, 1);
                    state = string(p, token);
                }
                case "stateDetails" -> {
                    seen = once(seen, 2);
                    stateDetails = string(p, token);
                }
                case "information" -> {
                    seen = once(seen, 4);
                    information = stringList(p, token);
                }
                case "abortable" -> {
                    seen = once(seen, 8);
                    abortable = primitiveFlag(token);
                }
                default -> p.skipChildren();
            }
        }
        return new AmendTransactionUpdate(state, stateDetails, information, abortable);
    }

    private static ExecuteTransactionAction executeTransactionAction(JsonParser p, JsonToken value)
            throws IOException, Declined {
        object(value);
        String action = null;
        P3Transaction transaction = null;
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "action" -> {
                    seen = once(seen, 1);
                    action = string(p, token);
                }
                case "transaction" -> {
                    seen = once(seen, 2);
                    transaction = token == JsonToken.VALUE_NULL ? null : P3TransactionReader.transaction(p, token);
                }
                default -> p.skipChildren();
            }
        }
        return new ExecuteTransactionAction(action, transaction);
    }

    /** The body of the three responses that carry only {@code transaction}. */
    private static P3Transaction transactionOnly(JsonParser p, JsonToken value) throws IOException, Declined {
        object(value);
        P3Transaction transaction = null;
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            if (name.equals("transaction")) {
                seen = once(seen, 1);
                transaction = token == JsonToken.VALUE_NULL ? null : P3TransactionReader.transaction(p, token);
            } else {
                p.skipChildren();
            }
        }
        return transaction;
    }

    private static AbortTransactionRequest abortTransactionRequest(JsonParser p, JsonToken value)
            throws IOException, Declined {
        object(value);
        String identifier = null;
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            if (name.equals("transactionIdentifier")) {
                seen = once(seen, 1);
                identifier = string(p, token);
            } else {
                p.skipChildren();
            }
        }
        return new AbortTransactionRequest(identifier);
    }

    private static SubmitSignatureRequest submitSignatureRequest(JsonParser p, JsonToken value)
            throws IOException, Declined {
        object(value);
        String signature = null;
        Boolean onReceipt = null;
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "signature" -> {
                    seen = once(seen, 1);
                    signature = string(p, token);
                }
                case "signatureOnReceipt" -> {
                    seen = once(seen, 2);
                    onReceipt = flag(token);
                }
                default -> p.skipChildren();
            }
        }
        return new SubmitSignatureRequest(signature, onReceipt);
    }

    private static AmendTransactionRequest amendTransactionRequest(JsonParser p, JsonToken value)
            throws IOException, Declined {
        object(value);
        String mode = null;
        TransactionParameters parameters = null;
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "mode" -> {
                    seen = once(seen, 1);
                    mode = string(p, token);
                }
                case "transactionParameters" -> {
                    seen = once(seen, 2);
                    parameters = token == JsonToken.VALUE_NULL ? null : transactionParameters(p, token);
                }
                default -> p.skipChildren();
            }
        }
        return new AmendTransactionRequest(mode, parameters);
    }

    private static QueryTransactionRequest queryTransactionRequest(JsonParser p, JsonToken value)
            throws IOException, Declined {
        object(value);
        String identifier = null;
        String customIdentifier = null;
        String tag = null;
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "identifier" -> {
                    seen = once(seen, 1);
                    identifier = string(p, token);
                }
                case "customIdentifier" -> {
                    seen = once(seen, 2);
                    customIdentifier = string(p, token);
                }
                case "tag" -> {
                    seen = once(seen, 4);
                    tag = string(p, token);
                }
                default -> p.skipChildren();
            }
        }
        return new QueryTransactionRequest(identifier, customIdentifier, tag);
    }

    private static void empty(JsonParser p, JsonToken value) throws IOException, Declined {
        object(value);
        p.skipChildren();
    }




















}
