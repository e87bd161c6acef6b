package io.tillgate.p3.codec;

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
}
