package io.tillgate.nexo.frontend;

import io.tillgate.nexo.codec.DisplayOutput;
import io.tillgate.nexo.codec.DisplayRequest;
import io.tillgate.nexo.codec.DocumentQualifier;
import io.tillgate.nexo.codec.EventNotification;
import io.tillgate.nexo.codec.EventToNotify;
import io.tillgate.nexo.codec.InputCommand;
import io.tillgate.nexo.codec.InputData;
import io.tillgate.nexo.codec.InputRequest;
import io.tillgate.nexo.codec.InputResponse;
import io.tillgate.nexo.codec.MessageCategory;
import io.tillgate.nexo.codec.MessageClass;
import io.tillgate.nexo.codec.MessageHeader;
import io.tillgate.nexo.codec.MessageType;
import io.tillgate.nexo.codec.NexoCodec;
import io.tillgate.nexo.codec.NexoRequestBody;
import io.tillgate.nexo.codec.OutputContent;
import io.tillgate.nexo.codec.OutputText;
import io.tillgate.nexo.codec.PrintOutput;
import io.tillgate.nexo.codec.PrintRequest;
import io.tillgate.nexo.codec.Result;
import io.tillgate.nexo.codec.SaleToPOIRequest;
import io.tillgate.nexo.codec.SaleToPOIResponse;
import io.tillgate.nexo.internal.NexoHttpClient;
import io.tillgate.tls.ClientTls;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a POS's full-integration traffic (docs/protocols/nexo.md §1.2, §6) to its listener, one at a time and in
 * order, as a terminal does: a Display is answered before the next is sent, and the final
 * PaymentResponse waits for what was posted before it. A failed post is logged and skipped; the
 * card flow does not depend on the POS's screen.
 */
final class PosOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(PosOutbox.class);
    private static final AtomicLong DEVICE_IDS = new AtomicLong();

    private final NexoHttpClient client;
    /** HTTPS to the listener, or {@code null} for HTTP. */
    private final ClientTls tls;
    private final NexoCodec codec;
    private final URI listener;
    private final Duration postTimeout;
    private final Duration inputTimeout;
    private final String saleId;
    private final String poiId;
    private final String serviceId;
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    PosOutbox(NexoHttpClient client, ClientTls tls, NexoCodec codec, URI listener, Duration postTimeout,
            Duration inputTimeout,
            String saleId, String poiId, String serviceId) {
        this.client = client;
        this.tls = tls;
        this.codec = codec;
        this.listener = listener;
        this.postTimeout = postTimeout;
        this.inputTimeout = inputTimeout;
        this.saleId = saleId;
        this.poiId = poiId;
        this.serviceId = serviceId;
    }

    /** Shows lines on the cashier display. */
    void display(List<String> lines) {
        post(device(MessageCategory.DISPLAY, new DisplayRequest(List.of(output("Status", lines)))));
    }

    /** Prints a document (the merchant receipt to sign). */
    void print(DocumentQualifier qualifier, List<String> lines, boolean signature) {
        post(device(MessageCategory.PRINT, new PrintRequest(new PrintOutput(qualifier, "PrintEnd", signature,
                text(lines)))));
    }

    void event(EventToNotify event, String details) {
        post(new SaleToPOIRequest(new MessageHeader(null, MessageClass.EVENT, MessageCategory.EVENT,
                MessageType.NOTIFICATION, serviceId, null, saleId, poiId),
                new EventNotification(Instant.now().toString(), event, null, details, null, null)));
    }

    /**
     * Asks the cashier to confirm; completes with the ConfirmedFlag, or false when the POS did not
     * answer properly (logged), so the transaction never hangs on a missing listener.
     */
    synchronized CompletableFuture<Boolean> confirm(String prompt) {
        SaleToPOIRequest request = device(MessageCategory.INPUT, new InputRequest(output("Input", List.of(prompt)),
                new InputData("CashierInput", "Input", InputCommand.GET_CONFIRMATION,
                        (int) inputTimeout.toSeconds(), null, null)));
        CompletableFuture<Boolean> confirmed = tail.thenCompose(v -> send(request, inputTimeout))
                .thenApply(reply -> {
                    SaleToPOIResponse response = codec.decodeResponse(reply.body());
                    var result = response.body(InputResponse.class).inputResult();
                    return result.response().result() == Result.SUCCESS && result.input() != null
                            && Boolean.TRUE.equals(result.input().confirmedFlag());
                })
                .exceptionally(failure -> {
                    LOG.warn("nexo POS listener {} for POI {} sale {} gave no usable InputResponse: {}", listener,
                            poiId, saleId, failure.getMessage());
                    return false;
                });
        tail = confirmed.thenApply(ok -> null);
        return confirmed;
    }

    /** Completes when everything posted so far is answered or given up. */
    synchronized CompletableFuture<Void> drained() {
        return tail;
    }

    private synchronized void post(SaleToPOIRequest request) {
        tail = tail.thenCompose(v -> send(request, postTimeout))
                .handle((reply, failure) -> {
                    if (failure != null) {
                        LOG.warn("nexo POS listener {} for POI {} sale {} did not take a {}: {}", listener, poiId,
                                saleId, request.header().messageCategory().code(), failure.getMessage());
                    } else if (reply.status() != 200 && reply.status() != 204) {
                        LOG.warn("nexo POS listener {} for POI {} sale {} answered HTTP {} to a {}", listener, poiId,
                                saleId, reply.status(), request.header().messageCategory().code());
                    }
                    return null;
                });
    }

    private CompletableFuture<NexoHttpClient.Reply> send(SaleToPOIRequest request, Duration timeout) {
        return client.post(listener.getHost(), listener.getPort(), tls, codec.encode(request), timeout);
    }

    private SaleToPOIRequest device(MessageCategory category, NexoRequestBody body) {
        return new SaleToPOIRequest(new MessageHeader(null, MessageClass.DEVICE, category, MessageType.REQUEST,
                serviceId, Long.toString(DEVICE_IDS.incrementAndGet() % 1_000_000_000L), saleId, poiId), body);
    }

    private static DisplayOutput output(String infoQualify, List<String> lines) {
        return new DisplayOutput("CashierDisplay", infoQualify, false, null, text(lines));
    }

    private static OutputContent text(List<String> lines) {
        return new OutputContent("Text", null, lines.stream().filter(line -> !line.isEmpty())
                .map(line -> new OutputText(null, null, null, line)).toList());
    }
}
