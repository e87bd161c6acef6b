package io.tillgate.admin.http;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request to the admin listener, copied out of Netty's buffers so that it can be handled
 * on another thread after the request itself is released.
 *
 * @param method the method
 * @param path the decoded path, without the query
 * @param parameters the query parameters
 * @param headers the request's headers
 * @param body the body, empty when there is none
 * @param secure whether the connection is TLS
 */
public record AdminRequest(HttpMethod method, String path, Map<String, List<String>> parameters,
        HttpHeaders headers, byte[] body, boolean secure) {

    /** The first value of a query parameter, blank ones counted as absent. */
    public Optional<String> parameter(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank()
                ? Optional.empty() : Optional.of(values.get(0).trim());
    }

    public String header(CharSequence name) {
        return headers.get(name);
    }
}
