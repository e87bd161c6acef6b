package io.tillgate.p3.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tillgate.core.text.PeerText;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * JSON ⇄ {@link P3Message}. Thread-safe and stateless; use the shared {@link #INSTANCE} (Jackson
 * mapper and reader are built once — building them is the expensive part).
 *
 * <p>Messages are read by {@link P3JsonReader}, which maps Jackson's token stream straight into the
 * records, and written by {@link P3JsonWriter} with Jackson's generator: data binding cost a third
 * of the codec's time. A frame the streaming mapping declines (a value not of its own JSON type, a
 * key given twice, anything malformed) is read again through data binding, which is the one
 * authority on what is accepted and on every error message; well-formed peers never take that path.
 *
 * <p><b>Reading is lenient</b> (docs/protocols/p3.md §11): any key order, unknown fields ignored at every level,
 * {@code status} in any case and inferred (ERROR if an {@code error} object is present, else OK) when
 * a server omits it, root resource as absent/{@code null}/{@code ""}/{@code "/"}, amounts and
 * booleans also as strings ({@code "5.00"}, {@code "true"}), numbers always as {@code BigDecimal}
 * with their scale, never {@code double}. The empty bodies of ABORT_TRANSACTION_RESPONSE and
 * SUBMIT_SIGNATURE_RESPONSE are supplied when an OK response omits them.
 *
 * <p><b>Writing is strict</b>: keys in the order {@code type, tag, resource, status, error, <body>},
 * {@code resource} always written ({@code "/"} for root), status upper case, null fields omitted,
 * {@code BigDecimal} written plain with its own scale ({@code 5.00} stays {@code 5.00}).
 *
 * <p><b>Failures</b> throw {@link P3DecodingException} (PARAMETER_MISSING / PARAMETER_INVALID, the
 * JSON path, and the type, tag and resource when readable). Semantic checks (is {@code amount}
 * there for an EXECUTE?) are the server's, see {@link P3Validation}.
 */
public final class P3Codec {

    /** The shared codec. */
    public static final P3Codec INSTANCE = new P3Codec();

    private final JsonFactory factory;
    private final ObjectReader envelopeReader;

    private P3Codec() {
        JsonMapper mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        this.factory = mapper.getFactory();
        this.envelopeReader = mapper.readerFor(P3Envelope.class);
    }

    /** The shared codec; same as {@link #INSTANCE}. */
    public static P3Codec standard() {
        return INSTANCE;
    }

    /** Decodes one message from UTF-8 JSON. */
    public P3Message decode(byte[] utf8) {
        Objects.requireNonNull(utf8, "utf8");
        return decode(utf8, 0, utf8.length);
    }

    /** Decodes one message from {@code length} bytes of UTF-8 JSON starting at {@code offset}. */
    public P3Message decode(byte[] utf8, int offset, int length) {
        Objects.requireNonNull(utf8, "utf8");
        Objects.checkFromIndexSize(offset, length, utf8.length);
        P3Envelope envelope = stream(utf8, offset, length);
        return toMessage(envelope != null ? envelope : bind(utf8, offset, length));
    }

    /** The envelope mapped from the token stream, or {@code null} when the mapping declines the frame. */
    private P3Envelope stream(byte[] utf8, int offset, int length) {
        try (JsonParser parser = factory.createParser(utf8, offset, length)) {
            return P3JsonReader.read(parser);
        } catch (P3JsonReader.Declined | IOException e) {
            return null;
        }
    }

    private P3Envelope bind(byte[] utf8, int offset, int length) {
        try {
            return envelopeReader.readValue(utf8, offset, length);
        } catch (IOException e) {
            throw P3DecodeErrors.translate(e, P3DecodeErrors.salvage(factory, utf8, offset, length));
        }
    }

