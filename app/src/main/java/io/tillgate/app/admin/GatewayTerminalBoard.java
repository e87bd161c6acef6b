package io.tillgate.app.admin;

import io.tillgate.admin.terminal.TerminalBoard;
import io.tillgate.admin.terminal.TerminalView.TerminalState;
import io.tillgate.admin.terminal.TerminalView;
import io.tillgate.core.health.TerminalHealth;
import io.tillgate.core.health.TerminalHealthListener;
import io.tillgate.core.health.TerminalMonitor;
import io.tillgate.core.transaction.TransactionFeed;
import io.tillgate.core.transaction.TransactionRecord;
import io.tillgate.core.transaction.TransactionState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The board of the gateway's terminals: what each is doing, from the journal's changes (a transaction
 * that is neither final nor UNKNOWN keeps its terminal busy), and whether it answers, from the
 * {@link TerminalMonitor}. Every change of either is pushed to the subscribers (the console's live board).
 */
public final class GatewayTerminalBoard implements TerminalBoard, TransactionFeed, TerminalHealthListener {

    /** A configured terminal: what the board shows whatever its state. */
    public record Entry(String id, String name, String protocol) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(GatewayTerminalBoard.class);

    private volatile List<Entry> entries;
    private final TerminalMonitor health;
    private final Map<String, String> running = new ConcurrentHashMap<>();
    private final List<Consumer<TerminalView>> listeners = new CopyOnWriteArrayList<>();

    public GatewayTerminalBoard(List<Entry> entries, TerminalMonitor health) {
        this.entries = List.copyOf(entries);
        this.health = health;
    }

    /** A configuration reload changed the terminals: the board shows these from now on. */
    public void configured(List<Entry> configured) {
        List<Entry> before = entries;
        entries = List.copyOf(configured);
        configured.stream().filter(entry -> !before.contains(entry)).forEach(entry -> publish(entry.id()));
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

    @Override
    public void reachabilityChanged(TerminalHealth previous, TerminalHealth current) {
        publish(current.terminalId());
    }

    private void publish(String terminalId) {
        if (listeners.isEmpty()) {
            return; // no console is watching: a payment's start and end build no view
        }
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
        TerminalHealth checked = health.health(entry.id()).orElseGet(() -> TerminalHealth.unknown(entry.id()));
        String transaction = running.get(entry.id());
        TerminalState state;
        if (transaction != null) {
            state = TerminalState.BUSY;
        } else {
            state = switch (checked.reachability()) {
                case ONLINE -> TerminalState.IDLE;
                case OFFLINE -> TerminalState.OFFLINE;
                case UNKNOWN -> TerminalState.UNKNOWN;
            };
        }
        // The last failure is kept after a terminal is back; the board shows it only while it matters.
        return new TerminalView(entry.id(), entry.name(), entry.protocol(), state, checked.lastSeen(),
                checked.lastChecked(), state == TerminalState.OFFLINE ? checked.lastFailure() : null, transaction);
    }
}
