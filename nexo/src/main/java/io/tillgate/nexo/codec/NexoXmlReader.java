package io.tillgate.nexo.codec;

import com.fasterxml.aalto.UncheckedStreamException;
import com.fasterxml.jackson.core.io.NumberInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Maps one document from the StAX event stream straight onto records, walking {@link XmlShape}s.
 *
 * <p>It reads a document the way the codec always has (pinned by NexoLenientReadingTest): a
 * property is found by its local name as an attribute or as an element; unknown ones are skipped;
 * the last of a repeated single element wins, and a repeated list element keeps its last unbroken
 * run; an element with neither attributes nor children is text, and empty or blank text stands
 * for an element with nothing set; numbers and flags are trimmed, and empty ones are absent.
 * Element nesting is bounded. Not thread-safe: one instance reads one document.
 */
final class NexoXmlReader {

    /** Element nesting allowed: a nexo document is under ten deep; anything far deeper is hostile. */
    static final int MAX_DEPTH = 32;

    /** A value that does not map, named by the path of element and attribute names below the root. */
    static final class UnmappableException extends Exception {

        private final String path;

        UnmappableException(String path, String reason) {
            super(reason, null, false, false);
            this.path = path;
        }

        String path() {
            return path;
        }
    }

    /** Nesting beyond {@link #MAX_DEPTH}: refused as the parser's limit, wherever it is found. */
    static final class TooDeepException extends Exception {

        TooDeepException(int depth) {
            super("Document nesting depth (" + depth + ") exceeds the maximum allowed (" + MAX_DEPTH
                    + ", from `StreamReadConstraints.getMaxNestingDepth()`)", null, false, false);
        }
    }

    /** What {@link #open()} found: a leaf, an object with attributes, an object whose first child is next. */
    private static final int LEAF = 0;
    private static final int WITH_ATTRIBUTES = 1;
    private static final int AT_CHILD = 2;

    private final XMLStreamReader in;
    private final String[] path = new String[MAX_DEPTH + 2];
    private int pathLength;
    private int depth;
    /** The text {@link #open()} read before the next tag. */
    private String lookahead;

    private NexoXmlReader(XMLStreamReader in) {
        this.in = in;
    }

    /**
     * The record the document's root element maps to; the root's own name is not checked.
     *
     * @throws XMLStreamException when the document is not well-formed outside any element Tillgate maps
     * @throws UnmappableException when a value does not map, or the document is not well-formed inside
     *     an element Tillgate maps (named by its path, as the mapping before this reader named it)
     * @throws TooDeepException when elements nest deeper than {@link #MAX_DEPTH} outside any element
     *     Tillgate maps (inside one, an {@link UnmappableException} naming it)
     */
    static <T> T read(XMLStreamReader in, XmlShape<T> root)
            throws XMLStreamException, UnmappableException, TooDeepException {
        while (in.next() != XMLStreamConstants.START_ELEMENT) {
            // the prolog: declaration, comments, processing instructions, whitespace
        }
        NexoXmlReader reader = new NexoXmlReader(in);
        try {
            @SuppressWarnings("unchecked")
            T document = (T) reader.document(root);
            // What follows the root is read too: anything there but comments, processing instructions
            // and whitespace makes the document not well-formed.
            while (in.hasNext()) {
                in.next();
            }
            return document;
        } catch (UncheckedStreamException e) {
            // Aalto reads text lazily and reports a fault found then unchecked
            XMLStreamException fault = e.getCause() instanceof XMLStreamException cause ? cause
                    : new XMLStreamException(e.getMessage(), e);
            if (reader.pathLength == 0) {
                throw fault;
            }
            throw reader.unmappable(parserMessage(fault));
        } catch (XMLStreamException e) {
            if (reader.pathLength == 0) {
                throw e;
            }
            throw reader.unmappable(parserMessage(e));
        } catch (TooDeepException e) {
            if (reader.pathLength == 0) {
                throw e;
            }
            throw reader.unmappable(e.getMessage());
        }
    }

    /** What the parser says is wrong: the message of the exception at the root of its causes. */
    static String parserMessage(XMLStreamException e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : e.getMessage();
    }

    /** The root element: as any object, except that text alone leaves it with nothing set. */
    private Object document(XmlShape<?> root) throws XMLStreamException, UnmappableException, TooDeepException {
        int kind = open();
        return kind == LEAF ? fromText(root, "") : value(root, null, kind);
    }

