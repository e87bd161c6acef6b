package io.tillgate.transport;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The source addresses a listener accepts connections from, as single addresses or CIDR subnets
 * ({@code 192.168.1.20}, {@code 192.168.1.0/24}, {@code fd00::/8}). For the protocols that cannot
 * carry TLS (Concert, IPP), this is what keeps other devices on a shop's network away.
 */
public final class AddressAllowList {

    private final List<String> entries;
    private final List<IpSubnetFilterRule> rules;

    private AddressAllowList(List<String> entries, List<IpSubnetFilterRule> rules) {
        this.entries = List.copyOf(entries);
        this.rules = List.copyOf(rules);
    }

    /**
     * @throws IllegalArgumentException naming the entry that is not an IP address or subnet; names
     *     are refused, since resolving them would make the check depend on DNS
     */
    public static AddressAllowList of(List<String> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("an allow-list needs at least one address or subnet");
        }
        List<IpSubnetFilterRule> rules = new ArrayList<>(entries.size());
        for (String entry : entries) {
            rules.add(rule(entry));
        }
        return new AddressAllowList(entries, rules);
    }

    public boolean allows(InetSocketAddress source) {
        for (IpSubnetFilterRule rule : rules) {
            if (rule.matches(source)) {
                return true;
            }
        }
        return false;
    }

    public List<String> entries() {
        return entries;
    }

    /** The same entries: what a configuration reload compares. */
    @Override
    public boolean equals(Object other) {
        return other instanceof AddressAllowList list && entries.equals(list.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    private static IpSubnetFilterRule rule(String entry) {
        String text = entry == null ? "" : entry.strip();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        if (!isLiteral(address)) {
            throw new IllegalArgumentException("'" + entry + "' is not an IP address or subnet (a.b.c.d, a.b.c.d/n, "
                    + "or IPv6 with /n)");
        }
        try {
            InetAddress parsed = InetAddress.getByName(address);
            int maxPrefix = parsed.getAddress().length * 8;
            int prefix = slash < 0 ? maxPrefix : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > maxPrefix) {
                throw new IllegalArgumentException("'" + entry + "': prefix must be between 0 and " + maxPrefix);
            }
            return new IpSubnetFilterRule(parsed, prefix, IpFilterRuleType.ACCEPT);
        } catch (NumberFormatException | UnknownHostException e) {
            throw new IllegalArgumentException("'" + entry + "' is not an IP address or subnet", e);
        }
    }

    /** Digits, dots, colons and hex only, so that {@link InetAddress#getByName} never looks a name up. */
    private static boolean isLiteral(String address) {
        if (address.isEmpty()) {
            return false;
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex && c != '.' && c != ':') {
                return false;
            }
        }
        return address.indexOf(':') >= 0 || address.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    @Override
    public String toString() {
        return String.join(", ", entries);
    }
}
