package io.tillgate.p3.codec;

import java.util.List;
import java.util.Map;

/**
 * The server's configuration information and the merchant's devices; the client keeps each
 * device's {@code resource} for later requests (docs/protocols/p3.md §3.1).
 */
public record LoginMerchantResponse(Map<String, String> information, List<P3Device> devices) implements P3Body {

    public LoginMerchantResponse {
        information = P3Collections.orderedMap(information);
        devices = P3Collections.list(devices, "devices");
    }

    @Override
    public P3MessageType messageType() {
        return P3MessageType.LOGIN_MERCHANT_RESPONSE;
    }
}
