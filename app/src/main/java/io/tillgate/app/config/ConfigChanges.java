package io.tillgate.app.config;

import io.tillgate.app.config.GatewaySettings.FrontEndSpec;
import io.tillgate.app.config.GatewaySettings.TerminalSpec;
import io.tillgate.core.merchant.Merchant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a configuration reload changes: the terminals, merchants and front-ends added, removed or
 * changed, which a running gateway applies, and the node-level keys that differ, which only a
 * restart applies.
 *
 * <p>A front-end is identified by its whole entry: one whose entry changed is removed and added again,
 * and one that moved to another port for the same terminal is reported as rebound.
 *
 * @param addedTerminals in the new file only
 * @param removedTerminals in the running configuration only
 * @param changedTerminals in both, with different settings: the new ones
 * @param addedMerchants ids in the new file only
 * @param removedMerchants ids in the running configuration only
 * @param changedMerchants ids in both, with another secret, receipt details or terminal list
 * @param addedFrontEnds entries in the new file only
 * @param removedFrontEnds entries in the running configuration only
 * @param needsRestart the keys that differ but take effect only at the next start
 */
public record ConfigChanges(List<TerminalSpec> addedTerminals, List<String> removedTerminals,
        List<TerminalSpec> changedTerminals, List<String> addedMerchants, List<String> removedMerchants,
        List<String> changedMerchants, List<FrontEndSpec> addedFrontEnds, List<FrontEndSpec> removedFrontEnds,
        List<String> needsRestart) {

    public ConfigChanges {
        addedTerminals = List.copyOf(addedTerminals);
        removedTerminals = List.copyOf(removedTerminals);
        changedTerminals = List.copyOf(changedTerminals);
        addedMerchants = List.copyOf(addedMerchants);
        removedMerchants = List.copyOf(removedMerchants);
        changedMerchants = List.copyOf(changedMerchants);
        addedFrontEnds = List.copyOf(addedFrontEnds);
        removedFrontEnds = List.copyOf(removedFrontEnds);
        needsRestart = List.copyOf(needsRestart);
    }

    /** From the running configuration to the one just read. */
    public static ConfigChanges between(GatewaySettings running, GatewaySettings next) {
        Map<String, TerminalSpec> before = byId(running.terminals(), TerminalSpec::id);
        Map<String, TerminalSpec> after = byId(next.terminals(), TerminalSpec::id);
        Map<String, Merchant> merchantsBefore = byId(running.merchants(), Merchant::id);
        Map<String, Merchant> merchantsAfter = byId(next.merchants(), Merchant::id);
        return new ConfigChanges(
                after.values().stream().filter(t -> !before.containsKey(t.id())).toList(),
                before.keySet().stream().filter(id -> !after.containsKey(id)).toList(),
                after.values().stream().filter(t -> before.containsKey(t.id()) && !before.get(t.id()).equals(t))
                        .toList(),
                merchantsAfter.keySet().stream().filter(id -> !merchantsBefore.containsKey(id)).toList(),
                merchantsBefore.keySet().stream().filter(id -> !merchantsAfter.containsKey(id)).toList(),
                merchantsAfter.keySet().stream().filter(id -> merchantsBefore.containsKey(id)
                        && !merchantsBefore.get(id).equals(merchantsAfter.get(id))).toList(),
                next.frontEnds().stream().filter(f -> !running.frontEnds().contains(f)
                        || printsOtherName(f, merchantsBefore, merchantsAfter)).toList(),
                running.frontEnds().stream().filter(f -> !next.frontEnds().contains(f)
                        || printsOtherName(f, merchantsBefore, merchantsAfter)).toList(),
                needsRestart(running, next));
    }

    /** An IPP front-end prints its merchant's name on its receipts, and takes it when it is built. */
    private static boolean printsOtherName(FrontEndSpec frontEnd, Map<String, Merchant> before,
            Map<String, Merchant> after) {
        if (frontEnd.protocol() != Protocol.IPP) {
            return false;
        }
        Merchant was = before.get(frontEnd.merchantId());
        Merchant is = after.get(frontEnd.merchantId());
        return was != null && is != null && !was.details().publicName().equals(is.details().publicName());
    }

    /** Whether the reload changes nothing that runs, restart-only keys aside. */
    public boolean appliesNothing() {
        return addedTerminals.isEmpty() && removedTerminals.isEmpty() && changedTerminals.isEmpty()
                && addedMerchants.isEmpty() && removedMerchants.isEmpty() && changedMerchants.isEmpty()
                && addedFrontEnds.isEmpty() && removedFrontEnds.isEmpty();
    }

    /**
     * One line for the log: {@code terminals +t3 -t2 ~t1; merchants ~shop; front-ends +concert:9003 (t3),
     * ipp (t1) rebound 9002->9004}, or {@code no change}.
     */
    public String summary() {
        List<String> parts = new ArrayList<>();
        part(parts, "terminals", addedTerminals.stream().map(TerminalSpec::id).toList(), removedTerminals,
                changedTerminals.stream().map(TerminalSpec::id).toList());
        part(parts, "merchants", addedMerchants, removedMerchants, changedMerchants);
        List<String> frontEnds = new ArrayList<>();
        List<FrontEndSpec> added = new ArrayList<>(addedFrontEnds);
        for (FrontEndSpec removed : removedFrontEnds) {
            FrontEndSpec rebound = added.stream().filter(a -> a.protocol() == removed.protocol()
                    && a.terminalId().equals(removed.terminalId())).findFirst().orElse(null);
            if (rebound == null) {
                frontEnds.add("-" + describe(removed));
            } else if (rebound.port() != removed.port()) {
                added.remove(rebound);
                frontEnds.add(removed.protocol().configName() + " (" + removed.terminalId() + ") rebound "
                        + removed.port() + "->" + rebound.port());
            } else {
                added.remove(rebound);
                frontEnds.add("~" + describe(rebound));
            }
        }
        added.forEach(a -> frontEnds.add("+" + describe(a)));
        if (!frontEnds.isEmpty()) {
            parts.add("front-ends " + String.join(" ", frontEnds));
        }
        return parts.isEmpty() ? "no change" : String.join("; ", parts);
    }

    private static String describe(FrontEndSpec spec) {
        return spec.protocol().configName() + ":" + spec.port() + " (" + spec.terminalId() + ")";
    }

    private static void part(List<String> parts, String name, List<String> added, List<String> removed,
            List<String> changed) {
        if (added.isEmpty() && removed.isEmpty() && changed.isEmpty()) {
            return;
        }
        parts.add(name + " " + java.util.stream.Stream.of(
                added.stream().map(id -> "+" + id), removed.stream().map(id -> "-" + id),
                changed.stream().map(id -> "~" + id)).flatMap(s -> s).collect(Collectors.joining(" ")));
    }

    /** The node-level keys that differ: the journal, listeners other than front-ends, timings, TLS. */
    private static List<String> needsRestart(GatewaySettings running, GatewaySettings next) {
        List<String> keys = new ArrayList<>();
        differs(keys, "gateway.host", running.host(), next.host());
        differs(keys, "gateway.information", running.information(), next.information());
        differs(keys, "gateway.transactionTimeout", running.transactionTimeout(), next.transactionTimeout());
        differs(keys, "gateway.idempotencyWindow", running.idempotencyWindow(), next.idempotencyWindow());
        differs(keys, "gateway.receiptWidth", running.receiptWidth(), next.receiptWidth());
        differs(keys, "gateway.timeZone", running.zone(), next.zone());
        differs(keys, "gateway.drainTime", running.drainTime(), next.drainTime());
        differs(keys, "gateway.health", running.health(), next.health());
        differs(keys, "gateway.limits", running.transport().limits(), next.transport().limits());
        differs(keys, "journal", running.journal(), next.journal());
        differs(keys, "p3", running.p3(), next.p3());
        // A TLS context cannot be compared; the files it came from can.
        differs(keys, "tls", running.transport().tlsDescription(), next.transport().tlsDescription());
        differs(keys, "p3.allowedOrigins", running.transport().p3AllowedOrigins(),
                next.transport().p3AllowedOrigins());
        differs(keys, "admin", running.admin(), next.admin());
        differs(keys, "metrics", running.metrics(), next.metrics());
        return keys;
    }

    private static void differs(List<String> keys, String key, Object running, Object next) {
        if (!Objects.equals(running, next)) {
            keys.add(key);
        }
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(id.apply(item), item));
        return map;
    }
}
