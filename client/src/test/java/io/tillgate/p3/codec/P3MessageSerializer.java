package io.tillgate.p3.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * (The serializer of {@link BindingP3Codec}, the codec before streaming.) Writes the envelope in the one order Tillgate emits (type, tag, resource, status, error, body)
 * with pre-encoded keys; the error and body records go through Jackson's cached serializers.
 */
final class P3MessageSerializer extends StdSerializer<P3Message> {

    private static final long serialVersionUID = 1L;

    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString TAG = new SerializedString("tag");
    private static final SerializedString RESOURCE = new SerializedString("resource");
    private static final SerializedString STATUS = new SerializedString("status");
    private static final SerializedString ERROR = new SerializedString("error");

    private static final SerializedString[] TYPE_CODES = new SerializedString[P3MessageType.values().length];
    private static final SerializedString[] BODY_KEYS = new SerializedString[P3MessageType.values().length];

    static {
        for (P3MessageType type : P3MessageType.values()) {
            TYPE_CODES[type.ordinal()] = new SerializedString(type.code());
            BODY_KEYS[type.ordinal()] = new SerializedString(type.bodyKey());
        }
    }

    P3MessageSerializer() {
        super(P3Message.class);
    }

    @Override
    public void serialize(P3Message message, JsonGenerator gen, SerializerProvider provider) throws IOException {
        int ordinal = message.type().ordinal();
        gen.writeStartObject(message);
        gen.writeFieldName(TYPE);
        gen.writeString(TYPE_CODES[ordinal]);
        if (message.tag() != null) {
            gen.writeFieldName(TAG);
            gen.writeString(message.tag());
        }
        gen.writeFieldName(RESOURCE);
        gen.writeString(message.resource());
        if (message.status() != null) {
            gen.writeFieldName(STATUS);
            gen.writeString(message.status().code());
        }
        if (message.error() != null) {
            gen.writeFieldName(ERROR);
            provider.defaultSerializeValue(message.error(), gen);
        }
        if (message.body() != null) {
            gen.writeFieldName(BODY_KEYS[ordinal]);
            provider.defaultSerializeValue(message.body(), gen);
        }
        gen.writeEndObject();
    }
}
