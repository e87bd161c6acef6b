package io.tillgate.core.merchant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured merchants, looked up at login. */
public final class MerchantDirectory {

    private final Map<String, Merchant> merchants;

    public MerchantDirectory(List<Merchant> merchants) {
        Map<String, Merchant> byId = new LinkedHashMap<>();
        for (Merchant merchant : merchants) {
            if (byId.putIfAbsent(merchant.id(), merchant) != null) {
                throw new IllegalArgumentException("merchant '" + merchant.id() + "' is configured twice");
            }
        }
        this.merchants = Map.copyOf(byId);
    }

    /** The merchant whose id and secret both match; empty otherwise, without saying which was wrong. */
    public Optional<Merchant> authenticate(String id, String secret) {
        Merchant merchant = id == null ? null : merchants.get(id);
        return merchant != null && merchant.secretMatches(secret) ? Optional.of(merchant) : Optional.empty();
    }

    public Optional<Merchant> find(String id) {
        return Optional.ofNullable(merchants.get(id));
    }
}
