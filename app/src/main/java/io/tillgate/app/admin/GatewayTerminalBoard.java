package io.tillgate.app.admin;

import io.tillgate.admin.terminal.TerminalBoard;
import io.tillgate.admin.terminal.TerminalView;
import io.tillgate.admin.terminal.TerminalView.TerminalState;
import io.tillgate.core.transaction.TransactionFeed;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The board of the gateway's terminals: what each is doing, from the journal's changes (a transaction
 * that is neither final nor UNKNOWN keeps its terminal busy), and whether it answers, from the health
 * checks. Every change is pushed to the subscribers (the console's live board).
 */
public final class GatewayTerminalBoard implements TerminalBoard, TransactionFeed {

    /** A configured terminal: what the board shows whatever its state. */
    public record Entry(String id, String name, String protocol) {
    }

    /** What the health checks last found. */
    private record Reachability(boolean checked, boolean online, Instant lastSeen, Instant lastChecked,
            String lastFailure) {

        static final Reachability UNCHECKED = new Reachability(false, false, null, null, null);
    }

    private static final Logger LOG = LoggerFactory.getLogger(GatewayTerminalBoard.class);

    private final List<Entry> entries;
    private final Map<String, String> running = new ConcurrentHashMap<>();
    private final Map<String, Reachability> reachability = new ConcurrentHashMap<>();
    private final List<Consumer<TerminalView>> listeners = new CopyOnWriteArrayList<>();

    public GatewayTerminalBoard(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    @Override
    public List<TerminalView> terminals() {
        return entries.stream().map(this::view).toList();
    }

    @Override
    public void subscribe(Consumer<TerminalView> listener) {
        listeners.add(listener);
    }

    @Override
    public void changed(TransactionRecord transaction) {
        String terminal = transaction.terminalId();
        boolean runs = !transaction.isFinal() && transaction.state() != TransactionState.UNKNOWN;
        boolean moved = runs ? !transaction.id().equals(running.put(terminal, transaction.id()))
                : running.remove(terminal, transaction.id());
        if (moved) {
            publish(terminal);
        }
    }

    /** What a health check found: the terminal answered at {@code at}, or did not and why. */
    public void checked(String terminalId, boolean online, Instant at, Instant lastSeen, String failure) {
        Reachability before = reachability.get(terminalId);
        reachability.put(terminalId, new Reachability(true, online, lastSeen, at, online ? null : failure));
        if (before == null || before.online() != online || !before.checked()) {
            publish(terminalId);
        }
    }

    private void publish(String terminalId) {
        entries.stream().filter(e -> e.id().equals(terminalId)).findFirst().map(this::view).ifPresent(view -> {
            for (Consumer<TerminalView> listener : listeners) {
                try {
                    listener.accept(view);
                } catch (RuntimeException e) {
                    LOG.warn("Terminal board listener failed on {}", terminalId, e);
                }
            }
        });
    }

    private TerminalView view(Entry entry) {
        Reachability health = reachability.getOrDefault(entry.id(), Reachability.UNCHECKED);
        String transaction = running.get(entry.id());
        TerminalState state;
        if (transaction != null) {
            state = TerminalState.BUSY;
        } else if (!health.checked()) {
            state = entry.protocol().equals("simulated") ? TerminalState.IDLE : TerminalState.UNKNOWN;
        } else {
            state = health.online() ? TerminalState.IDLE : TerminalState.OFFLINE;
        }
        return new TerminalView(entry.id(), entry.name(), entry.protocol(), state, health.lastSeen(),
                health.lastChecked(), health.lastFailure(), transaction);
    }
}
