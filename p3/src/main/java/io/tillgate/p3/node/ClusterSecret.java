package io.tillgate.p3.node;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * The secret the nodes of a cluster share (docs/cluster.md): a node logs in to another node's P3
 * listener with it to forward requests. Compared in constant time; {@link #toString()} never shows it.
 */
public final class ClusterSecret {

    /** Shorter secrets are refused by the configuration: the login is throttled, not a key derivation. */
    public static final int MIN_LENGTH = 16;

    private final byte[] secret;

    private ClusterSecret(byte[] secret) {
        this.secret = secret;
    }

    /** @throws IllegalArgumentException when shorter than {@link #MIN_LENGTH} characters (the secret is not shown) */
    public static ClusterSecret of(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the cluster secret must be at least " + MIN_LENGTH
                    + " characters long, was " + secret.length());
        }
        return new ClusterSecret(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code offered} is this secret; takes as long whichever byte differs. */
    public boolean matches(String offered) {
        return offered != null && MessageDigest.isEqual(secret, offered.getBytes(StandardCharsets.UTF_8));
    }

    /** The secret itself, to send in a node login; for nothing else. */
    String reveal() {
        return new String(secret, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ClusterSecret[***]";
    }
}
