package io.tillgate.p3.codec;

/**
 * The role a message plays in an operation, taken from its type suffix (docs/protocols/p3.md §2): clients send
 * requests; the server answers each with exactly one final response, after zero or more updates
 * and actions carrying the same tag.
 */
public enum P3MessageKind {
    /** Client → server; starts an operation. */
    REQUEST,
    /** Server → client; the single final answer to a request. */
    RESPONSE,
    /** Server → client; progress of a long-running operation. */
    UPDATE,
    /** Server → client; the operation is paused until the client sends a follow-up request. */
    ACTION;

    /** Whether messages of this kind carry a header {@code status} (everything the server sends). */
    public boolean hasStatus() {
        return this != REQUEST;
    }
}
