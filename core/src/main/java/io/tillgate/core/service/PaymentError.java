package io.tillgate.core.service;

/** Why {@link PaymentService} refused a request; each front-end maps these to its protocol's errors. */
public enum PaymentError {
    /** No terminal with that id is configured. */
    UNKNOWN_TERMINAL,
    /** The terminal already runs a transaction. */
    TERMINAL_BUSY,
    /** There is no running transaction to abort or answer. */
    NO_ACTIVE_TRANSACTION,
    /** The last status said the transaction can no longer be aborted. */
    NOT_ABORTABLE,
    /** No action is pending, or the answer does not fit the action asked. */
    NO_PENDING_ACTION,
    /** The same message, or a P3 reference being repeated, came with different parameters. */
    IDEMPOTENCY_CONFLICT,
    /**
     * An earlier transaction with the same POS reference has an outcome nobody knows (UNKNOWN): a
     * new one could charge the customer twice, so it waits until an operator resolves that one.
     */
    REFERENCE_UNRESOLVED,
    /** A referenced transaction does not exist (or belongs to another merchant). */
    REFERENCE_NOT_FOUND,
    /** The request is well formed but not allowed (refund over the original, capture twice, …). */
    INVALID_REQUEST,
    /**
     * The gateway is stopping: it lets running transactions finish but starts no new one. Like
     * {@link #TERMINAL_BUSY}, worth trying again shortly (on this gateway once it is back, or another).
     */
    SHUTTING_DOWN,
    /**
     * Another node of the cluster drives the terminal now (docs/cluster.md), or this node is taking
     * it over and still recovering what its previous holder left running. Like
     * {@link #TERMINAL_BUSY}, worth trying again shortly, or on the node the message names.
     */
    TERMINAL_ELSEWHERE,
    /** The terminal's protocol cannot do this. */
    UNSUPPORTED,
    /** The gateway failed; the message says how. */
    INTERNAL
}
