package io.tillgate.admin.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the admin listener answers: a status, a body with its type, and headers of its own (a cookie,
 * a download's file name). The listener adds the security headers every answer carries.
 */
public record AdminResponse(HttpResponseStatus status, String contentType, byte[] body, Map<String, String> headers) {

    public static final String JSON = "application/json; charset=utf-8";
    static final ObjectMapper MAPPER = new ObjectMapper();

    public AdminResponse {
        headers = Map.copyOf(headers);
    }

    public static AdminResponse json(HttpResponseStatus status, JsonNode body) {
        try {
            return new AdminResponse(status, JSON, MAPPER.writeValueAsBytes(body), Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    public static AdminResponse ok(JsonNode body) {
        return json(HttpResponseStatus.OK, body);
    }

    /** {@code {"error": message}}: what went wrong, in words an operator can act on. */
    public static AdminResponse error(HttpResponseStatus status, String message) {
        ObjectNode body = MAPPER.createObjectNode().put("error", message);
        return json(status, body);
    }

    public static AdminResponse noContent() {
        return new AdminResponse(HttpResponseStatus.NO_CONTENT, null, new byte[0], Map.of());
    }

    public static AdminResponse text(HttpResponseStatus status, String contentType, String body) {
        return new AdminResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public AdminResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new AdminResponse(status, contentType, body, more);
    }
}
