package io.tillgate.journal;

/**
 * Told of each commit of the journal's writer: how many writes it made durable together and how
 * long that took. Metrics use it; the journal itself knows nothing of them.
 *
 * <p>Called on the writer thread after the commit and before the batch's futures complete, so an
 * implementation must return at once and never block: the batch's callers and every write waiting
 * for the next commit wait for it too.
 */
@FunctionalInterface
public interface CommitObserver {

    /** Observes nothing. */
    CommitObserver NONE = (writes, nanos) -> { };

    /**
     * @param writes the writes of the batch: inserts and state changes, refused ones included
     * @param nanos from the batch's first statement until its commit returned
     */
    void committed(int writes, long nanos);
}
