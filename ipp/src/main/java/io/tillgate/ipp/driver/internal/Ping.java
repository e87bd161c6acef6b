package io.tillgate.ipp.driver.internal;

import io.tillgate.core.terminal.TerminalProbeException;
import io.tillgate.ipp.codec.IppMethod;
import io.tillgate.ipp.codec.IppRequest;
import io.tillgate.ipp.codec.IppResponse;
import io.tillgate.ipp.codec.IppStatus;
import io.tillgate.ipp.driver.IppTerminalConfig;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The terminal's health check (docs/protocols/ipp.md §5, §11): PING on a connection of its own. The terminal is
 * there when it answers STAGE 5 STATUS 0, or STATUS 1 while another caller keeps it busy.
 */
public final class Ping {

    private final IppTerminalConfig config;
    private final Sockets sockets;

    public Ping(IppTerminalConfig config, Sockets sockets) {
        this.config = config;
        this.sockets = sockets;
    }

    /**
     * Completes when the terminal answered; fails with a {@link TerminalProbeException}. A caller
     * that completes the future itself (its own deadline) closes the connection.
     */
    public CompletableFuture<Void> send() {
        CompletableFuture<Void> answered = new CompletableFuture<>();
        IppLink.open(sockets, config).whenComplete((link, failure) -> {
            if (failure != null) {
                answered.completeExceptionally(probeFailed(failure));
                return;
            }
            answered.whenComplete((v, e) -> link.close());
            if (answered.isDone()) {
                return;
            }
            IppRequest ping = new IppRequest(IppRequest.start(IppMethod.PING, config.version(), Sids.fresh()).build());
            link.exchange(ping, progress -> { }).whenComplete((reply, lost) -> {
                if (lost != null) {
                    answered.completeExceptionally(probeFailed(lost));
                } else if (reply.status() == IppStatus.OK || reply.status() == IppStatus.BUSY) {
                    answered.complete(null);
                } else {
                    answered.completeExceptionally(new TerminalProbeException(config.id(),
                            TerminalProbeException.Failure.UNEXPECTED_ANSWER, describe(reply)));
                }
            });
        });
        return answered;
    }

    private TerminalProbeException probeFailed(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        boolean unreachable = cause instanceof IppLinkException link && !link.afterSend();
        // The link's messages start with the terminal, which the probe's own message names already.
        String prefix = "terminal " + config.id() + " ";
        String detail = String.valueOf(cause.getMessage());
        return new TerminalProbeException(config.id(), unreachable ? TerminalProbeException.Failure.UNREACHABLE
                : TerminalProbeException.Failure.NO_ANSWER,
                detail.startsWith(prefix) ? detail.substring(prefix.length()) : detail);
    }

    private static String describe(IppResponse reply) {
        return "PING answered STAGE " + reply.stage().code() + " STATUS " + reply.status().code();
    }
}
