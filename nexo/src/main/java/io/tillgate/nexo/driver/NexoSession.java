package io.tillgate.nexo.driver;

import static io.tillgate.nexo.driver.Diagnostics.LOG;
import static io.tillgate.nexo.driver.Diagnostics.condition;
import static io.tillgate.nexo.driver.Diagnostics.describe;

import io.tillgate.nexo.codec.ErrorCondition;
import io.tillgate.nexo.codec.LoginResponse;
import io.tillgate.nexo.codec.Response;
import io.tillgate.nexo.codec.Result;
import java.util.concurrent.CompletableFuture;

/**
 * The driver's session with the terminal (docs/protocols/nexo.md §6): the login every request rides on, the
 * transaction running on it, and a maintenance logout the terminal asked for, which waits until that
 * transaction is over. These three change together under one lock, since a logout must never cut
 * a payment short and a login must never overtake the logout before it.
 */
final class NexoSession {

    private final NexoTerminalConfig config;
    private final NexoLink link;
    private final NexoRequests requests;
    private final Object lock = new Object();

    private CompletableFuture<Void> login;
    private CompletableFuture<Void> logout = CompletableFuture.completedFuture(null);
    private PaymentRun current;
    private boolean maintenancePending;

    NexoSession(NexoTerminalConfig config, NexoLink link, NexoRequests requests) {
        this.config = config;
        this.link = link;
        this.requests = requests;
    }

    /** Completes once logged in: at once if the session stands, else after the logout before it and a login. */
    CompletableFuture<Void> ensureLoggedIn() {
        synchronized (lock) {
            if (login == null || login.isCompletedExceptionally()) {
                login = logout.handle((v, e) -> null).thenCompose(v -> login(0));
            }
            return login;
        }
    }

    /** The terminal lost the session (LoggedOut, NotAllowed) or the driver closed: log in on next use. */
    void loggedOut() {
        synchronized (lock) {
            login = null;
        }
    }

    /** {@code run} is now the terminal's transaction, the one the POS listener's posts belong to. */
    void begin(PaymentRun run) {
        synchronized (lock) {
            current = run;
        }
    }

    /** The running transaction, or {@code null}. */
    PaymentRun current() {
        synchronized (lock) {
            return current;
        }
    }

    /** The running transaction if it is {@code transactionId}, else {@code null}. */
    PaymentRun running(String transactionId) {
        synchronized (lock) {
            return current != null && current.transactionId().equals(transactionId) ? current : null;
        }
    }

    /** {@code run} is over; returns whether a maintenance logout waits for {@link #maintenance()}. */
    boolean ended(PaymentRun run) {
        synchronized (lock) {
            if (current == run) {
                current = null;
            }
            return maintenancePending;
        }
    }

    /** Daily maintenance (docs/protocols/nexo.md §6.6): log out letting the terminal update; log in on next use. */
    void maintenance() {
        CompletableFuture<Void> done;
        synchronized (lock) {
            if (current != null) {
                maintenancePending = true;
                return;
            }
            maintenancePending = false;
            login = null;
            done = link.exchange(requests.maintenanceLogout(), config.requestTimeout()).handle((answer, failure) -> {
                if (failure != null) {
                    LOG.warn("nexo terminal {}: maintenance logout failed: {}", config.id(), describe(failure));
                } else {
                    LOG.info("nexo terminal {}: logged out for maintenance; the next transaction logs in again",
                            config.id());
                }
                return null;
            });
            logout = done;
        }
    }

    private CompletableFuture<Void> login(int attempt) {
        return link.exchange(requests.login(), config.requestTimeout()).thenCompose(answer -> {
            Response response = answer.body(LoginResponse.class).response();
            if (response.result() != Result.FAILURE) {
                LOG.info("nexo terminal {}: logged in to POI {} as sale {} ({} integration)", config.id(),
                        config.poiId(), config.saleId(), config.integration());
                return CompletableFuture.completedFuture(null);
            }
            if (response.errorCondition() == ErrorCondition.BUSY && attempt < config.busyRetries()) {
                LOG.info("nexo terminal {}: login Busy ({}); retrying", config.id(), response.additionalResponse());
                return link.afterBusy(attempt).thenCompose(v -> login(attempt + 1));
            }
            throw new TerminalAnswerException("login refused: " + condition(response));
        });
    }
}
