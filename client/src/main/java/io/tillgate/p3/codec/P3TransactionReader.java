package io.tillgate.p3.codec;

import static io.tillgate.p3.codec.P3JsonValues.DECLINED;
import static io.tillgate.p3.codec.P3JsonValues.decimal;
import static io.tillgate.p3.codec.P3JsonValues.flag;
import static io.tillgate.p3.codec.P3JsonValues.intValue;
import static io.tillgate.p3.codec.P3JsonValues.longValue;
import static io.tillgate.p3.codec.P3JsonValues.object;
import static io.tillgate.p3.codec.P3JsonValues.once;
import static io.tillgate.p3.codec.P3JsonValues.string;
import static io.tillgate.p3.codec.P3JsonValues.stringList;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tillgate.p3.codec.P3JsonReader.Declined;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of {@link P3JsonReader} that maps the transaction object of updates, actions and
 * responses (docs/protocols/p3.md §4.1) with its details and receipts; it declines as the reader
 * does, for the data-binding path to decide.
 */
final class P3TransactionReader {

    private P3TransactionReader() {
    }

    static P3Transaction transaction(JsonParser p, JsonToken value) throws IOException, Declined {
        object(value);
        P3Transaction.Builder b = P3Transaction.builder();
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "identifier" -> {
                    seen = once(seen, 1);
                    b.identifier(string(p, token));
                }
                case "amount" -> {
                    seen = once(seen, 1 << 1);
                    b.amount(decimal(p, token));
                }
                case "currency" -> {
                    seen = once(seen, 1 << 2);
                    b.currency(string(p, token));
                }
                case "type" -> {
                    seen = once(seen, 1 << 3);
                    b.type(string(p, token));
                }
                case "status" -> {
                    seen = once(seen, 1 << 4);
                    b.status(string(p, token));
                }
                case "statusDetails" -> {
                    seen = once(seen, 1 << 5);
                    b.statusDetails(string(p, token));
                }
                case "mode" -> {
                    seen = once(seen, 1 << 6);
                    b.mode(string(p, token));
                }
                case "captured" -> {
                    seen = once(seen, 1 << 7);
                    b.captured(flag(token));
                }
                case "createdTimestamp" -> {
                    seen = once(seen, 1 << 8);
                    b.createdTimestamp(longValue(p, token));
                }
                case "subject" -> {
                    seen = once(seen, 1 << 9);
                    b.subject(string(p, token));
                }
                case "customIdentifier" -> {
                    seen = once(seen, 1 << 10);
                    b.customIdentifier(string(p, token));
                }
                case "referencedTransactionIdentifier" -> {
                    seen = once(seen, 1 << 11);
                    b.referencedTransactionIdentifier(string(p, token));
                }
                case "paymentDetails" -> {
                    seen = once(seen, 1 << 12);
                    b.paymentDetails(token == JsonToken.VALUE_NULL ? null : paymentDetails(p, token));
                }
                case "cardDetails" -> {
                    seen = once(seen, 1 << 13);
                    b.cardDetails(token == JsonToken.VALUE_NULL ? null : cardDetails(p, token));
                }
                case "clearingDetails" -> {
                    seen = once(seen, 1 << 14);
                    b.clearingDetails(token == JsonToken.VALUE_NULL ? null : clearingDetails(p, token));
                }
                case "refundDetails" -> {
                    seen = once(seen, 1 << 15);
                    b.refundDetails(token == JsonToken.VALUE_NULL ? null : refundDetails(p, token));
                }
                case "merchantReceipt" -> {
                    seen = once(seen, 1 << 16);
                    b.merchantReceipt(token == JsonToken.VALUE_NULL ? null : receipt(p, token));
                }
                case "customerReceipt" -> {
                    seen = once(seen, 1 << 17);
                    b.customerReceipt(token == JsonToken.VALUE_NULL ? null : receipt(p, token));
                }
                default -> p.skipChildren();
            }
        }
        return b.build();
    }

    private static P3PaymentDetails paymentDetails(JsonParser p, JsonToken value) throws IOException, Declined {
        object(value);
        String scheme = null;
        String source = null;
        String verification = null;
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "scheme" -> {
                    seen = once(seen, 1);
                    scheme = string(p, token);
                }
                case "source" -> {
                    seen = once(seen, 2);
                    source = string(p, token);
                }
                case "customerVerification" -> {
                    seen = once(seen, 4);
                    verification = string(p, token);
                }
                default -> p.skipChildren();
            }
        }
        return new P3PaymentDetails(scheme, source, verification);
    }

    private static P3CardDetails cardDetails(JsonParser p, JsonToken value) throws IOException, Declined {
        object(value);
        String masked = null;
        Integer month = null;
        Integer year = null;
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "maskedCardNumber" -> {
                    seen = once(seen, 1);
                    masked = string(p, token);
                }
                case "expiryMonth" -> {
                    seen = once(seen, 2);
                    month = intValue(p, token);
                }
                case "expiryYear" -> {
                    seen = once(seen, 4);
                    year = intValue(p, token);
                }
                default -> p.skipChildren();
            }
        }
        return new P3CardDetails(masked, month, year);
    }

    private static P3ClearingDetails clearingDetails(JsonParser p, JsonToken value) throws IOException, Declined {
        object(value);
        String authorizationCode = null;
        String transactionIdentifier = null;
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "authorizationCode" -> {
                    seen = once(seen, 1);
                    authorizationCode = string(p, token);
                }
                case "transactionIdentifier" -> {
                    seen = once(seen, 2);
                    transactionIdentifier = string(p, token);
                }
                default -> p.skipChildren();
            }
        }
        return new P3ClearingDetails(authorizationCode, transactionIdentifier);
    }

    private static P3RefundDetails refundDetails(JsonParser p, JsonToken value) throws IOException, Declined {
        object(value);
        String status = null;
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            if (name.equals("status")) {
                seen = once(seen, 1);
                status = string(p, token);
            } else {
                p.skipChildren();
            }
        }
        return new P3RefundDetails(status);
    }

    private static P3Receipt receipt(JsonParser p, JsonToken value) throws IOException, Declined {
        object(value);
        Map<String, P3ReceiptItem> data = null;
        List<String> lines = null;
        Boolean signatureLine = null;
        Boolean tipLine = null;
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "data" -> {
                    seen = once(seen, 1);
                    data = receiptData(p, token);
                }
                case "lines" -> {
                    seen = once(seen, 2);
                    lines = stringList(p, token);
                }
                case "signatureLineRequired" -> {
                    seen = once(seen, 4);
                    signatureLine = flag(token);
                }
                case "tipLineRequired" -> {
                    seen = once(seen, 8);
                    tipLine = flag(token);
                }
                default -> p.skipChildren();
            }
        }
        return new P3Receipt(data, lines, signatureLine, tipLine);
    }

    private static Map<String, P3ReceiptItem> receiptData(JsonParser p, JsonToken value) throws IOException, Declined {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        object(value);
        LinkedHashMap<String, P3ReceiptItem> data = new LinkedHashMap<>(32);
        for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
            P3ReceiptItem item = receiptItem(p, p.nextToken());
            if (data.put(key, item) != null) {
                throw DECLINED;
            }
        }
        return P3Collections.frozen(data);
    }

    private static P3ReceiptItem receiptItem(JsonParser p, JsonToken value) throws IOException, Declined {
        object(value);
        String key = null;
        String label = null;
        String itemValue = null;
        int seen = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "key" -> {
                    seen = once(seen, 1);
                    key = string(p, token);
                }
                case "label" -> {
                    seen = once(seen, 2);
                    label = string(p, token);
                }
                case "value" -> {
                    seen = once(seen, 4);
                    itemValue = string(p, token);
                }
                default -> p.skipChildren();
            }
        }
        return new P3ReceiptItem(key, label, itemValue);
    }
}
