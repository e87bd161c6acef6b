package io.tillgate.concert.driver;

import io.netty.channel.EventLoopGroup;
import io.netty.resolver.AddressResolverGroup;
import io.tillgate.concert.codec.ActionStatus;
import io.tillgate.concert.codec.ConcertAction;
import io.tillgate.concert.codec.ConcertAnswer;
import io.tillgate.concert.codec.ConcertRequest;
import io.tillgate.concert.codec.StatusComplement;
import io.tillgate.core.payment.PaymentCommand;
import io.tillgate.core.payment.TransactionOutcome;
import io.tillgate.core.payment.TransactionResult;
import io.tillgate.core.terminal.ActionAnswer;
import io.tillgate.core.terminal.ProbeGuard;
import io.tillgate.core.terminal.Terminal;
import io.tillgate.core.terminal.TerminalCapabilities;
import io.tillgate.core.terminal.TerminalListener;
import io.tillgate.core.terminal.TerminalPhase;
import io.tillgate.core.terminal.TerminalProbeException;
import io.tillgate.core.terminal.TerminalRequest;
import io.tillgate.core.terminal.TerminalStatus;
import io.tillgate.core.transaction.TransactionMdc;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver for a Concert V3 terminal over IP (docs/protocols/concert.md §9): Tillgate is the cash register. Each
 * transaction is one TCP connection. Concert has no abort and no status query, so transactions are
 * never abortable from the POS and a lost answer is UNKNOWN for an operator to resolve.
 */
public final class ConcertTerminal implements Terminal {

    private static final Logger LOG = LoggerFactory.getLogger(ConcertTerminal.class);
    /** docs/protocols/concert.md §3: Tillgate sends CF of 1 to 99 characters. */
    private static final int MAX_PRIVATE_DATA = 99;

    private static final TerminalCapabilities CAPABILITIES = new TerminalCapabilities(false, false, false, true, true);

    private final ConcertTerminalConfig config;
    private final ConcertExchange exchange;
    private final ProbeGuard probes;

    /**
     * @param config the terminal's settings
     * @param group the event loops connections run on; shared and owned by the caller
     * @param resolver resolves the terminal's host name for each connection without blocking an
     *     event loop; shared and owned by the caller
     */
    public ConcertTerminal(ConcertTerminalConfig config, EventLoopGroup group, AddressResolverGroup<?> resolver) {
        this.config = Objects.requireNonNull(config, "config");
        this.exchange = new ConcertExchange(config, Objects.requireNonNull(group, "group"),
                Objects.requireNonNull(resolver, "resolver"));
        this.probes = new ProbeGuard(config.id());
    }

    @Override
    public String id() {
        return config.id();
    }

    @Override
    public TerminalCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public void execute(TerminalRequest request, TerminalListener caller) {
        TerminalListener listener = probes.transactionStarting(caller);
        String txId = request.transactionId();
        ConcertAction action = switch (request.command().kind()) {
            case SALE -> ConcertAction.DEBIT;
            case REFUND -> ConcertAction.CREDIT;
            case REVERSAL -> ConcertAction.CANCELLATION;
            case PREAUTH, CAPTURE -> null;
        };
        if (action == null) {
            LOG.warn("terminal {} transaction {}: Concert has no {}", id(), txId, request.command().kind());
            listener.onOutcome(TransactionOutcome.of(TransactionResult.FAILED, "UNSUPPORTED"));
            return;
        }
        ConcertRequest concert = request(action, request.command());
        String amount = request.command().amount().toString();
        listener.onStatus(TerminalStatus.of(TerminalPhase.CONNECTING, "Connecting", amount, false));
        exchange.run(concert.toTlv(), request.affinity(), () -> listener.onStatus(TerminalStatus.of(
                        TerminalPhase.WAITING_FOR_CARD, "Follow the terminal", amount, false)))
                .thenAccept(result -> TransactionMdc.run(txId,
                        () -> listener.onOutcome(outcome(txId, concert, result))));
    }

    /**
     * The identification {@code CD=I} (docs/protocols/concert.md §5), the terminal's health check: it is there when
     * it answers {@code AE=10}, or {@code AE=01 AF=07} while it is busy with another register. Waits
     * for the answer up to the answer deadline unless the caller gives up sooner, which frees the
     * connection at once.
     */
    @Override
    public CompletableFuture<Void> probe() {
        return probes.probe(this::identify);
    }

