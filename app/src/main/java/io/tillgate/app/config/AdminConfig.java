package io.tillgate.app.config;

import io.tillgate.admin.AdminSettings;
import io.tillgate.admin.auth.Account;
import io.tillgate.admin.auth.ApiToken;
import io.tillgate.admin.auth.PasswordHashes;
import io.tillgate.admin.auth.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@code admin} section: the operator's listener, its accounts (bcrypt hashes only) and API
 * tokens. Without the section there is no admin listener. The embedded default's account has a
 * published password, so, like the demo merchant secret, it is refused unless the gateway listens on
 * loopback only.
 */
final class AdminConfig {

    /** The embedded default's password for its {@code admin} account, printed in the README. */
    static final String DEMO_PASSWORD = "tillgate-demo-admin";

    private AdminConfig() {
    }

    static GatewaySettings.AdminSpec spec(GatewayConfig.Admin admin, String host, SecretReferences secrets,
            Set<Integer> portsTaken) {
        // A listener opens only where the configuration asks for it; the embedded default does.
        if (admin == null || Boolean.FALSE.equals(admin.enabled())) {
            return null;
        }
        GatewayConfig.Admin a = admin;
        int port = ConfigLoader.port("admin.port", a.port(), AdminSettings.DEFAULT_PORT);
        if (port != 0 && portsTaken.contains(port)) {
            throw new ConfigException("admin.port", port + " is already taken by another listener of this gateway");
        }
        Duration session = ConfigLoader.duration("admin.sessionTimeout", a.sessionTimeout(), "30m");
        Duration lockout = ConfigLoader.duration("admin.lockout", a.lockout(), "15m");
        List<Account> accounts = accounts(a.accounts(), host);
        List<ApiToken> tokens = tokens(a.tokens(), secrets);
        return new GatewaySettings.AdminSpec(port, accounts, tokens, session, lockout);
    }

    private static List<Account> accounts(List<GatewayConfig.AdminAccount> entries, String host) {
        List<Account> accounts = new ArrayList<>();
        Set<String> names = new HashSet<>();
        if (entries == null) {
            return accounts;
        }
        boolean loopback = MerchantSecretRules.isLoopback(host);
        for (int i = 0; i < entries.size(); i++) {
            String key = "admin.accounts[" + i + "]";
            GatewayConfig.AdminAccount entry = entries.get(i);
            if (entry == null) {
                throw new ConfigException(key, "is empty; an account needs name, role and passwordHash");
            }
            String name = ConfigLoader.identifier(key + ".name", entry.name());
            if (!names.add(name)) {
                throw new ConfigException(key + ".name", "'" + name + "' is used by another account");
            }
            Role role = role(key + ".role", entry.role());
            if (!PasswordHashes.isBcrypt(entry.passwordHash())) {
                throw new ConfigException(key + ".passwordHash", "must be a bcrypt hash ($2b$12$…); make one with: "
                        + "tillgate hash-password");
            }
            if (!loopback && PasswordHashes.matches(entry.passwordHash(), DEMO_PASSWORD.toCharArray())) {
                throw new ConfigException(key + ".passwordHash", "is the hash of the published demo password, which "
                        + "is accepted only while gateway.host is a loopback address (it is " + host + "); set a "
                        + "password of your own with: tillgate hash-password");
            }
            accounts.add(new Account(name, role, entry.passwordHash()));
        }
        return accounts;
    }

    private static List<ApiToken> tokens(List<GatewayConfig.AdminToken> entries, SecretReferences secrets) {
        List<ApiToken> tokens = new ArrayList<>();
        if (entries == null) {
            return tokens;
        }
        for (int i = 0; i < entries.size(); i++) {
            String key = "admin.tokens[" + i + "]";
            GatewayConfig.AdminToken entry = entries.get(i);
            if (entry == null) {
                throw new ConfigException(key, "is empty; a token needs name, role and token");
            }
            String name = ConfigLoader.identifier(key + ".name", entry.name());
            Role role = role(key + ".role", entry.role());
            String token = secrets.resolve(key + ".token", entry.token());
            if (token == null || token.length() < ApiToken.MIN_LENGTH) {
                throw new ConfigException(key + ".token", "must be at least " + ApiToken.MIN_LENGTH
                        + " characters (e.g. ${TILLGATE_API_TOKEN} holding the output of: openssl rand -hex 32)");
            }
            tokens.add(ApiToken.of(name, role, token));
        }
        return tokens;
    }

    private static Role role(String key, String value) {
        if (value == null) {
            throw new ConfigException(key, "is required: viewer or operator");
        }
        try {
            return Role.fromConfig(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, e.getMessage());
        }
    }
}
