package io.tillgate.app.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The samples of a scrape in Prometheus's text format, read line by line as Prometheus reads them:
 * {@code name{label="value",…} value}. A line that is neither a sample nor a comment fails the test.
 */
final class PrometheusSamples {

    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    private final Map<Sample, Double> samples = new LinkedHashMap<>();

    private PrometheusSamples() {
    }

    static PrometheusSamples parse(String text) {
        PrometheusSamples parsed = new PrometheusSamples();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                throw new AssertionError("not a Prometheus sample line: " + line);
            }
            Sample key = new Sample(sample.group(1), labels(sample.group(2), line));
            if (parsed.samples.put(key, Double.valueOf(sample.group(3))) != null) {
                throw new AssertionError("sample repeated: " + line);
            }
        }
        return parsed;
    }

    /**
     * The value of the sample {@code name} whose labels include {@code labels} (name, value, …).
     *
     * @throws AssertionError unless exactly one sample matches
     */
    double value(String name, String... labels) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        List<Map.Entry<Sample, Double>> matching = samples.entrySet().stream()
                .filter(e -> e.getKey().name().equals(name)
                        && e.getKey().labels().entrySet().containsAll(wanted.entrySet()))
                .toList();
        if (matching.size() != 1) {
            throw new AssertionError(matching.size() + " samples " + name + wanted + " in:\n" + samples.keySet());
        }
        return matching.get(0).getValue();
    }

    /** Whether any sample is named {@code name}. */
    boolean has(String name) {
        return samples.keySet().stream().anyMatch(sample -> sample.name().equals(name));
    }

    private static Map<String, String> labels(String text, String line) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text == null) {
            return labels;
        }
        Matcher label = LABEL.matcher(text);
        int end = 0;
        while (label.find() && label.start() == end) {
            labels.put(label.group(1), label.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
            end = label.end();
        }
        if (end != text.length()) {
            throw new AssertionError("unreadable labels in: " + line);
        }
        return labels;
    }

    private record Sample(String name, Map<String, String> labels) {
    }
}
