package io.tillgate.admin.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in browsers: a random token (the cookie) per session, forgotten after a while without a
 * request or at sign-out. Held in memory: a restart signs everyone out, which is acceptable for an
 * operator's console and keeps no secret on disk.
 */
public final class Sessions {

    /** Far more than a shop's operators; beyond it the oldest sessions are dropped. */
    static final int MAX_SESSIONS = 10_000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private record Session(Principal principal, Instant lastUsed) {
    }

    private final Map<String, Session> byToken = new ConcurrentHashMap<>();
    private final Duration idleTimeout;
    private final Clock clock;

    public Sessions(Duration idleTimeout, Clock clock) {
        this.idleTimeout = idleTimeout;
        this.clock = clock;
    }

    /** Opens a session and returns its token: 256 random bits, URL-safe. */
    public String open(Principal principal) {
        if (byToken.size() >= MAX_SESSIONS) {
            dropExpiredOrOldest();
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byToken.put(token, new Session(principal, clock.instant()));
        return token;
    }

    /** The session's principal, if the token names a live session; using it keeps it alive. */
    public Optional<Principal> find(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session session = byToken.computeIfPresent(token,
                (key, found) -> expired(found, now) ? null : new Session(found.principal(), now));
        return Optional.ofNullable(session).map(Session::principal);
    }

    public void close(String token) {
        if (token != null) {
            byToken.remove(token);
        }
    }

    private boolean expired(Session session, Instant now) {
        return session.lastUsed().plus(idleTimeout).isBefore(now);
    }

    private void dropExpiredOrOldest() {
        Instant now = clock.instant();
        byToken.values().removeIf(session -> expired(session, now));
        Iterator<Map.Entry<String, Session>> oldestFirst = byToken.entrySet().stream()
                .sorted(Map.Entry.comparingByValue((a, b) -> a.lastUsed().compareTo(b.lastUsed()))).iterator();
        while (byToken.size() >= MAX_SESSIONS && oldestFirst.hasNext()) {
            byToken.remove(oldestFirst.next().getKey());
        }
    }
}
