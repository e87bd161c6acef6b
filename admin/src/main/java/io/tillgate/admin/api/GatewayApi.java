package io.tillgate.admin.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.tillgate.admin.GatewayInfo;
import io.tillgate.admin.auth.Principal;
import io.tillgate.admin.http.AdminRequest;
import io.tillgate.admin.http.AdminResponse;
import io.tillgate.admin.terminal.TerminalBoard;
import io.tillgate.admin.terminal.TerminalView;
import java.net.URI;
import java.net.URISyntaxException;

/** {@code /api/gateway} and {@code /api/terminals}: what the console shows about the gateway itself. */
final class GatewayApi {

    private GatewayApi() {
    }

    static AdminResponse describe(GatewayInfo info, Principal principal, AdminRequest request) {
        ObjectNode node = JsonViews.MAPPER.createObjectNode().put("version", info.version())
                .put("startedAt", JsonViews.time(info.startedAt()));
        node.set("account", JsonViews.account(principal));
        if (info.p3WebSocket() == null) {
            node.putNull("p3");
        } else {
            node.putObject("p3").put("webSocket", asSeenBy(info.p3WebSocket(), request.header(HttpHeaderNames.HOST)));
        }
        GatewayInfo.Configuration configuration = info.configuration().get();
        node.putObject("configuration").put("generation", configuration.generation())
                .put("loadedAt", JsonViews.time(configuration.loadedAt()));
        ArrayNode merchants = node.putArray("merchants");
        configuration.merchants().forEach(merchants::add);
        return AdminResponse.ok(node);
    }

    static AdminResponse terminals(TerminalBoard board) {
        ArrayNode list = JsonViews.MAPPER.createArrayNode();
        for (TerminalView terminal : board.terminals()) {
            list.add(JsonViews.terminal(terminal));
        }
        return AdminResponse.ok(list);
    }

    /**
     * The P3 WebSocket with the host the browser reached the console by: a gateway bound to every
     * address knows no one name for itself, and the browser must reach P3 the way it reached us.
     */
    static String asSeenBy(URI webSocket, String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return webSocket.toString();
        }
        try {
            String host = new URI("http://" + hostHeader).getHost();
            if (host == null) {
                return webSocket.toString();
            }
            return new URI(webSocket.getScheme(), null, host, webSocket.getPort(), webSocket.getPath(), null, null)
                    .toString();
        } catch (URISyntaxException e) {
            return webSocket.toString();
        }
    }
}
