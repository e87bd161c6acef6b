package io.tillgate.p3.codec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A receipt both structured ({@code data}, keyed by receipt key, in print order) and pre-formatted
 * ({@code lines}), docs/protocols/p3.md §4.2. The flags ask the printer for a signature or tip/total line.
 */
public record P3Receipt(
        Map<String, P3ReceiptItem> data,
        List<String> lines,
        Boolean signatureLineRequired,
        Boolean tipLineRequired) {

    public P3Receipt {
        data = P3Collections.orderedMap(data);
        lines = P3Collections.list(lines, "lines");
    }

    /**
     * A receipt whose {@code data} holds {@code items} under their keys, in their order (a later
     * item with the same key replaces the earlier one in its place, as a map does): the server's
     * receipts are made this way without a map that the record would copy again.
     */
    public static P3Receipt fromItems(List<P3ReceiptItem> items, List<String> lines, Boolean signatureLineRequired,
                                      Boolean tipLineRequired) {
        LinkedHashMap<String, P3ReceiptItem> data = new LinkedHashMap<>(items.size() * 4 / 3 + 1);
        for (P3ReceiptItem item : items) {
            data.put(item.key(), item);
        }
        return new P3Receipt(P3Collections.frozen(data), lines, signatureLineRequired, tipLineRequired);
    }
}
