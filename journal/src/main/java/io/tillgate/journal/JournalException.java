package io.tillgate.journal;

/**
 * The database could not do what the journal asked: a failed commit, a lost connection, a failed
 * migration or a row that cannot be read back. The message names the transaction (or the batch)
 * concerned; it never contains card data or credentials.
 */
public final class JournalException extends RuntimeException {

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }

    public JournalException(String message) {
        super(message);
    }
}
