package io.tillgate.nexo.driver;

import static io.tillgate.nexo.driver.Diagnostics.LOG;

import io.tillgate.core.terminal.TerminalEvent;
import io.tillgate.core.terminal.TerminalPhase;
import io.tillgate.core.terminal.TerminalStatus;
import io.tillgate.core.transaction.TransactionMdc;
import io.tillgate.nexo.codec.DisplayOutput;
import io.tillgate.nexo.codec.DisplayRequest;
import io.tillgate.nexo.codec.ErrorCondition;
import io.tillgate.nexo.codec.EventNotification;
import io.tillgate.nexo.codec.EventToNotify;
import io.tillgate.nexo.codec.Input;
import io.tillgate.nexo.codec.InputCommand;
import io.tillgate.nexo.codec.InputRequest;
import io.tillgate.nexo.codec.InputResponse;
import io.tillgate.nexo.codec.InputResult;
import io.tillgate.nexo.codec.NexoRequestBody;
import io.tillgate.nexo.codec.NexoResponses;
import io.tillgate.nexo.codec.OutputText;
import io.tillgate.nexo.codec.PrintRequest;
import io.tillgate.nexo.codec.SaleToPOIRequest;
import io.tillgate.nexo.codec.SaleToPOIResponse;
import io.tillgate.nexo.codec.TransmitRequest;
import io.tillgate.nexo.internal.NexoCardNames;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The POS side of full integration (docs/protocols/nexo.md §7): what the terminal posts to the POS listener during
 * a transaction reaches the cashier through the running {@link PaymentRun}, a signature check waits
 * for the cashier's answer (never for longer than the input timeout, and never on a thread), and a
 * maintenance request is handed to the session, which defers it until the transaction is over.
 */
final class PosRequestHandler {

    private final NexoTerminalConfig config;
    private final NexoSession session;

    PosRequestHandler(NexoTerminalConfig config, NexoSession session) {
        this.config = config;
        this.session = session;
    }

    /**
     * Completes with the answer body, or empty for HTTP 204. Handled with the running transaction's
     * id, if there is one, in the log context.
     */
    CompletableFuture<Optional<SaleToPOIResponse>> onPosRequest(SaleToPOIRequest request, Duration inputTimeout) {
        PaymentRun run = session.current();
        if (run == null) {
            return handle(request, null, inputTimeout);
        }
        return TransactionMdc.call(run.transactionId(), () -> handle(request, run, inputTimeout));
    }

    private CompletableFuture<Optional<SaleToPOIResponse>> handle(SaleToPOIRequest request, PaymentRun run,
            Duration inputTimeout) {
        NexoRequestBody body = request.body();
        if (body instanceof DisplayRequest display) {
            if (run != null) {
                display.displayOutput().forEach(output -> run.status(status(output)));
            }
        } else if (body instanceof PrintRequest print) {
            LOG.debug("nexo terminal {}: terminal printed a {} ({} lines)", config.id(),
                    print.printOutput().documentQualifier().code(),
                    print.printOutput().outputContent().outputText().size());
        } else if (body instanceof InputRequest input) {
            return confirmation(request, input, run, inputTimeout);
        } else if (body instanceof EventNotification event) {
            onEvent(event, run);
        } else if (body instanceof TransmitRequest transmit) {
            LOG.info("nexo terminal {}: POI {} sent its configuration (Transmit to {})", config.id(), config.poiId(),
                    transmit.destinationAddress());
        } else {
            return CompletableFuture.completedFuture(NexoResponses.withResult(request.header(),
                    NexoResponses.failure(ErrorCondition.UNAVAILABLE_SERVICE, "not served by the POS")));
        }
        return CompletableFuture.completedFuture(Optional.empty());
    }

    private CompletableFuture<Optional<SaleToPOIResponse>> confirmation(SaleToPOIRequest request, InputRequest input,
            PaymentRun run, Duration inputTimeout) {
        InputCommand command = input.inputData().inputCommand();
        CompletableFuture<Boolean> answer;
        if (command != InputCommand.GET_CONFIRMATION || run == null) {
            LOG.warn("nexo terminal {}: {} input from the terminal {}; declined", config.id(), command.code(),
                    run == null ? "outside a transaction" : "is not supported");
            answer = CompletableFuture.completedFuture(false);
        } else {
            String prompt = input.displayOutput() == null ? "Confirm" : String.join(" ",
                    input.displayOutput().outputContent().outputText().stream().map(OutputText::text).toList());
            answer = run.confirm(prompt).completeOnTimeout(false, inputTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        String device = input.inputData().device();
        String infoQualify = input.inputData().infoQualify();
        return answer.thenApply(confirmed -> Optional.of(new SaleToPOIResponse(
                NexoResponses.answering(request.header()), new InputResponse(null, new InputResult(device,
                        infoQualify, NexoResponses.success(), new Input(command, confirmed, null, null, null, null,
                        null))))));
    }

    private void onEvent(EventNotification event, PaymentRun run) {
        switch (event.eventToNotify()) {
            case CARD_INSERTED, CARD_REMOVED -> {
                if (run != null) {
                    run.event(new TerminalEvent(event.eventToNotify() == EventToNotify.CARD_INSERTED
                            ? TerminalEvent.Type.CARD_INSERTED : TerminalEvent.Type.CARD_REMOVED,
                            event.eventDetails()));
                }
            }
            case SALE_ADMIN -> {
                if (Boolean.TRUE.equals(event.maintenanceRequiredFlag())) {
                    LOG.info("nexo terminal {}: POI {} asks for maintenance", config.id(), config.poiId());
                    session.maintenance();
                }
            }
            case REJECT -> LOG.warn("nexo terminal {}: POI {} rejected a message: {}", config.id(), config.poiId(),
                    event.rejectedMessage() == null ? event.eventDetails() : "(" + event.rejectedMessage().length()
                            + " chars)");
            default -> LOG.info("nexo terminal {}: POI {} event {} {}", config.id(), config.poiId(),
                    event.eventToNotify().code(), event.eventDetails() == null ? "" : event.eventDetails());
        }
    }

    private static TerminalStatus status(DisplayOutput output) {
        List<String> lines = output.outputContent() == null ? List.of()
                : output.outputContent().outputText().stream().map(OutputText::text)
                        .filter(Objects::nonNull).toList();
        String first = lines.isEmpty() ? "" : lines.get(0);
        TerminalPhase phase = NexoCardNames.phase(first);
        boolean abortable = phase == TerminalPhase.CONNECTING || phase == TerminalPhase.INITIALIZING
                || phase == TerminalPhase.WAITING_FOR_CARD;
        return TerminalStatus.of(phase, NexoCardNames.displayText(first), lines.size() > 1 ? lines.get(1) : "",
                abortable);
    }
}
