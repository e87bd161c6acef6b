package io.tillgate.p3.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.tillgate.core.text.PeerText;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The slow path of decoding, taken only for bad input: re-reads whatever header fields the frame
 * still yields and turns Jackson's exception into a {@link P3DecodingException} that names the
 * JSON path and the problem in our own words — Jackson's messages may quote input.
 */
final class P3DecodeErrors {

    /** Fields whose value must never appear in a message, whatever goes wrong. */
    private static final Set<String> SECRET_FIELDS = Set.of("merchantSecret", "signature");

    private static final Pattern TOKEN = Pattern.compile("JsonToken\\.([A-Z_]+)");
    private static final Pattern FROM_VALUE = Pattern.compile("from ([A-Za-z-]+) value");

    private P3DecodeErrors() {
    }

    /** The header fields that could be read from a frame that failed to decode. */
    record Header(JsonToken firstToken, P3MessageType type, String tag, String resource) {
        static final Header NONE = new Header(null, null, null, P3Message.ROOT);
    }

    /** Reads top-level {@code type}, {@code tag}, {@code resource} until the input stops making sense. */
    static Header salvage(JsonFactory factory, byte[] utf8, int offset, int length) {
        try (JsonParser parser = factory.createParser(utf8, offset, length)) {
            return salvage(parser);
        } catch (IOException | RuntimeException e) {
            return Header.NONE;
        }
    }

    private static Header salvage(JsonParser parser) {
        JsonToken first = null;
        String type = null;
        String tag = null;
        String resource = P3Message.ROOT;
        try {
            first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    boolean text = value == JsonToken.VALUE_STRING;
                    switch (name) {
                        case "type" -> type = text ? parser.getText() : null;
                        case "tag" -> tag = text ? parser.getText() : tag;
                        case "resource" -> resource = text || value == JsonToken.VALUE_NULL
                                ? P3Message.normaliseResource(text ? parser.getText() : null) : null;
                        default -> { }
                    }
                    parser.skipChildren();
                }
            }
        } catch (IOException | RuntimeException stop) {
            // keep what was read before the input broke
        }
        return new Header(first, P3MessageType.lookup(type).orElse(null), tag, resource);
    }

    static P3DecodingException translate(IOException e, Header header) {
        if (e instanceof StreamConstraintsException) {
            return invalid("", "message exceeds parser limits (nesting depth, number or string length)", header);
        }
        if (e instanceof DatabindException databind) {
            return translateDatabind(databind, header);
        }
        if (e instanceof StreamReadException read) {
            return invalid("", "message is not valid JSON" + where(read.getLocation()), header);
        }
        return invalid("", "message could not be read", header);
    }

    private static P3DecodingException translateDatabind(DatabindException e, Header header) {
        // databind wraps syntax errors met inside a body; they are still "not JSON"
        StreamConstraintsException limits = findCause(e.getCause(), StreamConstraintsException.class);
        if (limits != null) {
            return translate(limits, header);
        }
        StreamReadException syntax = findCause(e.getCause(), StreamReadException.class);
        if (syntax != null) {
            return translate(syntax, header);
        }
        String path = path(e instanceof JsonMappingException m ? m.getPath() : List.of());
        if (path.isEmpty()) {
            if (header.firstToken() == null) {
                return invalid("", "message is empty", header);
            }
            if (header.firstToken() != JsonToken.START_OBJECT) {
                return invalid("", "message is not a JSON object", header);
            }
            return invalid("", "unexpected content after the JSON object", header);
        }
        if (e instanceof ValueInstantiationException) {
            InvalidFieldException field = findCause(e, InvalidFieldException.class);
            if (field != null) {
                String full = path + "." + field.field();
                return field.isMissing()
                        ? new P3DecodingException(P3ErrorType.PARAMETER_MISSING, full, field.problem(),
                                header.type(), header.tag(), header.resource())
                        : invalid(full, field.problem(), header);
            }
            return invalid(path, "invalid value", header);
        }
        if (e instanceof InvalidFormatException format) {
            String problem = "expected " + describe(format.getTargetType());
            if (!isSecret(path) && format.getValue() != null) {
                problem += ", got '" + PeerText.clip(String.valueOf(format.getValue())) + "'";
            }
            return invalid(path, problem, header);
        }
        if (e instanceof MismatchedInputException mismatch) {
            String problem = "expected " + describe(mismatch.getTargetType());
            String got = gotToken(mismatch.getOriginalMessage());
            return invalid(path, got == null ? problem : problem + ", got " + got, header);
        }
        return invalid(path, "invalid value", header);
    }

    private static P3DecodingException invalid(String field, String problem, Header header) {
        return new P3DecodingException(P3ErrorType.PARAMETER_INVALID, field, problem,
                header.type(), header.tag(), header.resource());
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** {@code a.b[2].c} from Jackson's reference chain. */
    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static boolean isSecret(String path) {
        int dot = path.lastIndexOf('.');
        return SECRET_FIELDS.contains(dot < 0 ? path : path.substring(dot + 1));
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == BigInteger.class || type == Short.class || type == short.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == BigDecimal.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a valid value";
    }

    private static String gotToken(String jacksonMessage) {
        if (jacksonMessage == null) {
            return null;
        }
        Matcher token = TOKEN.matcher(jacksonMessage);
        if (!token.find()) {
            Matcher from = FROM_VALUE.matcher(jacksonMessage);
            return from.find() ? gotValueKind(from.group(1)) : null;
        }
        return switch (token.group(1)) {
            case "START_OBJECT" -> "an object";
            case "START_ARRAY" -> "an array";
            case "VALUE_STRING" -> "a string";
            case "VALUE_NUMBER_INT", "VALUE_NUMBER_FLOAT" -> "a number";
            case "VALUE_TRUE", "VALUE_FALSE" -> "a boolean";
            case "VALUE_NULL" -> "null";
            default -> null;
        };
    }

    private static String gotValueKind(String jacksonKind) {
        return switch (jacksonKind) {
            case "Object" -> "an object";
            case "Array" -> "an array";
            case "String" -> "a string";
            case "Integer", "Floating-point" -> "a number";
            case "Boolean" -> "a boolean";
            case "Null" -> "null";
            default -> null;
        };
    }

    private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
