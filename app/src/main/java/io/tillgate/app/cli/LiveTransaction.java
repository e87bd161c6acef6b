package io.tillgate.app.cli;

import io.tillgate.p3.client.ActionRequest;
import io.tillgate.p3.client.PayClientException;
import io.tillgate.p3.client.TransactionListener;
import io.tillgate.p3.client.TransactionUpdate;
import io.tillgate.p3.codec.P3Transaction;
import java.io.PrintWriter;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Shows a running transaction on the console. The client reports on its callback thread, Ctrl-C on a
 * signal thread; both only queue an event here, and the command's own thread handles them in
 * order — printing, prompting for a signature, sending an abort — so console I/O never blocks the
 * client and the command needs no locks.
 */
final class LiveTransaction implements TransactionListener {

    /** What the command does about the events only it can answer. */
    interface Handler {

        /** The transaction waits for an answer to {@code action}. */
        void onAction(ActionRequest action) throws CliException;

        /** The operator pressed Ctrl-C. */
        void onInterrupt() throws CliException;
    }

    /** For refunds and captures, which ask nothing and leave Ctrl-C to end the process. */
    static final Handler NO_QUESTIONS = new Handler() {
        @Override
        public void onAction(ActionRequest action) {
        }

        @Override
        public void onInterrupt() {
        }
    };

    private static final Object INTERRUPT = new Object();
    private static final Object FINISHED = new Object();

    private record Recovering(PayClientException cause) {
    }

    private record Note(String line) {
    }

    private final PrintWriter out;
    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private TransactionUpdate lastUpdate;

    LiveTransaction(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void onUpdate(TransactionUpdate update) {
        events.add(update);
    }

    @Override
    public void onAction(ActionRequest action) {
        events.add(action);
    }

    @Override
    public void onRecovering(String tag, PayClientException cause) {
        events.add(new Recovering(cause));
    }

    /** Ctrl-C; called from the signal thread. */
    void interrupt() {
        events.add(INTERRUPT);
    }

    /** A line to print in turn with the updates; for reports from other threads. */
    void note(String line) {
        events.add(new Note(line));
    }

    /** The last progress update shown; {@code null} before the first. */
    TransactionUpdate lastUpdate() {
        return lastUpdate;
    }

    /**
     * Handles events until {@code result} is complete. Returns then; the caller reads the result.
     */
    void await(CompletableFuture<P3Transaction> result, Handler handler) throws CliException {
        result.whenComplete((transaction, error) -> events.add(FINISHED));
        while (true) {
            Object event = take();
            if (event == FINISHED) {
                return;
            } else if (event == INTERRUPT) {
                handler.onInterrupt();
            } else if (event instanceof TransactionUpdate update) {
                lastUpdate = update;
                print(TransactionPrinter.update(update));
            } else if (event instanceof ActionRequest action) {
                handler.onAction(action);
            } else if (event instanceof Recovering recovering) {
                print("  Connection lost (" + recovering.cause().getMessage() + "); reconnecting to fetch the result…");
            } else if (event instanceof Note note) {
                print(note.line());
            }
        }
    }

    private void print(String line) {
        out.println(line);
        out.flush();
    }

    private Object take() throws CliException {
        try {
            return events.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.INTERRUPTED, "interrupted while waiting for the transaction");
        }
    }
}
