package io.tillgate.p3.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tillgate.p3.codec.P3JsonReader.Declined;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values the streaming readers take, each only in its own JSON type ({@code null} for
 * absent where binding reads it so); anything else declines the frame.
 */
final class P3JsonValues {

    /** Thrown without a stack whenever a frame is not in the streamed form. */
    static final Declined DECLINED = new Declined();

    private P3JsonValues() {
    }

    static Map<String, String> stringMap(JsonParser p, JsonToken value) throws IOException, Declined {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        object(value);
        LinkedHashMap<String, String> map = new LinkedHashMap<>();
        for (String key = p.nextFieldName(); key != null; key = p.nextFieldName()) {
            if (p.nextToken() != JsonToken.VALUE_STRING || map.put(key, p.getText()) != null) {
                throw DECLINED;
            }
        }
        return P3Collections.frozen(map);
    }

    static List<String> stringList(JsonParser p, JsonToken value) throws IOException, Declined {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        array(value);
        // immutable lists, which the records keep without copying; two lines is every update's display
        JsonToken token = p.nextToken();
        if (token == JsonToken.END_ARRAY) {
            return List.of();
        }
        String first = element(p, token);
        token = p.nextToken();
        if (token == JsonToken.END_ARRAY) {
            return List.of(first);
        }
        String second = element(p, token);
        token = p.nextToken();
        if (token == JsonToken.END_ARRAY) {
            return List.of(first, second);
        }
        List<String> list = new ArrayList<>(32);
        list.add(first);
        list.add(second);
        for (; token != JsonToken.END_ARRAY; token = p.nextToken()) {
            list.add(element(p, token));
        }
        return List.copyOf(list);
    }

    /** An element of a list of strings: binding would put a null in, which the records refuse. */
    static String element(JsonParser p, JsonToken value) throws IOException, Declined {
        if (value != JsonToken.VALUE_STRING) {
            throw DECLINED;
        }
        return p.getText();
    }

    static String string(JsonParser p, JsonToken value) throws IOException, Declined {
        if (value == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        throw DECLINED;
    }

    static BigDecimal decimal(JsonParser p, JsonToken value) throws IOException, Declined {
        if (value == JsonToken.VALUE_NUMBER_FLOAT || value == JsonToken.VALUE_NUMBER_INT) {
            return p.getDecimalValue();
        }
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        throw DECLINED;
    }

    static Integer intValue(JsonParser p, JsonToken value) throws IOException, Declined {
        if (value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            return p.getIntValue();
        }
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        throw DECLINED;
    }

    static Long longValue(JsonParser p, JsonToken value) throws IOException, Declined {
        if (value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return p.getLongValue();
        }
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        throw DECLINED;
    }

    static Boolean flag(JsonToken value) throws Declined {
        return switch (value) {
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw DECLINED;
        };
    }

    static boolean primitiveFlag(JsonToken value) throws Declined {
        return switch (value) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            default -> throw DECLINED;
        };
    }

    static void object(JsonToken value) throws Declined {
        if (value != JsonToken.START_OBJECT) {
            throw DECLINED;
        }
    }

    static void array(JsonToken value) throws Declined {
        if (value != JsonToken.START_ARRAY) {
            throw DECLINED;
        }
    }

    /** Marks a record's property as read; a second occurrence is left to binding's own rules. */
    static int once(int seen, int bit) throws Declined {
        if ((seen & bit) != 0) {
            throw DECLINED;
        }
        return seen | bit;
    }
}
