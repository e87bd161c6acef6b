package io.tillgate.admin.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides who a request comes from: a configured account with its password (checked with bcrypt on
 * the blocking executor, never on an event loop), or an API token. An account that gets
 * {@link #MAX_FAILURES} wrong passwords in a row is locked for the lock-out time, whoever tries;
 * unknown names cost the same bcrypt check as known ones, so timing does not tell which exist.
 */
public final class Authenticator {

    /** Wrong passwords in a row before an account is locked. */
    public static final int MAX_FAILURES = 5;

    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);
    /** Checked for unknown names so that they take as long as known ones. */
    private static final String NOBODY = PasswordHashes.hash("no account has this password".toCharArray(),
            PasswordHashes.DEFAULT_COST);
    /** How long a Basic credential, once checked, is taken without another bcrypt round. */
    private static final Duration BASIC_CACHE = Duration.ofMinutes(5);

    private record Failures(int count, Instant lockedUntil) {
    }

    private record Checked(byte[] secretDigest, Instant until) {
    }

    private final Map<String, Account> accounts;
    private final List<ApiToken> tokens;
    private final Duration lockout;
    private final Executor blocking;
    private final Clock clock;
    private final SignInObserver observer;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    /** Basic credentials checked lately, by name: a script polling every second must not cost a bcrypt each. */
    private final Map<String, Checked> recentBasic = new ConcurrentHashMap<>();

    public Authenticator(List<Account> accounts, List<ApiToken> tokens, Duration lockout, Executor blocking,
            Clock clock, SignInObserver observer) {
        this.accounts = accounts.stream().collect(Collectors.toUnmodifiableMap(Account::name, Function.identity()));
        this.tokens = List.copyOf(tokens);
        this.lockout = lockout;
        this.blocking = blocking;
        this.clock = clock;
        this.observer = observer;
    }

    /**
     * Checks a name and password on the blocking executor.
     *
     * @return completes with the principal, or exceptionally with {@link SignInRefusedException}
     */
    public CompletableFuture<Principal> signIn(String name, String password) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return check(name, password);
            } catch (SignInRefusedException e) {
                throw new CompletionException(e);
            }
        }, blocking);
    }

    private Principal check(String name, String password) throws SignInRefusedException {
        Instant now = clock.instant();
        Failures before = failures.get(name);
        if (before != null && before.lockedUntil() != null && now.isBefore(before.lockedUntil())) {
            observer.failed();
            throw new SignInRefusedException("account " + name + " is locked after " + MAX_FAILURES
                    + " wrong passwords; try again after " + before.lockedUntil(), true);
        }
        Account account = accounts.get(name);
        boolean matches = password != null && password.getBytes(StandardCharsets.UTF_8).length
                <= PasswordHashes.MAX_PASSWORD_BYTES
                && PasswordHashes.matches(account == null ? NOBODY : account.passwordHash(), password.toCharArray());
        if (account != null && matches) {
            failures.remove(name);
            return new Principal(account.name(), account.role());
        }
        observer.failed();
        if (account != null) {
            Failures after = failures.merge(name, new Failures(1, null),
                    (old, one) -> new Failures(old.count() + 1, null));
            if (after.count() >= MAX_FAILURES) {
                failures.put(name, new Failures(0, now.plus(lockout)));
                observer.lockedOut(name);
                LOG.warn("Admin account {} locked for {} after {} wrong passwords in a row", name, lockout,
                        MAX_FAILURES);
            }
        }
        throw new SignInRefusedException("wrong name or password", false);
    }

    /**
     * Checks HTTP Basic credentials: at once when the same were checked within a few minutes, else on
     * the blocking executor.
     */
    public CompletableFuture<Principal> basic(String name, String password) {
        Checked checked = recentBasic.get(name);
        byte[] digest = ApiToken.digest(name + '\0' + password);
        if (checked != null && clock.instant().isBefore(checked.until())
                && MessageDigest.isEqual(checked.secretDigest(), digest)) {
            Account account = accounts.get(name);
            if (account != null) {
                return CompletableFuture.completedFuture(new Principal(account.name(), account.role()));
            }
        }
        return signIn(name, password).thenApply(principal -> {
            recentBasic.put(name, new Checked(digest, clock.instant().plus(BASIC_CACHE)));
            return principal;
        });
    }

    /** The token's principal, if it is a configured API token; cheap, safe on an event loop. */
    public Optional<Principal> token(String bearer) {
        if (bearer == null || bearer.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = ApiToken.digest(bearer);
        return tokens.stream().filter(token -> token.matches(digest)).findFirst()
                .map(token -> new Principal(token.name(), token.role()));
    }
}
