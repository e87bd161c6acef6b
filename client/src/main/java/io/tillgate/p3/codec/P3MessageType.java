package io.tillgate.p3.codec;

import io.tillgate.core.text.PeerText;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every P3 message type, with the wire facts that hang off it: the body key (the type in
 * lowerCamelCase), the kind (from the suffix) and the record class of its body. Keeping these in
 * one table means the codec never derives a key by string manipulation on the hot path.
 */
public enum P3MessageType {
    LOGIN_MERCHANT_REQUEST(P3MessageKind.REQUEST, LoginMerchantRequest.class),
    LOGIN_MERCHANT_RESPONSE(P3MessageKind.RESPONSE, LoginMerchantResponse.class),
    EXECUTE_TRANSACTION_REQUEST(P3MessageKind.REQUEST, ExecuteTransactionRequest.class),
    EXECUTE_TRANSACTION_UPDATE(P3MessageKind.UPDATE, ExecuteTransactionUpdate.class),
    EXECUTE_TRANSACTION_ACTION(P3MessageKind.ACTION, ExecuteTransactionAction.class),
    EXECUTE_TRANSACTION_RESPONSE(P3MessageKind.RESPONSE, ExecuteTransactionResponse.class),
    ABORT_TRANSACTION_REQUEST(P3MessageKind.REQUEST, AbortTransactionRequest.class),
    ABORT_TRANSACTION_RESPONSE(P3MessageKind.RESPONSE, AbortTransactionResponse.class),
    SUBMIT_SIGNATURE_REQUEST(P3MessageKind.REQUEST, SubmitSignatureRequest.class),
    SUBMIT_SIGNATURE_RESPONSE(P3MessageKind.RESPONSE, SubmitSignatureResponse.class),
    AMEND_TRANSACTION_REQUEST(P3MessageKind.REQUEST, AmendTransactionRequest.class),
    AMEND_TRANSACTION_UPDATE(P3MessageKind.UPDATE, AmendTransactionUpdate.class),
    AMEND_TRANSACTION_RESPONSE(P3MessageKind.RESPONSE, AmendTransactionResponse.class),
    QUERY_TRANSACTION_REQUEST(P3MessageKind.REQUEST, QueryTransactionRequest.class),
    QUERY_TRANSACTION_RESPONSE(P3MessageKind.RESPONSE, QueryTransactionResponse.class),
    /**
     * Tillgate's answer to a message whose {@code type} is missing or unknown (project decision):
     * P3 has no response type to such a request, so the server answers {@code ERROR_RESPONSE} with
     * status ERROR, PARAMETER_INVALID or PARAMETER_MISSING naming {@code type}, and the tag and
     * resource echoed when they could be read. A client treats it as the failed response of the
     * request with that tag.
     */
    ERROR_RESPONSE(P3MessageKind.RESPONSE, ErrorResponse.class);

    private static final Map<String, P3MessageType> BY_CODE = new HashMap<>();

    static {
        for (P3MessageType type : values()) {
            BY_CODE.put(type.name(), type);
        }
    }

    private final P3MessageKind kind;
    private final Class<? extends P3Body> bodyClass;
    private final String bodyKey;

    P3MessageType(P3MessageKind kind, Class<? extends P3Body> bodyClass) {
        this.kind = kind;
        this.bodyClass = bodyClass;
        this.bodyKey = lowerCamel(name());
    }

    /** The wire code, UPPER_SNAKE: {@code EXECUTE_TRANSACTION_UPDATE}. */
    public String code() {
        return name();
    }

    /** The key of the body object: {@code executeTransactionUpdate}. */
    public String bodyKey() {
        return bodyKey;
    }

    public P3MessageKind kind() {
        return kind;
    }

    public boolean isRequest() {
        return kind == P3MessageKind.REQUEST;
    }

    /** The record class the body of this type must be. */
    public Class<? extends P3Body> bodyClass() {
        return bodyClass;
    }

    /** The final response to a request type ({@code _REQUEST} → {@code _RESPONSE}); empty otherwise. */
    public Optional<P3MessageType> responseType() {
        if (!isRequest()) {
            return Optional.empty();
        }
        String prefix = name().substring(0, name().length() - "REQUEST".length());
        return Optional.of(valueOf(prefix + "RESPONSE"));
    }

    /**
     * Looks a wire code up; exact UPPER_SNAKE first, then case-insensitively.
     *
     * @return empty for {@code null} or an unknown code
     */
    public static Optional<P3MessageType> lookup(String code) {
        if (code == null) {
            return Optional.empty();
        }
        P3MessageType type = BY_CODE.get(code);
        if (type == null) {
            type = BY_CODE.get(code.toUpperCase(Locale.ROOT));
        }
        return Optional.ofNullable(type);
    }

    /**
     * Resolves a wire code.
     *
     * @throws IllegalArgumentException naming the code when it is not a P3 message type
     */
    public static P3MessageType fromCode(String code) {
        Objects.requireNonNull(code, "code");
        return lookup(code).orElseThrow(
                () -> new IllegalArgumentException("unknown P3 message type '" + PeerText.clip(code) + "'"));
    }

    private static String lowerCamel(String upperSnake) {
        StringBuilder out = new StringBuilder(upperSnake.length());
        boolean upperNext = false;
        for (int i = 0; i < upperSnake.length(); i++) {
            char c = upperSnake.charAt(i);
            if (c == '_') {
                upperNext = true;
            } else {
                out.append(upperNext ? c : Character.toLowerCase(c));
                upperNext = false;
            }
        }
        return out.toString();
    }
}
