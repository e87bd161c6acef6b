package io.tillgate.app.config;

import io.tillgate.core.merchant.Merchant;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a merchant secret must be: at least {@value #MIN_LENGTH} characters (PCI DSS 8.3.6), and
 * not the published demo secret unless the gateway is reachable from this machine only. The demo
 * secret is long enough but printed in the README and {@code --help}, so it guards nothing once a
 * listener is reachable from the network. No message quotes a secret, not even the demo one.
 */
final class MerchantSecretRules {

    /** PCI DSS 8.3.6: passwords and passphrases of at least 12 characters. */
    static final int MIN_LENGTH = 12;

    /** The embedded default's secret, printed in the documentation. */
    static final String DEMO_SECRET = "tillgate-demo-secret";

    private static final Pattern IPV4 = Pattern.compile("([0-9]{1,3})\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");

    private MerchantSecretRules() {
    }

    /** Refuses a missing or short secret, naming {@code key} and never the value. */
    static String requireLength(String key, String secret) {
        if (secret == null) {
            throw new ConfigException(key, "is required (at least " + MIN_LENGTH + " characters)");
        }
        if (secret.codePointCount(0, secret.length()) < MIN_LENGTH) {
            throw new ConfigException(key, "must be at least " + MIN_LENGTH + " characters");
        }
        return secret;
    }

    /**
     * Refuses the demo secret when any listener binds an address other than loopback.
     *
     * @param merchants the merchants in configuration order ({@code merchants[N]})
     * @param listeners every address the gateway will listen on
     */
    static void requireDemoSecretOnLoopbackOnly(List<Merchant> merchants, List<Listener> listeners) {
        Optional<Listener> exposed = listeners.stream().filter(listener -> !isLoopback(listener.host())).findFirst();
        if (exposed.isEmpty()) {
            return;
        }
        for (int i = 0; i < merchants.size(); i++) {
            if (merchants.get(i).secretMatches(DEMO_SECRET)) {
                throw new ConfigException("merchants[" + i + "].secret", "is the demo secret, which is accepted only "
                        + "while every listener is bound to loopback, but " + exposed.get().binding()
                        + "; set a secret of your own of at least " + MIN_LENGTH + " characters (e.g. secret: "
                        + "${TILLGATE_MERCHANT_SECRET}), or bind every listener to localhost");
            }
        }
    }

    /**
     * Whether {@code host} is a loopback address, decided without a DNS lookup: {@code localhost},
     * 127.0.0.0/8 and {@code ::1}. Any other name counts as reachable from the network, as do the
     * wildcard addresses.
     */
    static boolean isLoopback(String host) {
        String h = host.strip();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.toLowerCase(Locale.ROOT).equals("localhost")) {
            return true;
        }
        var ipv4 = IPV4.matcher(h);
        if (ipv4.matches()) {
            return ipv4.group(1).equals("127");
        }
        if (!h.contains(":")) {
            return false;
        }
        try {
            // An IPv6 literal is parsed, never looked up.
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * An address the gateway listens on.
     *
     * @param binding which key binds it where, as a message says it ("gateway.host binds 0.0.0.0")
     * @param host the address
     */
    record Listener(String binding, String host) {
    }
}