    /**
     * Finds what the element the reader stands on is, as the mapping before this reader found it:
     * an object when it has attributes, else by reading on to the next tag — a leaf when that is its
     * end tag, an object when it is a child's start tag. A fault found on the way belongs to the
     * enclosing element, and so does nesting too deep.
     */
    private int open() throws XMLStreamException, TooDeepException {
        if (in.getAttributeCount() > 0) {
            enterObject();
            return WITH_ATTRIBUTES;
        }
        lookahead = text();
        if (in.getEventType() == XMLStreamConstants.END_ELEMENT) {
            return LEAF;
        }
        enterObject();
        return AT_CHILD;
    }

    /**
     * The value of the element just {@linkplain #open() opened}, as {@code shape} (an object) or, when
     * {@code shape} is null, as {@code property}'s scalar; leaves the reader on its end tag.
     */
    private Object value(XmlShape<?> shape, XmlShape.Property property, int kind)
            throws XMLStreamException, UnmappableException, TooDeepException {
        String text = lookahead;
        if (kind == LEAF) {
            return shape == null ? scalar(property, text) : fromText(shape, text);
        }
        boolean atChild = kind == AT_CHILD;
        return shape == null ? scalarOfObject(property, atChild ? text : null, atChild)
                : object(shape, atChild ? text : null, atChild);
    }

    /**
     * Reads an object element's attributes and content into {@code shape}'s record.
     *
     * @param leadingText text already read before the first child, when {@code atChild}
     * @param atChild whether the reader already stands on the first child's start tag
     */
    private Object object(XmlShape<?> shape, String leadingText, boolean atChild)
            throws XMLStreamException, UnmappableException, TooDeepException {
        Object[] slots = new Object[shape.size()];
        XmlShape.Property text = shape.text();
        long seen = 0;
        if (!atChild) {
            for (int i = 0, n = in.getAttributeCount(); i < n; i++) {
                XmlShape.Property property = shape.property(in.getAttributeLocalName(i));
                if (property != null) {
                    push(property.name());
                    seen = seen(shape, seen, property);
                    set(slots, property, attributeValue(property, in.getAttributeValue(i)), false);
                    pop();
                }
            }
        } else if (text != null && !isBlank(leadingText)) {
            slots[text.slot()] = leadingText;
        }
        XmlShape.Property previous = null;
        boolean inRun = false;
        int event = atChild ? XMLStreamConstants.START_ELEMENT : in.next();
        while (event != XMLStreamConstants.END_ELEMENT) {
            if (event == XMLStreamConstants.START_ELEMENT) {
                XmlShape.Property property = shape.property(in.getLocalName());
                // A list's run ends only once the next element is known; until then a fault belongs to it.
                int kind = open();
                if (inRun) {
                    pop();
                    inRun = false;
                }
                if (property == null || property.place() == XmlShape.Place.TEXT) {
                    skip(kind);
                    previous = null;
                } else {
                    push(property.name());
                    boolean continuesRun = property.repeated() && property == previous;
                    if (!continuesRun) {
                        seen = seen(shape, seen, property);
                    }
                    Object value = value(property.type() == XmlShape.Type.OBJECT ? property.shape() : null,
                            property, kind);
                    set(slots, property, value, continuesRun);
                    inRun = property.repeated();
                    if (!inRun) {
                        pop();
                    }
                    previous = property;
                }
            } else if (isText(event)) {
                if (text != null) {
                    String segment = in.getText();
                    if (!isBlank(segment)) {
                        slots[text.slot()] = segment;
                    }
                } else {
                    in.getTextLength(); // parses the text, so that a fault in it is found here
                }
            }
            event = in.next();
        }
        if (inRun) {
            pop();
        }
        depth--;
        return shape.create(slots);
    }

    /**
     * Marks {@code property} seen. A record is built once each of its properties has been seen, as
     * the mapping before this reader built it, so one seen again after that is refused.
     */
    private long seen(XmlShape<?> shape, long seen, XmlShape.Property property) throws UnmappableException {
        if (!shape.isRecord()) {
            return seen;
        }
        long all = (1L << shape.size()) - 1;
        if (seen == all) {
            throw unmappable(property.repeated()
                    ? "Should never call `set()` on setterless property ('" + property.name() + "')"
                    : "No fallback setter/field defined for creator property '" + property.name() + "' (of `"
                            + shape.typeName() + "`)");
        }
        return seen | 1L << property.slot();
    }

    /** The text of an object element that stands where a scalar is expected: its own text, else empty. */
    private Object scalarOfObject(XmlShape.Property property, String leadingText, boolean atChild)
            throws XMLStreamException, UnmappableException, TooDeepException {
        String text = atChild && !isBlank(leadingText) ? leadingText : "";
        int event = atChild ? XMLStreamConstants.START_ELEMENT : in.next();
        while (event != XMLStreamConstants.END_ELEMENT) {
            if (event == XMLStreamConstants.START_ELEMENT) {
                skip(open());
            } else if (isText(event)) {
                String segment = in.getText();
                if (!isBlank(segment)) {
                    text = segment;
                }
            }
            event = in.next();
        }
        depth--;
        return scalar(property, text);
    }

