package io.tillgate.p3.client;

import io.tillgate.p3.codec.P3Device;
import java.time.Duration;
import java.util.List;

/**
 * {@link PayClient} for POS code that wants an answer, not a future: each call waits for its
 * result, up to the timeout given to {@link PayClient#blocking(Duration)}, and throws the client's
 * failures ({@link PayClientException} and its subclasses) directly. A DECLINED payment is a
 * result, not an exception.
 *
 * <pre>{@code
 * BlockingPayClient pos = client.blocking(Duration.ofMinutes(3));
 * pos.connect();
 * pos.login("demo", secret);
 * TransactionResult result = pos.charge(ChargeRequest.of("sim-1", Money.ofMajor("12.00", "EUR")));
 * }</pre>
 *
 * A transaction whose outcome does not come in time is not aborted: the call throws
 * {@link RequestTimeoutException} and the transaction can be looked up later by its tag. Listener
 * methods still run on the client's callback executor; calling this facade from one of them is
 * refused ({@link IllegalStateException}), as the answer could never arrive.
 */
public final class BlockingPayClient {

    private final PayClient client;
    private final Duration timeout;

    BlockingPayClient(PayClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /** The asynchronous client this facade waits for. */
    public PayClient async() {
        return client;
    }

    /** {@link PayClient#connect()}, waiting for it. */
    public void connect() {
        client.requireMayWait("connecting");
        client.await(client.connect(), "connecting to " + client.endpoints(), timeout, false);
    }

    /** {@link PayClient#login(String, String)}, waiting for the merchant's devices. */
    public List<P3Device> login(String merchantIdentifier, String merchantSecret) {
        return login(merchantIdentifier, merchantSecret, ProviderMode.TEST);
    }

    /** {@link PayClient#login(String, String, ProviderMode)}, waiting for the merchant's devices. */
    public List<P3Device> login(String merchantIdentifier, String merchantSecret, ProviderMode providerMode) {
        client.requireMayWait("login");
        return client.await(client.login(merchantIdentifier, merchantSecret, providerMode), "login", timeout, false);
    }

    public TransactionResult charge(ChargeRequest request) {
        return charge(request, TransactionListener.NONE);
    }

    /** Runs a payment and returns its final transaction, whatever the status. */
    public TransactionResult charge(ChargeRequest request, TransactionListener listener) {
        client.requireMayWait("charge");
        return client.charge(request, listener).await(timeout);
    }

    public TransactionResult refund(RefundRequest request) {
        return refund(request, TransactionListener.NONE);
    }

    /** Runs a refund and returns the new refund transaction. */
    public TransactionResult refund(RefundRequest request, TransactionListener listener) {
        client.requireMayWait("refund");
        return client.refund(request, listener).await(timeout);
    }

    public TransactionResult capture(CaptureRequest request) {
        return capture(request, TransactionListener.NONE);
    }

    /** Captures a pre-authorisation and returns the captured transaction. */
    public TransactionResult capture(CaptureRequest request, TransactionListener listener) {
        client.requireMayWait("capture");
        return client.capture(request, listener).await(timeout);
    }

    /**
     * Looks a stored transaction up.
     *
     * @throws P3ErrorException of type {@link ErrorType#TRANSACTION_REFERENCE_NOT_FOUND} for an unknown key
     */
    public TransactionResult query(QueryKey key) {
        client.requireMayWait("query " + key);
        return client.await(client.query(key), "query " + key, timeout, false);
    }
}
