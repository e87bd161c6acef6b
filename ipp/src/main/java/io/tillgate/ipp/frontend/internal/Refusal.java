package io.tillgate.ipp.frontend.internal;

import io.tillgate.ipp.codec.IppStatus;

/** A request the emulated terminal turns down at STAGE 1 with {@code status}. */
final class Refusal extends RuntimeException {

    private final IppStatus status;

    Refusal(IppStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    IppStatus status() {
        return status;
    }
}
