package io.tillgate.nexo.codec;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import com.fasterxml.aalto.stax.OutputFactoryImpl;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.stream.XMLInputFactory;

/**
 * nexo documents as bytes and back: {@link SaleToPOIRequest} and {@link SaleToPOIResponse}
 * mapped by Jackson XML, elements emitted in XSD order (docs/protocols/nexo.md §3), parsing tolerant of element
 * order and unknown content. Thread-safe; the mapper, readers and writers are built once.
 *
 * <p>Hardened against hostile input: documents above {@link #maxBytes()} are refused before
 * parsing, a DOCTYPE is refused outright, the StAX parser (Aalto) never expands an entity
 * reference (it refuses one), and element nesting is bounded by Jackson's read constraints.
 */
final class JacksonNexoCodec {

    /** Default maximum document size: real messages are a few KiB, receipts included. */
    public static final int DEFAULT_MAX_BYTES = 64 * 1024;

    private static final XmlMapper MAPPER = newMapper();
    private static final ObjectReader REQUEST_READER = MAPPER.readerFor(RequestDocument.class);
    private static final ObjectReader RESPONSE_READER = MAPPER.readerFor(ResponseDocument.class);
    private static final ObjectReader HEADER_READER = MAPPER.readerFor(HeaderDocument.class);
    private static final ObjectWriter REQUEST_WRITER = MAPPER.writerFor(RequestDocument.class);
    private static final ObjectWriter RESPONSE_WRITER = MAPPER.writerFor(ResponseDocument.class)
            .with(ToXmlGenerator.Feature.WRITE_XML_DECLARATION);

