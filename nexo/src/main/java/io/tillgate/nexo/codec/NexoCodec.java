package io.tillgate.nexo.codec;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import com.fasterxml.aalto.stax.OutputFactoryImpl;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.codehaus.stax2.io.Stax2ByteArraySource;

/**
 * nexo documents as bytes and back: {@link SaleToPOIRequest} and {@link SaleToPOIResponse}
 * mapped straight from and to Aalto's StAX reader and writer by the {@link NexoShapes} tables,
 * elements emitted in XSD order (docs/protocols/nexo.md §3), parsing tolerant of element order and
 * unknown content. Thread-safe; the StAX factories are built once.
 *
 * <p>Hardened against hostile input: documents above {@link #maxBytes()} are refused before
 * parsing, a DOCTYPE is refused outright, the StAX parser (Aalto) never expands an entity
 * reference (it refuses one), and element nesting is bounded ({@link NexoXmlReader#MAX_DEPTH}).
 */
public final class NexoCodec {

    /** Default maximum document size: real messages are a few KiB, receipts included. */
    public static final int DEFAULT_MAX_BYTES = 64 * 1024;

    private static final XMLInputFactory XML_IN = newInput();
    private static final XMLOutputFactory XML_OUT = new OutputFactoryImpl();
    /**
     * Each thread writes into its own buffer and copies out the document: growing a fresh buffer to
     * the size of a receipt-carrying answer cost a quarter of the encoding (JFR).
     */
    private static final int OUTPUT_KEPT = 16 * 1024;
    private static final ThreadLocal<ByteArrayOutputStream> OUTPUT =
            ThreadLocal.withInitial(() -> new ByteArrayOutputStream(8 * 1024));

    private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final byte[] XML_DECLARATION = "<?xml".getBytes(StandardCharsets.US_ASCII);
    /** An XML declaration is short; its encoding is within the first bytes or not there. */
    private static final int DECLARATION_SCAN = 128;
    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final Set<String> ARRAY_ENCODINGS = Set.of("UTF-8", "US-ASCII", "ISO-8859-1");
    private static final Set<String> UTF8_NAMES = Set.of("UTF-8", "UTF8");

    private final int maxBytes;

