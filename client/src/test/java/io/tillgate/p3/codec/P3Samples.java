package io.tillgate.p3.codec;

import java.nio.charset.StandardCharsets;

/** The sample frames of docs/protocols/p3.md §1.3 and §8, verbatim (line breaks of the document removed). */
public final class P3Samples {

    private P3Samples() {
    }

    /** §1.3: 107 bytes, prefix {@code 00 00 00 6B}. */
    public static final String ABORT_REQUEST_107 =
            "{\"type\":\"ABORT_TRANSACTION_REQUEST\",\"tag\":\"t3\",\"resource\":\"devices/usbReader\","
            + "\"abortTransactionRequest\":{}}";

    /** §1.3: 227 characters, 229 bytes (the euro sign is 3 bytes), prefix {@code 00 00 00 E5}. */
    public static final String UPDATE_EURO_229 =
            "{\"type\":\"EXECUTE_TRANSACTION_UPDATE\",\"tag\":\"t2\",\"resource\":\"devices/usbReader\",\"status\":\"OK\","
            + "\"executeTransactionUpdate\":{\"state\":\"PROCESSING\",\"stateDetails\":\"PROCESSING\","
            + "\"information\":[\"Processing\",\"5,00 €\"],\"abortable\":false}}";

    public static final String LOGIN_REQUEST =
            "{\"type\":\"LOGIN_MERCHANT_REQUEST\",\"tag\":\"<uuid>\",\"loginMerchantRequest\":{\"providerMode\":\"TEST\","
            + "\"merchantIdentifier\":\"<id>\",\"merchantSecret\":\"<secret>\"}}";

    public static final String LOGIN_RESPONSE =
            "{\"type\":\"LOGIN_MERCHANT_RESPONSE\",\"tag\":\"<same>\",\"status\":\"OK\",\"loginMerchantResponse\":"
            + "{\"information\":{\"location\":\"3rd Room\"},\"devices\":[{\"name\":\"USB Reader\",\"identifier\":"
            + "\"usbReader\",\"resource\":\"devices/usbReader\",\"type\":\"MOCK\",\"comlink\":\"MOCK\"}]}}";

    public static final String EXECUTE_WITH_TIP =
            "{\"type\":\"EXECUTE_TRANSACTION_REQUEST\",\"tag\":\"<uuid>\",\"resource\":\"devices/usbReader\","
            + "\"executeTransactionRequest\":{\"mode\":\"ONLINE\",\n"
            + " \"transactionParameters\":{\"amount\":5.00,\"currency\":\"EUR\",\"type\":\"CHARGE\",\"autoCapture\":true,"
            + "\"subject\":\"My Subject\",\"customIdentifier\":\"ref-1\",\"metadata\":{\"k\":\"v\"}},\n"
            + " \"processParameters\":{\"steps\":{\"askForTip\":{\"suggestedAmount\":2.00,\"maxTipAmount\":3.0,"
            + "\"showAddTipConfirmationScreen\":true,\"showTotalAmountConfirmationScreen\":false}}}}}";

    public static final String UPDATE =
            "{\"type\":\"EXECUTE_TRANSACTION_UPDATE\",\"tag\":\"<same>\",\"resource\":\"devices/usbReader\",\"status\":\"OK\",\n"
            + " \"executeTransactionUpdate\":{\"state\":\"WAITING_FOR_CARD_PRESENTATION\","
            + "\"stateDetails\":\"PROCESSING_WAITING_FOR_CARD_PRESENTATION\",\n"
            + "  \"information\":[\"Present card\",\"5.00 EUR\"],\"abortable\":true,\"transaction\":{\"identifier\":"
            + "\"97a293ca3b804d639d8552962e0e3522\",\"amount\":5.00,\"currency\":\"EUR\",\"type\":\"CHARGE\","
            + "\"status\":\"PENDING\"}}}";

    public static final String REFUND =
            "{\"type\":\"AMEND_TRANSACTION_REQUEST\",\"tag\":\"abc123\",\"resource\":null,\"amendTransactionRequest\":"
            + "{\"mode\":\"ONLINE\",\"transactionParameters\":{\"type\":\"REFUND\",\n"
            + " \"referencedTransactionIdentifier\":\"97a293ca3b804d639d8552962e0e3522\",\"amount\":5.00,"
            + "\"currency\":\"EUR\",\"subject\":\"My Refund Subject\",\"customIdentifier\":\"ref-1\"}}}";

    public static final String ACTION =
            "{\"type\":\"EXECUTE_TRANSACTION_ACTION\",\"tag\":\"t2\",\"resource\":\"devices/usbReader\",\"status\":\"OK\","
            + "\"executeTransactionAction\":{\"action\":\"CUSTOMER_SIGNATURE\",\"transaction\":{\"identifier\":"
            + "\"97a293ca3b804d639d8552962e0e3522\",\"status\":\"PENDING\"}}}";

    public static final String SUBMIT_SIGNATURE_ON_RECEIPT =
            "{\"type\":\"SUBMIT_SIGNATURE_REQUEST\",\"tag\":\"t4\",\"resource\":\"devices/usbReader\","
            + "\"submitSignatureRequest\":{\"signatureOnReceipt\":true}}";

    public static final String ABORT_RESPONSE_ERROR =
            "{\"type\":\"ABORT_TRANSACTION_RESPONSE\",\"tag\":\"t3\",\"resource\":\"devices/usbReader\",\"status\":\"ERROR\","
            + "\"error\":{\"type\":\"TRANSACTION_NO_LONGER_ABORTABLE\",\"message\":\"Transaction can no longer be aborted\","
            + "\"developerMessage\":\"last update had abortable=false\"}}";

    public static final String QUERY =
            "{\"type\":\"QUERY_TRANSACTION_REQUEST\",\"tag\":\"t9\",\"resource\":\"/\",\"queryTransactionRequest\":{\"tag\":\"t2\"}}";

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The sample without the line breaks (and following indentation) of the document. */
    public static String compact(String sample) {
        return sample.replaceAll("\n *", "");
    }
}
