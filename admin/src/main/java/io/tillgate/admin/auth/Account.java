package io.tillgate.admin.auth;

import java.util.Objects;

/**
 * An operator who signs in with a password; only the password's bcrypt hash is configured.
 *
 * @param name the sign-in name, recorded as the actor of what the account changes
 * @param role what the account may do
 * @param passwordHash the bcrypt hash ({@code $2a$}, {@code $2b$} or {@code $2y$}), see {@link PasswordHashes}
 */
public record Account(String name, Role role, String passwordHash) {

    public Account {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        if (!PasswordHashes.isBcrypt(passwordHash)) {
            throw new IllegalArgumentException("the password hash of account " + name
                    + " is not a bcrypt hash; make one with: tillgate hash-password");
        }
    }

    @Override
    public String toString() {
        return "Account[" + name + ", " + role.configName() + "]";
    }
}
