package io.tillgate.nexo.driver;

import io.netty.channel.EventLoopGroup;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.NetUtil;
import io.tillgate.nexo.codec.NexoCodec;
import io.tillgate.nexo.codec.SaleToPOIRequest;
import io.tillgate.nexo.codec.SaleToPOIResponse;
import io.tillgate.nexo.internal.NexoHttpClient;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP side of the driver (docs/protocols/nexo.md §10): every exchange with the terminal and every pause
 * between them goes through here, so that the addresses the terminal answered from are learnt in
 * one place (the POS listener trusts only those) and no caller ever waits on a thread.
 */
final class NexoLink {

    /** A terminal whose DHCP lease keeps changing is not remembered at every address it ever had. */
    private static final int MAX_ADDRESSES = 8;

    private final NexoTerminalConfig config;
    private final EventLoopGroup group;
    private final NexoCodec codec;
    private final NexoHttpClient http;
    /** The terminal's addresses: the configured one if it is literal, and each that answered. */
    private final Set<InetAddress> addresses = ConcurrentHashMap.newKeySet();

    NexoLink(NexoTerminalConfig config, EventLoopGroup group, AddressResolverGroup<?> resolver) {
        this.config = config;
        this.group = group;
        this.codec = new NexoCodec(config.maxBodyBytes());
        this.http = new NexoHttpClient(group, resolver, config.maxBodyBytes(), config.connectTimeout());
        InetAddress literal = NetUtil.createInetAddressFromIpAddressString(config.host());
        if (literal != null) {
            addresses.add(literal);
        }
    }

    /**
     * Posts {@code request}; completes with the terminal's answer of the same category, else fails. A
     * caller that completes the returned future itself (gives up) drops the connection.
     */
    CompletableFuture<SaleToPOIResponse> exchange(SaleToPOIRequest request, Duration timeout) {
        byte[] body = codec.encode(request);
        CompletableFuture<NexoHttpClient.Reply> posted = http.post(config.host(), config.port(), config.tls(), body,
                timeout);
        CompletableFuture<SaleToPOIResponse> answered = posted.thenApply(reply -> {
            if (addresses.size() >= MAX_ADDRESSES) {
                addresses.clear();
            }
            addresses.add(reply.peer());
            if (reply.status() != 200) {
                throw new TerminalAnswerException("HTTP " + reply.status() + " to "
                        + request.header().messageCategory().code() + " (ServiceID " + request.header().serviceId()
                        + ")");
            }
            SaleToPOIResponse response = codec.decodeResponse(reply.body());
            if (response.header().messageCategory() != request.header().messageCategory()) {
                throw new TerminalAnswerException("a " + response.header().messageCategory().code()
                        + " response to a " + request.header().messageCategory().code() + " request");
            }
            return response;
        });
        answered.whenComplete((response, failure) -> posted.cancel(false));
        return answered;
    }

    /** Posts a request the terminal answers with no body (Abort); completes with the HTTP status. */
    CompletableFuture<Integer> post(SaleToPOIRequest request) {
        return http.post(config.host(), config.port(), config.tls(), codec.encode(request), config.requestTimeout())
                .thenApply(reply -> reply.status());
    }

    /** Whether {@code source} is the configured address or one the terminal answered from. */
    boolean isAddressOf(InetAddress source) {
        return addresses.contains(source);
    }

    /** Completes after the pause before retry {@code attempt + 1} of a request the terminal found Busy. */
    CompletableFuture<Void> afterBusy(int attempt) {
        return delay(config.busyBackoff().multipliedBy(attempt + 1L));
    }

    /** Completes after {@code duration} on the shared event loops; nothing waits on a thread. */
    CompletableFuture<Void> delay(Duration duration) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        group.next().schedule(() -> done.complete(null), duration.toMillis(), TimeUnit.MILLISECONDS);
        return done;
    }
}
