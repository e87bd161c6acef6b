package io.tillgate.p3.codec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The mutable target Jackson streams a whole message into in one pass, whatever the key order:
 * header fields as raw strings (normalised and checked afterwards by {@link P3Codec}) and one
 * typed slot per body key, so the body is bound to its record without an intermediate tree.
 * {@link P3JsonReader} fills the same envelope from the streaming parser.
 */
final class P3Envelope {

    @JsonProperty("type")
    String type;

    @JsonProperty("tag")
    String tag;

    @JsonProperty("resource")
    String resource;

    @JsonProperty("status")
    String status;

    @JsonProperty("error")
    P3Error error;

    private static final int TYPE_COUNT = P3MessageType.values().length;

    private P3Body[] bodies;

    P3Body body(P3MessageType type) {
        return bodies == null ? null : bodies[type.ordinal()];
    }

    void put(P3Body body) {
        if (body == null) {
            return;
        }
        if (bodies == null) {
            bodies = new P3Body[TYPE_COUNT];
        }
        bodies[body.messageType().ordinal()] = body;
    }

    @JsonProperty("loginMerchantRequest")
    void loginMerchantRequest(LoginMerchantRequest body) {
        put(body);
    }

    @JsonProperty("loginMerchantResponse")
    void loginMerchantResponse(LoginMerchantResponse body) {
        put(body);
    }

    @JsonProperty("executeTransactionRequest")
    void executeTransactionRequest(ExecuteTransactionRequest body) {
        put(body);
    }

    @JsonProperty("executeTransactionUpdate")
    void executeTransactionUpdate(ExecuteTransactionUpdate body) {
        put(body);
    }

    @JsonProperty("executeTransactionAction")
    void executeTransactionAction(ExecuteTransactionAction body) {
        put(body);
    }

    @JsonProperty("executeTransactionResponse")
    void executeTransactionResponse(ExecuteTransactionResponse body) {
        put(body);
    }

    @JsonProperty("abortTransactionRequest")
    void abortTransactionRequest(AbortTransactionRequest body) {
        put(body);
    }

    @JsonProperty("abortTransactionResponse")
    void abortTransactionResponse(AbortTransactionResponse body) {
        put(body);
    }

    @JsonProperty("submitSignatureRequest")
    void submitSignatureRequest(SubmitSignatureRequest body) {
        put(body);
    }

    @JsonProperty("submitSignatureResponse")
    void submitSignatureResponse(SubmitSignatureResponse body) {
        put(body);
    }

    @JsonProperty("amendTransactionRequest")
    void amendTransactionRequest(AmendTransactionRequest body) {
        put(body);
    }

    @JsonProperty("amendTransactionUpdate")
    void amendTransactionUpdate(AmendTransactionUpdate body) {
        put(body);
    }

    @JsonProperty("amendTransactionResponse")
    void amendTransactionResponse(AmendTransactionResponse body) {
        put(body);
    }

    @JsonProperty("queryTransactionRequest")
    void queryTransactionRequest(QueryTransactionRequest body) {
        put(body);
    }

    @JsonProperty("queryTransactionResponse")
    void queryTransactionResponse(QueryTransactionResponse body) {
        put(body);
    }
}