    public NexoCodec(int maxBytes) {
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("maxBytes must be at least 1024, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    public NexoCodec() {
        this(DEFAULT_MAX_BYTES);
    }

    public int maxBytes() {
        return maxBytes;
    }

    /** The request document, without an XML declaration (as Swedbank's POS examples send it). */
    public byte[] encode(SaleToPOIRequest request) {
        return write(NexoShapes.REQUEST_DOCUMENT, "SaleToPOIRequest", RequestDocument.of(request), false);
    }

    /** The response document, with an XML declaration (as terminals send it). */
    public byte[] encode(SaleToPOIResponse response) {
        return write(NexoShapes.RESPONSE_DOCUMENT, "SaleToPOIResponse", ResponseDocument.of(response), true);
    }

    /**
     * Reads and checks a request.
     *
     * @throws NexoDecodingException naming what is wrong; with the header when it could be read
     */
    public SaleToPOIRequest decodeRequest(byte[] xml) {
        RequestDocument document = read(NexoShapes.REQUEST_DOCUMENT, xml);
        MessageHeader header = NexoValidation.header(document.header(), "SaleToPOIRequest/MessageHeader");
        try {
            NexoRequestBody body = document.body();
            NexoValidation.matches(header, body.category(), "SaleToPOIRequest");
            SaleToPOIRequest request = new SaleToPOIRequest(header, body);
            NexoValidation.request(request);
            return request;
        } catch (NexoDecodingException e) {
            throw e.withHeader(header);
        }
    }

    /**
     * Reads and checks a response.
     *
     * @throws NexoDecodingException naming what is wrong; with the header when it could be read
     */
    public SaleToPOIResponse decodeResponse(byte[] xml) {
        ResponseDocument document = read(NexoShapes.RESPONSE_DOCUMENT, xml);
        MessageHeader header = NexoValidation.header(document.header(), "SaleToPOIResponse/MessageHeader");
        try {
            NexoResponseBody body = document.body();
            NexoValidation.matches(header, body.category(), "SaleToPOIResponse");
            SaleToPOIResponse response = new SaleToPOIResponse(header, body);
            NexoValidation.response(response);
            return response;
        } catch (NexoDecodingException e) {
            throw e.withHeader(header);
        }
    }

    private <T> T read(XmlShape<T> shape, byte[] xml) {
        if (xml.length > maxBytes) {
            throw NexoDecodingException.tooLarge(xml.length, maxBytes);
        }
        Charset utf16 = utf16(xml);
        if (declaresDoctype(utf16 == null ? xml : new String(xml, utf16).getBytes(StandardCharsets.UTF_8))) {
            throw NexoDecodingException.notWellFormed("DOCTYPE declarations are not allowed", null);
        }
        String declared = declaredEncoding(xml);
        if (utf16 == null && (declared == null || UTF8_NAMES.contains(declared))) {
            requireWellFormedUtf8(xml);
        }
        try {
            return parse(shape, xml, fromStream(utf16, declared));
        } catch (NexoXmlReader.UnmappableException e) {
            throw unmappable(e, xml);
        } catch (NexoXmlReader.TooDeepException e) {
            throw NexoDecodingException.notWellFormed(e.getMessage(), null);
        } catch (XMLStreamException e) {
            throw NexoDecodingException.notWellFormed(NexoXmlReader.parserMessage(e), null);
        }
    }

    /**
     * Aalto reads UTF-16, and any encoding a declaration names other than UTF-8, US-ASCII and
     * ISO-8859-1, from a stream only (from an array it fails inside), so such a document goes that
     * way; UTF-8 and its ASCII subset, which is every real nexo document, keep the faster array path.
     */
    private static <T> T parse(XmlShape<T> shape, byte[] xml, boolean fromStream)
            throws XMLStreamException, NexoXmlReader.UnmappableException, NexoXmlReader.TooDeepException {
        XMLStreamReader in = fromStream ? XML_IN.createXMLStreamReader(new ByteArrayInputStream(xml))
                : XML_IN.createXMLStreamReader(new Stax2ByteArraySource(xml, 0, xml.length));
        try {
            return NexoXmlReader.read(in, shape);
        } finally {
            in.close();
        }
    }

    /**
     * Whether the document goes to the parser as a stream: UTF-16, or a declared encoding other than
     * the three Aalto reads from an array (UTF-8, US-ASCII, ISO-8859-1) — from an array it fails
     * inside on any other (a NullPointerException), from a stream it reads it or refuses it as not
     * well-formed.
     */
    private static boolean fromStream(Charset utf16, String declared) {
        return utf16 != null || declared != null && !ARRAY_ENCODINGS.contains(declared);
    }

    /** The encoding the document's XML declaration names, in upper case; {@code null} when none does. */
    private static String declaredEncoding(byte[] xml) {
        if (!startsWith(xml, 0, XML_DECLARATION)) {
            return null;
        }
        String prolog = new String(xml, 0, Math.min(xml.length, DECLARATION_SCAN), StandardCharsets.ISO_8859_1);
        Matcher encoding = DECLARED_ENCODING.matcher(prolog);
        return encoding.lookingAt() ? encoding.group(1).toUpperCase(Locale.ROOT) : null;
    }

    /**
     * Aalto decodes an overlong UTF-8 sequence ({@code C0 9A} for U+001A, say) as the character it
     * spells, which lets a character XML forbids into the document's text, and writing the document
     * back then fails. The JDK's decoder refuses such bytes; it runs only when there is a byte above
     * 0x7F, which a nexo document rarely has.
     */
    private static void requireWellFormedUtf8(byte[] xml) {
        if (!isAscii(xml)) {
            try {
                StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(xml));
            } catch (CharacterCodingException e) {
                throw NexoDecodingException.notWellFormed("not well-formed UTF-8", null);
            }
        }
    }