    /** An element with neither attributes nor children: blank text is an object with nothing set. */
    private Object fromText(XmlShape<?> shape, String text) throws UnmappableException {
        Object[] slots = new Object[shape.size()];
        if (!isBlank(text)) {
            if (shape.text() == null) {
                throw unmappable("Cannot construct instance of `" + shape.typeName() + "` (although at least one "
                        + "Creator exists): no String-argument constructor/factory method to deserialize from "
                        + "String value ('" + text + "')");
            }
            slots[shape.text().slot()] = text;
        }
        return shape.create(slots);
    }

    private Object attributeValue(XmlShape.Property property, String value) throws UnmappableException {
        return property.type() == XmlShape.Type.OBJECT ? fromText(property.shape(), value) : scalar(property, value);
    }

    private Object scalar(XmlShape.Property property, String text) throws UnmappableException {
        switch (property.type()) {
            case STRING:
                return text;
            case CODE:
                try {
                    return property.code().apply(text);
                } catch (IllegalArgumentException e) {
                    throw unmappable(e.getMessage());
                }
            case DECIMAL:
                return decimal(text);
            case BOOLEAN:
                return flag(text);
            case INTEGER:
                return integer(text);
            default:
                throw new IllegalStateException("not a scalar: " + property.name());
        }
    }

    private BigDecimal decimal(String text) throws UnmappableException {
        String value = text.trim();
        if (value.isEmpty() || value.equals("null")) {
            return null;
        }
        try {
            return NumberInput.parseBigDecimal(value, false);
        } catch (NumberFormatException e) {
            throw notValid("BigDecimal", value);
        }
    }

    private Boolean flag(String text) throws UnmappableException {
        String value = text.trim();
        switch (value) {
            case "true", "True", "TRUE":
                return Boolean.TRUE;
            case "false", "False", "FALSE":
                return Boolean.FALSE;
            case "", "null":
                return null;
            default:
                throw notValid("Boolean", value);
        }
    }

    private Integer integer(String text) throws UnmappableException {
        String value = text.trim();
        if (value.isEmpty() || value.equals("null")) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw notValid("Integer", value);
        }
    }

    private UnmappableException notValid(String type, String value) {
        // name the type and the size, never the value itself
        return unmappable("not a valid " + type + " (" + value.length() + " chars)");
    }

    /** Stores a value: a single property keeps the last, a list the run it continues or a new one. */
    @SuppressWarnings("unchecked")
    private static void set(Object[] slots, XmlShape.Property property, Object value, boolean continuesRun) {
        if (!property.repeated()) {
            slots[property.slot()] = value;
            return;
        }
        List<Object> run = continuesRun ? (List<Object>) slots[property.slot()] : null;
        if (run == null) {
            run = new ArrayList<>(4);
            slots[property.slot()] = run;
        }
        run.add(value);
    }

    /** Reads the text before the next tag, leaving the reader on that tag. */
    private String text() throws XMLStreamException {
        String text = null;
        StringBuilder more = null;
        int event = in.next();
        while (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
            if (isText(event)) {
                String segment = in.getText();
                if (text == null) {
                    text = segment;
                } else {
                    if (more == null) {
                        more = new StringBuilder(text);
                    }
                    more.append(segment);
                }
            }
            event = in.next();
        }
        return more != null ? more.toString() : text == null ? "" : text;
    }

    /** Skips the element just {@linkplain #open() opened}, children included, counting their nesting. */
    private void skip(int kind) throws XMLStreamException, TooDeepException {
        if (kind == LEAF) {
            return;
        }
        int event = kind == AT_CHILD ? XMLStreamConstants.START_ELEMENT : in.next();
        while (event != XMLStreamConstants.END_ELEMENT) {
            if (event == XMLStreamConstants.START_ELEMENT) {
                skip(open());
            } else if (isText(event)) {
                in.getTextLength(); // parses the text, so that a fault in it is found here
            }
            event = in.next();
        }
        depth--;
    }

    private void enterObject() throws TooDeepException {
        if (++depth > MAX_DEPTH) {
            throw new TooDeepException(depth);
        }
    }

    private void push(String name) {
        path[pathLength++] = name;
    }

    private void pop() {
        pathLength--;
    }

    private UnmappableException unmappable(String reason) {
        return new UnmappableException(String.join("/", Arrays.asList(path).subList(0, pathLength)), reason);
    }

    private static boolean isText(int event) {
        return event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                || event == XMLStreamConstants.SPACE;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
