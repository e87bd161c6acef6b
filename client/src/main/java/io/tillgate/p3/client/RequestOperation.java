package io.tillgate.p3.client;

import io.tillgate.p3.codec.P3Message;
import io.tillgate.p3.codec.P3MessageType;
import java.util.function.Function;

/**
 * A short request answered by exactly one response (login, abort, signature, query): bounded by
 * the request timeout, failed with {@link ConnectionLostException} when the connection drops.
 */
final class RequestOperation<T> extends ClientOperation<T> {

    private final String operation;
    private final P3MessageType responseType;
    private final Function<P3Message, T> result;

    /**
     * @param operation how failures name it: {@code login}, {@code abort}, …
     * @param result the result of an OK response
     */
    RequestOperation(String operation, P3Message request, Function<P3Message, T> result) {
        super(request);
        this.operation = operation;
        this.responseType = request.type().responseType().orElseThrow();
        this.result = result;
    }

    String operation() {
        return operation;
    }

    @Override
    boolean onMessage(P3Message message) {
        if (message.type() != responseType && message.type() != P3MessageType.ERROR_RESPONSE) {
            fail(new P3ProtocolException(operation + ": expected " + responseType + " for tag " + tag()
                    + ", got " + message.type()));
        } else if (message.isError()) {
            fail(new P3ErrorException(operation, message.error(), transactionOf(message.body())));
        } else {
            complete(result.apply(message));
        }
        return true;
    }

    @Override
    boolean onConnectionLost(ConnectionLostException cause) {
        fail(new ConnectionLostException(operation + " (tag " + tag() + ") got no response: "
                + cause.getMessage(), cause.getCause()));
        return false;
    }

    @Override
    void failUnsent(PayClientException cause) {
        fail(cause);
    }

    @Override
    void failSent(PayClientException cause) {
        fail(cause);
    }
}