    private CompletableFuture<Void> identify() {
        ConcertRequest request = new ConcertRequest(config.protocolVersion(), config.softwareId(),
                config.registerNumber(), ConcertAction.IDENTIFICATION, null, false, null, null, List.of());
        CompletableFuture<ConcertExchange.Result> exchanged = exchange.run(request.toTlv(), null, () -> { });
        CompletableFuture<Void> identified = exchanged.thenAccept(this::requireIdentified);
        identified.whenComplete((v, failure) -> exchanged.complete(new ConcertExchange.Lost("probe given up")));
        return identified;
    }

    private void requireIdentified(ConcertExchange.Result result) {
        if (result instanceof ConcertExchange.NotSent notSent) {
            throw probeFailed(TerminalProbeException.Failure.UNREACHABLE, notSent.reason());
        }
        if (result instanceof ConcertExchange.Lost lost) {
            throw probeFailed(TerminalProbeException.Failure.NO_ANSWER, lost.reason());
        }
        ConcertAnswer answer;
        try {
            answer = ConcertAnswer.from(((ConcertExchange.Answered) result).answer());
        } catch (RuntimeException e) {
            throw probeFailed(TerminalProbeException.Failure.UNEXPECTED_ANSWER, "unreadable identification answer: "
                    + e.getMessage());
        }
        boolean echoed = answer.actionCode() == null || answer.actionCode().equals(ConcertAction.IDENTIFICATION.code());
        boolean busy = answer.status() == ActionStatus.NOT_PERFORMED
                && answer.complementCode() == StatusComplement.NOT_COMPLETED;
        if (!echoed || !(answer.status() == ActionStatus.PERFORMED || busy)) {
            throw probeFailed(TerminalProbeException.Failure.UNEXPECTED_ANSWER, "identification answered CD="
                    + answer.actionCode() + " AE=" + answer.status().code() + (answer.complement() == null ? ""
                            : " AF=" + answer.complement().substring(0, 2)));
        }
    }

    private TerminalProbeException probeFailed(TerminalProbeException.Failure failure, String detail) {
        return new TerminalProbeException(id(), failure, detail);
    }

    /** Concert cannot abort from the POS; the cashier uses the terminal's red key. */
    @Override
    public void abort(String transactionId) {
        LOG.debug("terminal {} transaction {}: abort ignored, Concert has no abort", id(), transactionId);
    }

    /** Concert asks the POS nothing during a transaction. */
    @Override
    public void answer(String transactionId, ActionAnswer answer) {
        LOG.debug("terminal {} transaction {}: answer ignored, Concert asks nothing", id(), transactionId);
    }

    private ConcertRequest request(ConcertAction action, PaymentCommand command) {
        return new ConcertRequest(config.protocolVersion(), config.softwareId(), config.registerNumber(), action,
                command.amount(), config.immediateMode(), config.tickets(), privateData(command.reference()),
                List.of());
    }

    /**
     * The POS reference as {@code CF}, unchanged, when the tag can carry it (1 to 99 printable
     * ASCII characters); otherwise none is sent. The terminal only echoes it: nothing here relies on
     * it to tell one transaction from another.
     */
    static String privateData(String reference) {
        if (reference == null || reference.length() > MAX_PRIVATE_DATA) {
            return null;
        }
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return null;
            }
        }
        return reference;
    }

    private TransactionOutcome outcome(String txId, ConcertRequest request, ConcertExchange.Result result) {
        TransactionOutcome outcome;
        if (result instanceof ConcertExchange.Answered answered) {
            outcome = ConcertOutcomes.of(request, answered.answer());
        } else if (result instanceof ConcertExchange.NotSent notSent) {
            outcome = TransactionOutcome.of(TransactionResult.FAILED, "CONNECT_FAILED: " + notSent.reason());
        } else {
            outcome = TransactionOutcome.of(TransactionResult.UNKNOWN,
                    "ANSWER_LOST: " + ((ConcertExchange.Lost) result).reason());
        }
        if (outcome.result() == TransactionResult.UNKNOWN || outcome.result() == TransactionResult.FAILED) {
            LOG.warn("terminal {} transaction {} {} {}: {} ({})", id(), txId, request.action(), request.amount(),
                    outcome.result(), outcome.reason());
        } else {
            LOG.debug("terminal {} transaction {} {} {}: {} {}", id(), txId, request.action(), request.amount(),
                    outcome.result(), outcome.rawResultCodes());
        }
        return outcome;
    }
}
