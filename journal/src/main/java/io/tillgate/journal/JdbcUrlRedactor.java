package io.tillgate.journal;

import java.util.regex.Pattern;

/**
 * Hides the secrets a JDBC URL can carry, so a URL can be named in a log line or an exception
 * message. An operator who puts the database password into {@code journal.url} instead of
 * {@code journal.password} must not find it in the gateway's log, and neither may anyone who reads
 * that log.
 *
 * <p>Hidden: the password of a {@code //user:password@host} authority, and the value of every
 * parameter (after {@code ?}, {@code &} or {@code ;}) whose name contains {@code password},
 * {@code passwd}, {@code pwd}, {@code secret}, {@code token} or {@code sslkey} — so
 * {@code password=}, {@code sslpassword=}, {@code keyStorePassword=}, {@code client_secret=} and the
 * client key's path {@code sslkey=} alike. Everything else (host, port, database, user) stays, as the
 * operator needs it to tell which database is meant.
 */
public final class JdbcUrlRedactor {

    /** What replaces a hidden value. */
    public static final String HIDDEN = "***";

    /**
     * {@code //user:password@}: the password runs to the last {@code @} before the query, so a
     * password holding an unencoded {@code /} or {@code @} (base64 has the one, people type the other)
     * is hidden whole rather than cut at its first such character.
     */
    private static final Pattern USERINFO_PASSWORD = Pattern.compile("(//[^/?#@:]*:)[^?#]*@");
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)([?&;][^=&;?#]*(?:password|passwd|pwd|secret|token|sslkey)[^=&;?#]*=)[^&;]*");

    private JdbcUrlRedactor() {
    }

    /** {@code url} with every secret replaced by {@value #HIDDEN}; {@code null} stays {@code null}. */
    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        String withoutUserinfo = USERINFO_PASSWORD.matcher(url).replaceFirst("$1" + HIDDEN + "@");
        return SECRET_PARAMETER.matcher(withoutUserinfo).replaceAll("$1" + HIDDEN);
    }
}
