package io.tillgate.nexo.codec;

import java.math.BigDecimal;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes records to the StAX writer by their {@link XmlShape}s: attributes in the records' order,
 * then child elements in XSD order (docs/protocols/nexo.md §3), then the element's own text. A
 * property that is null, or an empty list, is left out; amounts are plain decimals, never exponents.
 */
final class NexoXmlWriter {

    private NexoXmlWriter() {
    }

    /** {@code value} as the element {@code name}, with its attributes, children and text. */
    static <T> void element(XMLStreamWriter out, String name, XmlShape<T> shape, T value) throws XMLStreamException {
        out.writeStartElement(name);
        for (XmlShape.Property property : shape.attributes()) {
            Object attribute = property.accessor().apply(value);
            if (attribute != null) {
                out.writeAttribute(property.name(), text(property, attribute));
            }
        }
        for (XmlShape.Property property : shape.elements()) {
            Object child = property.accessor().apply(value);
            if (child == null) {
                continue;
            }
            if (property.repeated()) {
                for (Object item : (List<?>) child) {
                    child(out, property, item);
                }
            } else {
                child(out, property, child);
            }
        }
        XmlShape.Property text = shape.text();
        if (text != null) {
            Object content = text.accessor().apply(value);
            if (content != null) {
                out.writeCharacters((String) content);
            }
        }
        out.writeEndElement();
    }

    @SuppressWarnings("unchecked")
    private static void child(XMLStreamWriter out, XmlShape.Property property, Object value)
            throws XMLStreamException {
        if (property.type() == XmlShape.Type.OBJECT) {
            element(out, property.name(), (XmlShape<Object>) property.shape(), value);
        } else {
            out.writeStartElement(property.name());
            out.writeCharacters(text(property, value));
            out.writeEndElement();
        }
    }

    private static String text(XmlShape.Property property, Object value) {
        if (value instanceof String string) {
            return string;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (property.type() == XmlShape.Type.CODE) {
            return property.codeOf().apply(value);
        }
        return value.toString();
    }
}
