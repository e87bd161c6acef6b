package io.tillgate.core.settings;

import java.time.Duration;
import java.util.Objects;

/**
 * Checks for the settings records of drivers and front-ends; each message names the setting, so a
 * configuration error reads as the key that is wrong.
 */
public final class Require {

    private Require() {
    }

    /** @throws IllegalArgumentException when {@code value} is null or blank */
    public static String text(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return value;
    }

    /** @throws IllegalArgumentException when {@code value} is zero or negative */
    public static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }
}
