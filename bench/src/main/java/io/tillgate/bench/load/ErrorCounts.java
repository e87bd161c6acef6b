package io.tillgate.bench.load;

import io.tillgate.p3.client.P3ErrorException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;

/** Errors by type, from any thread; a run with any entry here has failed. */
final class ErrorCounts {

    private final Map<String, LongAdder> byType = new ConcurrentHashMap<>();

    void record(String type) {
        byType.computeIfAbsent(type, t -> new LongAdder()).increment();
    }

    void record(Throwable failure) {
        record(describe(failure));
    }

    long total() {
        return byType.values().stream().mapToLong(LongAdder::sum).sum();
    }

    boolean isEmpty() {
        return byType.isEmpty();
    }

    /** {@code none}, or {@code TYPE=count, ...} sorted by type. */
    String summary() {
        if (byType.isEmpty()) {
            return "none";
        }
        Map<String, Long> sorted = new TreeMap<>();
        byType.forEach((type, count) -> sorted.put(type, count.sum()));
        StringBuilder text = new StringBuilder();
        sorted.forEach((type, count) -> text.append(text.length() == 0 ? "" : ", ").append(type).append('=')
                .append(count));
        return text.toString();
    }

    static String describe(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof P3ErrorException p3) {
            return "P3 ERROR " + p3.rawType();
        }
        return cause.getClass().getSimpleName();
    }
}
