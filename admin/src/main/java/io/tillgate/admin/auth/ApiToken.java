package io.tillgate.admin.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * A secret that a program (a Prometheus scraper, a script) sends as {@code Authorization: Bearer}.
 * Only its SHA-256 is kept: a token is long and random, so a slow hash would add nothing.
 *
 * @param name what the token is for, recorded as the actor of what it changes
 * @param role what it may do
 */
public record ApiToken(String name, Role role, byte[] sha256) {

    /** Long enough that guessing is out of the question, short enough to paste. */
    public static final int MIN_LENGTH = 32;

    public ApiToken {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        sha256 = sha256.clone();
    }

    /** @throws IllegalArgumentException when the token is shorter than {@link #MIN_LENGTH} */
    public static ApiToken of(String name, Role role, String token) {
        if (token == null || token.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the API token " + name + " must be at least " + MIN_LENGTH
                    + " characters (e.g. openssl rand -hex 32)");
        }
        return new ApiToken(name, role, digest(token));
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    boolean matches(byte[] candidateDigest) {
        return MessageDigest.isEqual(sha256, candidateDigest);
    }

    static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiToken token && name.equals(token.name) && role == token.role
                && MessageDigest.isEqual(sha256, token.sha256);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, role);
    }

    @Override
    public String toString() {
        return "ApiToken[" + name + ", " + role.configName() + "]";
    }
}
