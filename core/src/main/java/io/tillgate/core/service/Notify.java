package io.tillgate.core.service;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls a front-end observer so that its failure cannot break the transaction. */
final class Notify {

    private static final Logger LOG = LoggerFactory.getLogger(Notify.class);

    private Notify() {
    }

    static void safely(TransactionObserver observer, Consumer<TransactionObserver> call) {
        try {
            call.accept(observer);
        } catch (RuntimeException e) {
            LOG.warn("transaction observer {} failed; the transaction goes on", observer, e);
        }
    }
}
