package io.tillgate.ipp.frontend.internal;

/**
 * What the emulated terminal is doing, across all its connections: the running transaction (one at
 * a time, docs/protocols/ipp.md §2) and the last one, which must be confirmed with COMPLETE_TX when approved (§7).
 * Held only for an instant by each caller; nothing blocks under its lock.
 */
final class TerminalLedger {

    /** Whether a new financial request may start. */
    enum Admission {
        ADMITTED,
        BUSY,
        LAST_NOT_COMPLETED
    }

    private TransactionSession running;
    /** The session waiting for the POS to relay host traffic; it may outlive {@link #running}. */
    private TransactionSession relaying;
    private LastTransaction last;
    private String lastApprovedPayment;
    /** The STAN of the last transaction sent to the host; a terminal counts 1 to 999999, then again from 1. */
    private int traceNumber;

    synchronized Admission admit(TransactionSession session) {
        if (running != null) {
            return Admission.BUSY;
        }
        if (last != null && !last.completed()) {
            return Admission.LAST_NOT_COMPLETED;
        }
        running = session;
        return Admission.ADMITTED;
    }

    synchronized void release(TransactionSession session) {
        if (running == session) {
            running = null;
        }
    }

    synchronized void finish(TransactionSession session, LastTransaction finished, boolean approvedPayment) {
        if (running == session) {
            running = null;
        }
        last = finished;
        if (approvedPayment) {
            lastApprovedPayment = finished.record().id();
        }
    }

    /**
     * The next system trace audit number, six digits: consecutive, so no two transactions of one
     * terminal share it until the counter wraps — a driver may take it as the terminal's reference.
     */
    synchronized String nextTraceNumber() {
        traceNumber = traceNumber % 999_999 + 1;
        return String.format("%06d", traceNumber);
    }

    /** Confirms the last transaction if {@code sidOriginal} names it; false when it does not. */
    synchronized boolean complete(String sidOriginal) {
        if (last == null || !last.sid().equals(sidOriginal)) {
            return false;
        }
        last = last.completedNow();
        return true;
    }

    synchronized void relaying(TransactionSession session, boolean waiting) {
        if (waiting) {
            relaying = session;
        } else if (relaying == session) {
            relaying = null;
        }
    }

    synchronized TransactionSession relaying() {
        return relaying;
    }

    synchronized TransactionSession running() {
        return running;
    }

    synchronized LastTransaction last() {
        return last;
    }

    /** The gateway id of the last approved purchase: what a REFUND or REVERSAL without SID_ORIGINAL means. */
    synchronized String lastApprovedPayment() {
        return lastApprovedPayment;
    }
}
