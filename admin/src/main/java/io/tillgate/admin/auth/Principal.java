package io.tillgate.admin.auth;

import java.util.Objects;

/**
 * Who a request comes from, once authenticated.
 *
 * @param name the account's or token's name
 * @param role what it may do
 */
public record Principal(String name, Role role) {

    public Principal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    /** How the journal records it as the author of a change: {@code admin:alice}. */
    public String actor() {
        return "admin:" + name;
    }
}
