package io.tillgate.p3.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.tillgate.core.text.PeerText;
import java.io.IOException;
import java.util.Objects;

/**
 * The P3 codec as it was before it mapped from Jackson's streaming API: data binding both ways
 * ({@link P3Envelope} read by an {@code ObjectReader}, messages written by
 * {@link P3MessageSerializer} and Jackson's record serializers). Kept for
 * {@code P3CodecDifferentialTest} only.
 */
final class BindingP3Codec {

    static final BindingP3Codec INSTANCE = new BindingP3Codec();

    private final JsonFactory factory;
    private final ObjectReader envelopeReader;
    private final ObjectWriter messageWriter;

    private BindingP3Codec() {
        JsonMapper mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .defaultPropertyInclusion(JsonInclude.Value.construct(
                        JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS))
                .addModule(new SimpleModule("p3").addSerializer(P3Message.class, new P3MessageSerializer()))
                .build();
        this.factory = mapper.getFactory();
        this.envelopeReader = mapper.readerFor(P3Envelope.class);
        this.messageWriter = mapper.writerFor(P3Message.class);
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
        P3Envelope envelope;
        try {
            envelope = envelopeReader.readValue(utf8, offset, length);
        } catch (IOException e) {
            throw P3DecodeErrors.translate(e, P3DecodeErrors.salvage(factory, utf8, offset, length));
        }
        return toMessage(envelope);
    }

    /**
     * Encodes a message as UTF-8 JSON in the strict form.
     *
     * @throws IllegalArgumentException if Jackson cannot write the content (not expected for valid records)
     */
    public byte[] encode(P3Message message) {
        Objects.requireNonNull(message, "message");
        try {
            return messageWriter.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw encodingFailure(message, e);
        }
    }

    private static IllegalArgumentException encodingFailure(P3Message message, JsonProcessingException e) {
        return new IllegalArgumentException("cannot encode " + message.type() + " (tag "
                + PeerText.clip(message.tag()) + "): " + e.getOriginalMessage(), e);
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
