package io.tillgate.admin.auth;

import java.security.SecureRandom;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * bcrypt, as OpenBSD defined it, through Bouncy Castle. Checking costs tens of milliseconds on
 * purpose, so it never runs on an event loop.
 */
public final class PasswordHashes {

    /** 2^12 rounds: about a quarter of a second on a small server, what OWASP asks as a minimum is 10. */
    public static final int DEFAULT_COST = 12;

    /** bcrypt reads at most 72 bytes of a password; a longer one would be cut without a word. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHashes() {
    }

    /** A new hash of {@code password} with a random salt, in the {@code $2b$} form. */
    public static String hash(char[] password, int cost) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return OpenBSDBCrypt.generate("2b", password, salt, cost);
    }

    public static boolean matches(String hash, char[] password) {
        return OpenBSDBCrypt.checkPassword(hash, password);
    }

    public static boolean isBcrypt(String hash) {
        return hash != null && BCRYPT.matcher(hash).matches();
    }
}
