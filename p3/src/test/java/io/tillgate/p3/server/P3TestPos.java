package io.tillgate.p3.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A scripted POS on top of a {@link P3TestConnection}: builds requests, and picks the next message
 * of one operation (by tag) while keeping messages of other operations for later, because P3
 * operations interleave on one connection. Every received message is also kept in arrival order.
 */
final class P3TestPos implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final P3TestConnection connection;
    private final List<JsonNode> backlog = new ArrayList<>();
    private final List<JsonNode> arrivals = new ArrayList<>();

    P3TestPos(P3TestConnection connection) {
        this.connection = connection;
    }

    P3TestConnection connection() {
        return connection;
    }

    /** Every message received so far, in arrival order. */
    List<JsonNode> arrivals() {
        return arrivals;
    }

    void send(ObjectNode message) {
        connection.send(message.toString());
    }

    /** Logs in as {@code demo} and returns the response. */
    JsonNode login() {
        return login("demo", P3TestGateway.SECRET);
    }

    JsonNode login(String merchant, String secret) {
        send(request("LOGIN_MERCHANT_REQUEST", "login-" + merchant, null, body -> body
                .put("providerMode", "TEST").put("merchantIdentifier", merchant).put("merchantSecret", secret)));
        return next("login-" + merchant);
    }

    /** Sends an EXECUTE of {@code amount} EUR on {@code resource}. */
    void execute(String tag, String resource, String amount) {
        send(execute(tag, resource, amount, parameters -> {
        }));
    }

    static ObjectNode execute(String tag, String resource, String amount,
            Consumer<ObjectNode> moreParameters) {
        return request("EXECUTE_TRANSACTION_REQUEST", tag, resource, body -> {
            ObjectNode parameters = body.putObject("transactionParameters")
                    .put("amount", new BigDecimal(amount)).put("currency", "EUR").put("type", "CHARGE")
                    .put("subject", "Test purchase");
            moreParameters.accept(parameters);
        });
    }

    /** A request envelope; {@code body} fills the body object. */
    static ObjectNode request(String type, String tag, String resource,
            Consumer<ObjectNode> body) {
        ObjectNode message = JSON.createObjectNode().put("type", type).put("tag", tag);
        if (resource != null) {
            message.put("resource", resource);
        }
        body.accept(message.putObject(lowerCamel(type)));
        return message;
    }

    /** The next message with {@code tag}. */
    JsonNode next(String tag) {
        return next(m -> tag.equals(m.path("tag").asText(null)), P3TestConnection.DEFAULT_WAIT);
    }

    /** The next message with {@code tag} whose type ends in {@code _RESPONSE}. */
    JsonNode response(String tag) {
        return response(tag, P3TestConnection.DEFAULT_WAIT);
    }

    JsonNode response(String tag, Duration wait) {
        return next(m -> tag.equals(m.path("tag").asText(null)) && m.path("type").asText().endsWith("_RESPONSE"),
                wait);
    }

    /** The messages of {@code tag} up to and including its response. */
    List<JsonNode> untilResponse(String tag) {
        List<JsonNode> messages = new ArrayList<>();
        JsonNode message;
        do {
            message = next(tag);
            messages.add(message);
        } while (!message.path("type").asText().endsWith("_RESPONSE"));
        return messages;
    }

    /** The next update of {@code tag} that satisfies {@code condition}. */
    JsonNode update(String tag, Predicate<JsonNode> condition) {
        while (true) {
            JsonNode message = next(tag);
            assertThat(message.path("type").asText()).as("message before the expected update: %s", message)
                    .endsWith("_UPDATE");
            if (condition.test(message)) {
                return message;
            }
        }
    }

    JsonNode next(Predicate<JsonNode> wanted, Duration wait) {
        for (Iterator<JsonNode> it = backlog.iterator(); it.hasNext(); ) {
            JsonNode kept = it.next();
            if (wanted.test(kept)) {
                it.remove();
                return kept;
            }
        }
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
            JsonNode message = connection.receive(left);
            arrivals.add(message);
            if (wanted.test(message)) {
                return message;
            }
            backlog.add(message);
        }
    }

    @Override
    public void close() {
        connection.close();
    }

    static String lowerCamel(String upperSnake) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : upperSnake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? c : Character.toLowerCase(c));
                upper = false;
            }
        }
        return out.toString();
    }
}
