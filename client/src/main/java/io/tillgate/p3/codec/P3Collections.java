package io.tillgate.p3.codec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Defensive copies that keep the records immutable and, for maps, keep the wire order. */
final class P3Collections {

    private P3Collections() {
    }

    /** An unmodifiable copy, or {@code null}; null elements are rejected naming the field. */
    static <T> List<T> list(List<T> list, String field) {
        if (list == null) {
            return null;
        }
        for (T element : list) {
            if (element == null) {
                throw InvalidFieldException.invalid(field, "must not contain null");
            }
        }
        return List.copyOf(list);
    }

    /** An unmodifiable insertion-ordered copy, or {@code null}. */
    static <K, V> Map<K, V> orderedMap(Map<K, V> map) {
        if (map == null) {
            return null;
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** The two display lines of an update: required, exactly two, none null. */
    static List<String> twoLines(List<String> information) {
        if (information == null) {
            throw InvalidFieldException.missing("information");
        }
        if (information.size() != 2) {
            throw InvalidFieldException.invalid("information",
                    "must hold exactly 2 lines, got " + information.size());
        }
        return list(information, "information");
    }
}
