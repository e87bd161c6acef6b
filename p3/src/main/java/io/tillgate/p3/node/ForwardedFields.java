package io.tillgate.p3.node;

import io.tillgate.core.service.PaymentRequest;
import io.tillgate.core.service.ReferenceRule;
import io.tillgate.p3.codec.P3Validation;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Who a forwarded request really comes from, carried to the node that drives its terminal in the
 * request's {@code transactionParameters.metadata} under {@code tillgate.node.*} keys (a Tillgate
 * extension, docs/protocols/p3.md): the holder journals the transaction under the original merchant,
 * protocol, request reference and reference rule, so idempotency and queries work the same whichever
 * node a retry reaches. Accepted only on a node connection; a POS that sends these keys is refused.
 */
public record ForwardedFields(String merchantId, String protocol, String requestReference,
        ReferenceRule referenceRule) {

    public static final String KEY_PREFIX = "tillgate.node.";
    static final String MERCHANT = KEY_PREFIX + "merchant";
    static final String PROTOCOL = KEY_PREFIX + "protocol";
    static final String REQUEST_REFERENCE = KEY_PREFIX + "requestReference";
    static final String REFERENCE_RULE = KEY_PREFIX + "referenceRule";
    private static final String PATH = "executeTransactionRequest.transactionParameters.metadata.";

    static ForwardedFields of(PaymentRequest request) {
        return new ForwardedFields(request.merchantId(), request.protocol(), request.requestReference(),
                request.referenceRule());
    }

    Map<String, String> toMetadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(MERCHANT, merchantId);
        metadata.put(PROTOCOL, protocol);
        if (requestReference != null) {
            metadata.put(REQUEST_REFERENCE, requestReference);
        }
        metadata.put(REFERENCE_RULE, referenceRule.name());
        return metadata;
    }

    /** Whether a request's metadata carries any of these keys. */
    public static boolean present(Map<String, String> metadata) {
        return metadata != null && metadata.keySet().stream().anyMatch(key -> key.startsWith(KEY_PREFIX));
    }

    /**
     * Reads the fields of a request that came in on a node connection.
     *
     * @throws io.tillgate.p3.codec.P3DecodingException naming the missing or invalid key
     */
    public static ForwardedFields read(Map<String, String> metadata) {
        Map<String, String> fields = metadata == null ? Map.of() : metadata;
        String merchant = P3Validation.require(fields.get(MERCHANT), PATH + MERCHANT);
        String protocol = P3Validation.require(fields.get(PROTOCOL), PATH + PROTOCOL);
        String rule = P3Validation.require(fields.get(REFERENCE_RULE), PATH + REFERENCE_RULE);
        ReferenceRule referenceRule;
        try {
            referenceRule = ReferenceRule.valueOf(rule.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw P3Validation.invalid(PATH + REFERENCE_RULE, "expected RETRY_RETURNS_APPROVAL or ORDER_NUMBER");
        }
        return new ForwardedFields(merchant, protocol, fields.get(REQUEST_REFERENCE), referenceRule);
    }
}
