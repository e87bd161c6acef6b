package io.tillgate.admin.auth;

import java.util.Locale;

/** What an account may do on the admin listener. */
public enum Role {
    /** Reads everything: terminals, transactions, metrics, the live stream. */
    VIEWER,
    /** A viewer who may also settle UNKNOWN transactions. */
    OPERATOR;

    public boolean allows(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** The name in configuration and JSON: {@code viewer}, {@code operator}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the roles there are */
    public static Role fromConfig(String name) {
        for (Role role : values()) {
            if (role.configName().equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("must be viewer or operator, not '" + name + "'");
    }
}
