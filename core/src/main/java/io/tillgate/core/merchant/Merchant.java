package io.tillgate.core.merchant;

import io.tillgate.core.receipt.MerchantDetails;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

/**
 * A merchant that may log in, and the terminals it may use.
 *
 * @param id the merchant identifier it logs in with
 * @param secret its shared secret; never logged ({@link #toString()} hides it)
 * @param details what its receipts print
 * @param terminalIds the terminals it sees and uses, in display order
 */
public record Merchant(String id, String secret, MerchantDetails details, List<String> terminalIds) {

    public Merchant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(details, "details");
        terminalIds = List.copyOf(terminalIds);
    }

    /** Compares in constant time so the secret cannot be guessed byte by byte from response times. */
    public boolean secretMatches(String candidate) {
        return candidate != null && MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }

    public boolean owns(String terminalId) {
        return terminalIds.contains(terminalId);
    }

    @Override
    public String toString() {
        return "Merchant[id=" + id + ", terminals=" + terminalIds + "]";
    }
}