    private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);
    /** An XML declaration is short; its encoding is within the first bytes or not there. */
    private static final int DECLARATION_SCAN = 128;
    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final Set<String> ARRAY_ENCODINGS = Set.of("UTF-8", "US-ASCII", "ISO-8859-1");
    private static final Set<String> UTF8_NAMES = Set.of("UTF-8", "UTF8");
    /** Element nesting allowed: a nexo document is under ten deep; anything far deeper is hostile. */
    private static final int MAX_DEPTH = 32;

    private final int maxBytes;

    JacksonNexoCodec(int maxBytes) {
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("maxBytes must be at least 1024, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    JacksonNexoCodec() {
        this(NexoCodec.DEFAULT_MAX_BYTES);
    }

    public int maxBytes() {
        return maxBytes;
    }

    /** The request document, without an XML declaration (as Swedbank's POS examples send it). */
    public byte[] encode(SaleToPOIRequest request) {
        return write(REQUEST_WRITER, RequestDocument.of(request));
    }

    /** The response document, with an XML declaration (as terminals send it). */
    public byte[] encode(SaleToPOIResponse response) {
        return write(RESPONSE_WRITER, ResponseDocument.of(response));
    }

    /**
     * Reads and checks a request.
     *
     * @throws NexoDecodingException naming what is wrong; with the header when it could be read
     */
    public SaleToPOIRequest decodeRequest(byte[] xml) {
        RequestDocument document = read(REQUEST_READER, xml);
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
        ResponseDocument document = read(RESPONSE_READER, xml);
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

    private <T> T read(ObjectReader reader, byte[] xml) {
        if (xml.length > maxBytes) {
            throw NexoDecodingException.tooLarge(xml.length, maxBytes);
        }
        Charset utf16 = utf16(xml);
        if (declaresDoctype(utf16 == null ? xml : new String(xml, utf16).getBytes(StandardCharsets.UTF_8))) {
            throw NexoDecodingException.notWellFormed("DOCTYPE declarations are not allowed", null);
        }
        if (utf16 == null && readsAsUtf8(xml)) {
            requireWellFormedUtf8(xml);
        }
        try {
            return parse(reader, xml, fromStream(xml));
        } catch (DatabindException e) {
            throw unmappable(e, xml);
        } catch (JsonProcessingException e) {
            throw NexoDecodingException.notWellFormed(e.getOriginalMessage(), null);
        } catch (IOException e) {
            throw NexoDecodingException.notWellFormed(e.getClass().getSimpleName(), null);
        }
    }

    /**
     * Aalto reads UTF-16, and any encoding a declaration names other than UTF-8, US-ASCII and
     * ISO-8859-1, from a stream only (from an array it fails inside), so such a document goes that
     * way; UTF-8 and its ASCII subset, which is every real nexo document, keep the faster array path.
     */
    private static <T> T parse(ObjectReader reader, byte[] xml, boolean fromStream) throws IOException {
        return fromStream ? reader.readValue(new ByteArrayInputStream(xml)) : reader.readValue(xml);
    }

    private static boolean fromStream(byte[] xml) {
        return utf16(xml) != null || declaresOtherEncoding(xml);
    }

    /**
     * Whether an XML declaration names an encoding other than the three Aalto reads from an array
     * (UTF-8, US-ASCII, ISO-8859-1): from an array it fails inside on any other (a
     * NullPointerException), from a stream it reads it or refuses it as not well-formed.
     */
    private static boolean declaresOtherEncoding(byte[] xml) {
        String declared = declaredEncoding(xml);
        return declared != null && !ARRAY_ENCODINGS.contains(declared);
    }

    /** Whether the document is read as UTF-8: it declares no encoding, or one of UTF-8's names. */
    private static boolean readsAsUtf8(byte[] xml) {
        String declared = declaredEncoding(xml);
        return declared == null || UTF8_NAMES.contains(declared);
    }

    /** The encoding the document's XML declaration names, in upper case; {@code null} when none does. */
    private static String declaredEncoding(byte[] xml) {
        int end = Math.min(xml.length, DECLARATION_SCAN);
        String prolog = new String(xml, 0, end, StandardCharsets.ISO_8859_1);
        if (!prolog.startsWith("<?xml")) {
            return null;
        }
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
        for (byte b : xml) {
            if (b < 0) {
                try {
                    StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(xml));
                } catch (CharacterCodingException e) {
                    throw NexoDecodingException.notWellFormed("not well-formed UTF-8", null);
                }
                return;
            }
        }
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
    private static NexoDecodingException unmappable(DatabindException e, byte[] xml) {
        String path = e instanceof JsonMappingException mapping ? mapping.getPath().stream()
                .map(JsonMappingException.Reference::getFieldName)
                .filter(name -> name != null)
                .collect(Collectors.joining("/")) : "";
        String reason;
        if (e instanceof InvalidFormatException format) {
            // Jackson would quote the whole value; name its type and size instead.
            reason = "not a valid " + format.getTargetType().getSimpleName() + " ("
                    + String.valueOf(format.getValue()).length() + " chars)";
        } else if (e.getCause() instanceof IllegalArgumentException ours) {
            reason = ours.getMessage(); // our enums' fromCode, which clips the value
        } else {
            reason = e.getOriginalMessage();
        }
        NexoDecodingException failure = NexoDecodingException.invalid(path, NexoText.clipLine(reason));
        try {
            HeaderDocument header = parse(HEADER_READER, xml, fromStream(xml));
            // Only a header that passes its own checks is answerable: an answer echoes it.
            return header.header() == null ? failure
                    : failure.withHeader(NexoValidation.header(header.header(), "MessageHeader/MessageHeader"));
        } catch (IOException | NexoDecodingException headerUnusable) {
            return failure;
        }
    }

    private static byte[] write(ObjectWriter writer, Object document) {
        try {
            return writer.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            // Our own records always map; this is a programming error, not bad input.
            throw new UncheckedIOException("cannot encode " + document.getClass().getSimpleName(), e);
        }
    }

    private static XmlMapper newMapper() {
        // Aalto rather than Woodstox: it reads a PaymentResponse in about half the time. It has no
        // DTD processing to switch off — it refuses an entity reference rather than expand it — and
        // the flags below say so for any reader of this code.
        XMLInputFactory input = new InputFactoryImpl();
        input.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        input.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XmlFactory factory = XmlFactory.builder()
                .xmlInputFactory(input)
                .xmlOutputFactory(new OutputFactoryImpl())
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .build();
        return XmlMapper.builder(factory)
                .defaultUseWrapper(false)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                        JsonInclude.Include.NON_NULL))
                .build();
    }
}
