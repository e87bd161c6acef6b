package io.tillgate.p3.codec;

/**
 * The body of a P3 message: the object under the lowerCamelCase type key. Sealed so a switch over
 * bodies is exhaustive and every body is known to the codec.
 */
public sealed interface P3Body
        permits LoginMerchantRequest, LoginMerchantResponse,
                ExecuteTransactionRequest, ExecuteTransactionUpdate, ExecuteTransactionAction,
                ExecuteTransactionResponse,
                AbortTransactionRequest, AbortTransactionResponse,
                SubmitSignatureRequest, SubmitSignatureResponse,
                AmendTransactionRequest, AmendTransactionUpdate, AmendTransactionResponse,
                QueryTransactionRequest, QueryTransactionResponse,
                ErrorResponse {

    /** The message type this body belongs to. */
    P3MessageType messageType();
}
