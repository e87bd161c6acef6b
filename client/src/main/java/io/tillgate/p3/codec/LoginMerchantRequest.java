package io.tillgate.p3.codec;

/**
 * Logs a merchant in (docs/protocols/p3.md §3.1). {@link #toString()} hides the secret so the record can be
 * logged as a whole.
 */
public record LoginMerchantRequest(String providerMode, String merchantIdentifier, String merchantSecret)
        implements P3Body {

    @Override
    public P3MessageType messageType() {
        return P3MessageType.LOGIN_MERCHANT_REQUEST;
    }

    @Override
    public String toString() {
        return "LoginMerchantRequest[providerMode=" + providerMode + ", merchantIdentifier=" + merchantIdentifier
                + ", merchantSecret=" + (merchantSecret == null ? "null" : "***") + "]";
    }
}
