package io.tillgate.nexo.codec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * How one record maps to an XML element: its attributes, child elements and text, each with the
 * record accessor that writes it and the constructor slot that reads it. {@link NexoXmlReader} and
 * {@link NexoXmlWriter} walk these tables, so reading and writing one element cannot drift apart.
 *
 * <p>Reading finds a property by its local name whether it stands as an attribute or an element,
 * as the mapping before these tables did (docs/protocols/nexo.md §3: parsing is lenient); writing
 * puts each where the schema has it, attributes in declaration order, then elements in XSD order.
 *
 * @param <T> the record
 */
final class XmlShape<T> {

    /** How a property is written: as an attribute, a child element, or the element's own text. */
    enum Place {
        ATTRIBUTE, ELEMENT, TEXT
    }

    /** The value types a nexo property has. */
    enum Type {
        STRING, DECIMAL, BOOLEAN, INTEGER, CODE, OBJECT
    }

    /**
     * One property.
     *
     * @param name its local name
     * @param slot its position among the record's constructor arguments
     * @param repeated whether it is an unwrapped list (the element repeats)
     * @param code for a {@link Type#CODE}, the enum's {@code fromCode}
     * @param codeOf for a {@link Type#CODE}, the enum's {@code code}: the value as written
     * @param shape for an {@link Type#OBJECT}, the nested record's shape
     */
    record Property(String name, int slot, Place place, Type type, boolean repeated, Function<String, Object> code,
            Function<Object, String> codeOf, XmlShape<?> shape, Function<Object, Object> accessor) {
    }

    private final String typeName;
    private final boolean isRecord;
    private final Function<Object[], T> constructor;
    private final List<Property> properties;
    private final Property[] attributes;
    private final Property[] elements;
    private final Property text;
    private final Map<String, Property> byName;

    private XmlShape(Class<T> type, Function<Object[], T> constructor, List<Property> properties) {
        this.typeName = type.getName();
        this.isRecord = type.isRecord();
        this.constructor = constructor;
        this.properties = List.copyOf(properties);
        this.attributes = properties.stream().filter(p -> p.place() == Place.ATTRIBUTE).toArray(Property[]::new);
        this.elements = properties.stream().filter(p -> p.place() == Place.ELEMENT).toArray(Property[]::new);
        this.text = properties.stream().filter(p -> p.place() == Place.TEXT).findFirst().orElse(null);
        Map<String, Property> names = new HashMap<>();
        properties.forEach(p -> names.put(p.name(), p));
        this.byName = Map.copyOf(names);
    }

    static <T> Builder<T> of(Class<T> type) {
        return new Builder<>(type);
    }

    /** The record's binary name, as a refusal to build it from text names it. */
    String typeName() {
        return typeName;
    }

    /** Whether the type is a record, built through its constructor once every property is known. */
    boolean isRecord() {
        return isRecord;
    }

    int size() {
        return properties.size();
    }

    /** The property read from an attribute or element of this local name, or null. */
    Property property(String localName) {
        return byName.get(localName);
    }

    Property[] attributes() {
        return attributes;
    }

    Property[] elements() {
        return elements;
    }

    /** The property holding the element's own text, or null. */
    Property text() {
        return text;
    }

    /** The record from its constructor arguments; a repeated property's slot holds a list or null. */
    T create(Object[] slots) {
        return constructor.apply(slots);
    }

    /** Declares one record's properties in constructor order; elements in the order they are written. */
    static final class Builder<T> {

        private final Class<T> type;
        private final List<Property> properties = new ArrayList<>();

        private Builder(Class<T> type) {
            this.type = type;
        }

        Builder<T> attribute(String name, Type valueType, Function<T, Object> accessor) {
            return add(name, Place.ATTRIBUTE, valueType, false, null, null, null, accessor);
        }

        <E extends Enum<E>> Builder<T> attribute(String name, Function<String, E> fromCode, Function<E, String> code,
                Function<T, E> accessor) {
            return add(name, Place.ATTRIBUTE, Type.CODE, false, known(fromCode), codeOf(code), null, accessor::apply);
        }

        Builder<T> element(String name, Type valueType, Function<T, Object> accessor) {
            return add(name, Place.ELEMENT, valueType, false, null, null, null, accessor);
        }

        Builder<T> element(String name, XmlShape<?> shape, Function<T, Object> accessor) {
            return add(name, Place.ELEMENT, Type.OBJECT, false, null, null, shape, accessor);
        }

        Builder<T> elements(String name, Type valueType, Function<T, List<?>> accessor) {
            return add(name, Place.ELEMENT, valueType, true, null, null, null, accessor::apply);
        }

        <E extends Enum<E>> Builder<T> elements(String name, Function<String, E> fromCode, Function<E, String> code,
                Function<T, List<E>> accessor) {
            return add(name, Place.ELEMENT, Type.CODE, true, known(fromCode), codeOf(code), null, accessor::apply);
        }

        Builder<T> elements(String name, XmlShape<?> shape, Function<T, List<?>> accessor) {
            return add(name, Place.ELEMENT, Type.OBJECT, true, null, null, shape, accessor::apply);
        }

        Builder<T> text(Function<T, Object> accessor) {
            return add("", Place.TEXT, Type.STRING, false, null, null, null, accessor);
        }

        @SuppressWarnings("unchecked")
        private Builder<T> add(String name, Place place, Type valueType, boolean repeated,
                Function<String, Object> code, Function<Object, String> codeOf, XmlShape<?> shape,
                Function<T, ?> accessor) {
            properties.add(new Property(name, properties.size(), place, valueType, repeated, code, codeOf, shape,
                    record -> ((Function<Object, Object>) (Function<?, ?>) accessor).apply(record)));
            return this;
        }

        /**
         * {@code fromCode}, remembering each code it knew: it searches a fresh copy of the enum's
         * values, and a header alone has three codes. Only known codes are kept, so at most one per constant.
         */
        private static <E> Function<String, Object> known(Function<String, E> fromCode) {
            Map<String, Object> known = new ConcurrentHashMap<>();
            return text -> {
                Object value = known.get(text);
                if (value == null) {
                    value = fromCode.apply(text);
                    known.put(text, value);
                }
                return value;
            };
        }

        @SuppressWarnings("unchecked")
        private static <E> Function<Object, String> codeOf(Function<E, String> code) {
            return value -> code.apply((E) value);
        }

        XmlShape<T> build(Function<Object[], T> constructor) {
            return new XmlShape<>(type, constructor, properties);
        }
    }


    @SuppressWarnings("unchecked")
    static <E> List<E> list(Object[] slots, int slot) {
        return (List<E>) slots[slot];
    }
}