    /**
     * Decodes one message from a JSON string, as its UTF-8 bytes: Jackson's parser of characters
     * reads the hex digits of a Unicode escape by their low 8 bits (U+0263 as {@code c}), and so
     * accepts text its parser of bytes refuses.
     */
    public P3Message decode(String json) {
        Objects.requireNonNull(json, "json");
        return decode(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Encodes a message as UTF-8 JSON in the strict form.
     *
     * @throws IllegalArgumentException if Jackson cannot write the content (not expected for valid records)
     */
    public byte[] encode(P3Message message) {
        Objects.requireNonNull(message, "message");
        BufferRecycler recycler = factory._getBufferRecycler();
        try (ByteArrayBuilder out = new ByteArrayBuilder(recycler)) {
            write(message, out);
            byte[] json = out.toByteArray();
            out.release();
            return json;
        } catch (IOException e) {
            throw encodingFailure(message, e);
        } finally {
            recycler.releaseToPool();
        }
    }

    /**
     * Encodes a message as UTF-8 JSON in the strict form onto {@code out}, which stays open: a
     * transport hands it a stream over its own (pooled) buffer, so no array holds the JSON between
     * the generator and the socket.
     *
     * @throws IllegalArgumentException if Jackson cannot write the content (not expected for valid records)
     * @throws IOException if {@code out} fails
     */
    public void encode(P3Message message, OutputStream out) throws IOException {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(out, "out");
        try {
            write(message, out);
        } catch (JsonGenerationException e) {
            throw encodingFailure(message, e);
        }
    }

    private void write(P3Message message, OutputStream out) throws IOException {
        try (JsonGenerator generator = factory.createGenerator(out)) {
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            P3JsonWriter.write(message, generator);
        }
    }

    /** Encodes a message as a JSON string in the strict form. */
    public String encodeToString(P3Message message) {
        return new String(encode(message), StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException encodingFailure(P3Message message, IOException e) {
        return new IllegalArgumentException("cannot encode " + message.type() + " (tag "
                + PeerText.clip(message.tag()) + "): " + e.getMessage(), e);
    }

    private static P3Message toMessage(P3Envelope envelope) {
        if (envelope == null) {
            throw new P3DecodingException(P3ErrorType.PARAMETER_INVALID, "", "message is not a JSON object");
        }
        String tag = envelope.tag;
        String resource = P3Message.normaliseResource(envelope.resource);
        if (envelope.type == null) {
            throw new P3DecodingException(P3ErrorType.PARAMETER_MISSING, "type", "is missing",
                    null, tag, resource);
        }
        P3MessageType type = P3MessageType.lookup(envelope.type).orElseThrow(() -> new P3DecodingException(
                P3ErrorType.PARAMETER_INVALID, "type",
                "unknown message type '" + PeerText.clip(envelope.type) + "'", null, tag, resource));
        P3Body body = envelope.body(type);
        if (type.isRequest()) {
            if (tag == null) {
                throw missing("tag", type, null, resource);
            }
            if (body == null) {
                throw missing(type.bodyKey(), type, tag, resource);
            }
            return new P3Message(type, tag, resource, null, null, body);
        }
        P3Status status = readStatus(envelope, type, tag, resource);
        if (status == P3Status.ERROR && envelope.error == null) {
            throw missing("error", type, tag, resource);
        }
        if (status == P3Status.OK && envelope.error != null) {
            throw new P3DecodingException(P3ErrorType.PARAMETER_INVALID, "error",
                    "present although status is OK", type, tag, resource);
        }
        if (body == null && status == P3Status.OK) {
            body = emptyBody(type);
            if (body == null) {
                throw missing(type.bodyKey(), type, tag, resource);
            }
        }
        return new P3Message(type, tag, resource, status, envelope.error, body);
    }

    private static P3Status readStatus(P3Envelope envelope, P3MessageType type, String tag, String resource) {
        if (envelope.status == null) {
            return envelope.error != null ? P3Status.ERROR : P3Status.OK;
        }
        return P3Status.lookup(envelope.status).orElseThrow(() -> new P3DecodingException(
                P3ErrorType.PARAMETER_INVALID, "status",
                "expected OK or ERROR, got '" + PeerText.clip(envelope.status) + "'", type, tag, resource));
    }

    private static P3Body emptyBody(P3MessageType type) {
        return switch (type) {
            case ABORT_TRANSACTION_RESPONSE -> new AbortTransactionResponse();
            case SUBMIT_SIGNATURE_RESPONSE -> new SubmitSignatureResponse();
            default -> null;
        };
    }

    private static P3DecodingException missing(String field, P3MessageType type, String tag, String resource) {
        return new P3DecodingException(P3ErrorType.PARAMETER_MISSING, field, "is missing", type, tag, resource);
    }
}
