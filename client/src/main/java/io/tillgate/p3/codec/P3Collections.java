package io.tillgate.p3.codec;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** An unmodifiable insertion-ordered copy, or {@code null}; a map {@link #frozen} made is kept as it is. */
    static <K, V> Map<K, V> orderedMap(Map<K, V> map) {
        if (map == null) {
            return null;
        }
        if (map instanceof Frozen) {
            return map;
        }
        return new Frozen<>(new LinkedHashMap<>(map));
    }

    /**
     * An unmodifiable view of a map its caller has just filled and never touches again, so the
     * record that receives it need not copy it: the decoder reads receipts of some twenty items.
     */
    static <K, V> Map<K, V> frozen(LinkedHashMap<K, V> fresh) {
        return new Frozen<>(fresh);
    }

    /** The one class {@link #orderedMap} trusts not to change under a record. */
    private static final class Frozen<K, V> extends AbstractMap<K, V> {

        private final Map<K, V> view;

        Frozen(LinkedHashMap<K, V> map) {
            this.view = Collections.unmodifiableMap(map);
        }

        @Override
        public Set<Entry<K, V>> entrySet() {
            return view.entrySet();
        }

        @Override
        public V get(Object key) {
            return view.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return view.containsKey(key);
        }

        @Override
        public int size() {
            return view.size();
        }
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
