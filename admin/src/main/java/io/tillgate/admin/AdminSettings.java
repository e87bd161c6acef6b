package io.tillgate.admin;

import io.tillgate.admin.auth.Account;
import io.tillgate.admin.auth.ApiToken;
import io.tillgate.transport.ListenerGuards;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The admin listener as configured.
 *
 * @param host the address to bind (the gateway's host)
 * @param port the port, 0 for any free one
 * @param guards TLS (as the other listeners), connection limits, allowed addresses
 * @param accounts who may sign in
 * @param tokens API tokens
 * @param sessionIdleTimeout how long a console session lasts without a request
 * @param lockout how long an account is locked after too many wrong passwords
 */
public record AdminSettings(String host, int port, ListenerGuards guards, List<Account> accounts, List<ApiToken> tokens,
        Duration sessionIdleTimeout, Duration lockout) {

    public static final int DEFAULT_PORT = 8082;

    public AdminSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(guards, "guards");
        accounts = List.copyOf(accounts);
        tokens = List.copyOf(tokens);
        Objects.requireNonNull(sessionIdleTimeout, "sessionIdleTimeout");
        Objects.requireNonNull(lockout, "lockout");
    }
}
