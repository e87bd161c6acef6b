package io.tillgate.p3.codec;

import io.tillgate.core.text.PeerText;
import java.util.Optional;

/**
 * The header {@code status} of server messages. Emitted upper case (project decision); read
 * case-insensitively because the official prose once writes {@code "error"} (docs/protocols/p3.md §7).
 */
public enum P3Status {
    OK,
    ERROR;

    public String code() {
        return name();
    }

    /** Looks a status up case-insensitively; empty for {@code null} or anything else. */
    public static Optional<P3Status> lookup(String code) {
        if (code == null) {
            return Optional.empty();
        }
        if (code.equalsIgnoreCase("OK")) {
            return Optional.of(OK);
        }
        if (code.equalsIgnoreCase("ERROR")) {
            return Optional.of(ERROR);
        }
        return Optional.empty();
    }

    /**
     * Resolves a status case-insensitively.
     *
     * @throws IllegalArgumentException naming the value when it is neither OK nor ERROR
     */
    public static P3Status fromCode(String code) {
        return lookup(code).orElseThrow(() -> new IllegalArgumentException(
                "unknown P3 status '" + PeerText.clip(code) + "' (expected OK or ERROR)"));
    }
}