    /** Whether no byte is above 0x7F, eight at a time: a whole-document scan on every decode. */
    private static boolean isAscii(byte[] xml) {
        int i = 0;
        long high = 0;
        for (int end = xml.length - Long.BYTES; i <= end; i += Long.BYTES) {
            high |= (long) LONGS.get(xml, i);
        }
        for (; i < xml.length; i++) {
            high |= xml[i];
        }
        return (high & 0x8080_8080_8080_8080L) == 0;
    }

    /**
     * The UTF-16 flavour of a document that starts like one — a byte order mark, or a zero byte in
     * the first two, which a document's first character {@code <} has in UTF-16 only — else null.
     */
    private static Charset utf16(byte[] xml) {
        if (xml.length < 2) {
            return null;
        }
        int first = xml[0] & 0xFF;
        int second = xml[1] & 0xFF;
        if (first == 0xFE && second == 0xFF || first == 0xFF && second == 0xFE) {
            return StandardCharsets.UTF_16;
        }
        return first == 0 ? StandardCharsets.UTF_16BE : second == 0 ? StandardCharsets.UTF_16LE : null;
    }

    /**
     * nexo documents never carry a DTD; refusing one outright is simpler to trust than any entity
     * setting. A DOCTYPE can only stand in the prolog, so the scan stops at the root element. It
     * reads UTF-8 (UTF-16 documents are transcoded first); the parser itself never expands an
     * entity either, whatever the encoding.
     */
    private static boolean declaresDoctype(byte[] xml) {
        for (int i = 0; i + 1 < xml.length; i++) {
            if (xml[i] != '<') {
                continue;
            }
            if (xml[i + 1] == '!') {
                if (startsWith(xml, i, DOCTYPE)) {
                    return true;
                }
            } else if (xml[i + 1] != '?') {
                return false;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] xml, int at, byte[] prefix) {
        if (at + prefix.length > xml.length) {
            return false;
        }
        for (int j = 0; j < prefix.length; j++) {
            if (xml[at + j] != prefix[j]) {
                return false;
            }
        }
        return true;
    }

    /** Well-formed, but a value would not map: name the path, and keep the header if it reads alone. */
    private static NexoDecodingException unmappable(NexoXmlReader.UnmappableException e, byte[] xml) {
        NexoDecodingException failure = NexoDecodingException.invalid(e.path(), NexoText.clipLine(e.getMessage()));
        try {
            HeaderDocument header = parse(NexoShapes.HEADER_DOCUMENT, xml,
                    fromStream(utf16(xml), declaredEncoding(xml)));
            // Only a header that passes its own checks is answerable: an answer echoes it.
            return header.header() == null ? failure
                    : failure.withHeader(NexoValidation.header(header.header(), "MessageHeader/MessageHeader"));
        } catch (XMLStreamException | NexoXmlReader.UnmappableException | NexoXmlReader.TooDeepException
                | NexoDecodingException headerUnusable) {
            return failure;
        }
    }

    private static <T> byte[] write(XmlShape<T> shape, String root, T document, boolean declaration) {
        ByteArrayOutputStream bytes = OUTPUT.get();
        bytes.reset();
        try {
            XMLStreamWriter out = XML_OUT.createXMLStreamWriter(bytes, "UTF-8");
            if (declaration) {
                out.writeStartDocument("UTF-8", "1.0");
            }
            NexoXmlWriter.element(out, root, shape, document);
            out.writeEndDocument();
            out.close();
        } catch (XMLStreamException e) {
            // Our own records always map; only text XML cannot hold (a control character) fails here.
            throw new UncheckedIOException("cannot encode " + root, new IOException(e.getMessage(), e));
        }
        byte[] encoded = bytes.toByteArray();
        if (encoded.length > OUTPUT_KEPT) {
            OUTPUT.remove(); // a rare large document's buffer is not kept
        }
        return encoded;
    }

    private static XMLInputFactory newInput() {
        // Aalto: it reads a PaymentResponse in about half the time Woodstox needs. It has no DTD
        // processing to switch off — it refuses an entity reference rather than expand it — and the
        // flags below say so for any reader of this code. Coalescing hands over each text whole.
        XMLInputFactory input = new InputFactoryImpl();
        input.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        input.setProperty(XMLInputFactory.IS_COALESCING, true);
        return input;
    }
}
