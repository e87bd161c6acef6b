package io.tillgate.p3.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The envelope cannot be built in a shape docs/protocols/p3.md forbids; enums know their wire facts. */
@Timeout(10)
class P3MessageTest {

    private static final P3Error BUSY = P3Error.of(P3ErrorType.TRANSACTION_BUSY, "busy");

    @Test
    void bodyKeysAreLowerCamelCaseOfTheType() {
        assertThat(P3MessageType.EXECUTE_TRANSACTION_UPDATE.bodyKey()).isEqualTo("executeTransactionUpdate");
        assertThat(P3MessageType.LOGIN_MERCHANT_REQUEST.bodyKey()).isEqualTo("loginMerchantRequest");
        assertThat(P3MessageType.QUERY_TRANSACTION_RESPONSE.bodyKey()).isEqualTo("queryTransactionResponse");
    }

    @ParameterizedTest
    @EnumSource(P3MessageType.class)
    void everyTypeKnowsItsKindBodyClassAndCode(P3MessageType type) {
        assertThat(type.name()).endsWith("_" + type.kind().name());
        assertThat(type.bodyClass().getSimpleName()).isEqualToIgnoringCase(type.bodyKey());
        assertThat(P3MessageType.fromCode(type.code())).isSameAs(type);
        assertThat(P3MessageType.lookup(type.code().toLowerCase())).contains(type);
        assertThat(type.responseType().isPresent()).isEqualTo(type.isRequest());
        type.responseType().ifPresent(response -> assertThat(response.kind()).isEqualTo(P3MessageKind.RESPONSE));
    }

    @Test
    void catalogueIsComplete() {
        assertThat(P3MessageType.values()).hasSize(16);
        List<P3MessageType> requests = new ArrayList<>(Arrays.asList(P3MessageType.values()));
        requests.removeIf(t -> !t.isRequest());
        assertThat(requests).hasSize(6);
        assertThat(P3MessageType.EXECUTE_TRANSACTION_REQUEST.responseType())
                .contains(P3MessageType.EXECUTE_TRANSACTION_RESPONSE);
    }

    @Test
    void unknownCodes() {
        assertThat(P3MessageType.lookup("NOPE")).isEmpty();
        assertThat(P3MessageType.lookup(null)).isEmpty();
        assertThatThrownBy(() -> P3MessageType.fromCode("NOPE"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown P3 message type 'NOPE'");
        assertThat(P3Status.fromCode("oK")).isEqualTo(P3Status.OK);
        assertThatThrownBy(() -> P3Status.fromCode("fine")).isInstanceOf(IllegalArgumentException.class);
        assertThat(P3ErrorType.values()).hasSize(9);
        assertThat(P3ErrorType.lookup("ACCESSORY_NOT_FOUND")).contains(P3ErrorType.ACCESSORY_NOT_FOUND);
        assertThat(P3ErrorType.lookup("ACCESSORY_BUSY")).isEmpty();
    }

    @Test
    void factoriesEchoTagAndResource() {
        P3Message request = P3Message.request(AbortTransactionRequest.any(), "t3", "devices/usbReader");

        P3Message ok = P3Message.ok(request, new AbortTransactionResponse());
        P3Message error = P3Message.errorFor(request, BUSY);

        assertThat(request.type()).isEqualTo(P3MessageType.ABORT_TRANSACTION_REQUEST);
        assertThat(ok.type()).isEqualTo(P3MessageType.ABORT_TRANSACTION_RESPONSE);
        assertThat(ok.tag()).isEqualTo("t3");
        assertThat(ok.resource()).isEqualTo("devices/usbReader");
        assertThat(error.type()).isEqualTo(P3MessageType.ABORT_TRANSACTION_RESPONSE);
        assertThat(error.isError()).isTrue();
        assertThat(error.body()).isNull();
        assertThatThrownBy(() -> P3Message.errorFor(ok, BUSY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resources() {
        assertThat(P3Message.deviceResource("usbReader")).isEqualTo("devices/usbReader");
        assertThat(P3Device.of("USB Reader", "usbReader", "MOCK", "USB").resource()).isEqualTo("devices/usbReader");
        assertThat(P3Message.normaliseResource(null)).isEqualTo("/");
        assertThat(P3Message.normaliseResource("")).isEqualTo("/");
        assertThat(P3Message.normaliseResource("/")).isEqualTo("/");
        assertThat(P3Message.normaliseResource("devices/a")).isEqualTo("devices/a");
        P3Message other = P3Message.request(QueryTransactionRequest.byTag("t"), "t", "devices/");
        assertThat(other.deviceIdentifier()).isEmpty();
        assertThat(other.isRootResource()).isFalse();
    }

    @Test
    void errorPresentIfAndOnlyIfStatusIsError() {
        assertThatThrownBy(() -> new P3Message(P3MessageType.ABORT_TRANSACTION_RESPONSE, "t", "/",
                P3Status.OK, BUSY, new AbortTransactionResponse())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new P3Message(P3MessageType.ABORT_TRANSACTION_RESPONSE, "t", "/",
                P3Status.ERROR, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestsCarryNoStatusAndAlwaysABody() {
        assertThatThrownBy(() -> new P3Message(P3MessageType.ABORT_TRANSACTION_REQUEST, "t", "/",
                P3Status.OK, null, AbortTransactionRequest.any())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new P3Message(P3MessageType.ABORT_TRANSACTION_REQUEST, "t", "/",
                null, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serverMessagesNeedAStatusAndOkNeedsABody() {
        assertThatThrownBy(() -> new P3Message(P3MessageType.ABORT_TRANSACTION_RESPONSE, "t", "/",
                null, null, new AbortTransactionResponse())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new P3Message(P3MessageType.ABORT_TRANSACTION_RESPONSE, "t", "/",
                P3Status.OK, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bodyMustMatchType() {
        assertThatThrownBy(() -> new P3Message(P3MessageType.EXECUTE_TRANSACTION_RESPONSE, "t", "/",
                P3Status.OK, null, new AmendTransactionResponse(null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AmendTransactionResponse");
    }

    @Test
    void updatesHoldExactlyTwoLinesAndAreImmutable() {
        assertThatThrownBy(() -> new ExecuteTransactionUpdate("S", "D", List.of("one"), true, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("information");
        List<String> lines = new ArrayList<>(List.of("a", "b"));
        ExecuteTransactionUpdate update = new ExecuteTransactionUpdate("S", "D", lines, true, null);
        lines.set(0, "changed");
        assertThat(update.information()).containsExactly("a", "b");
        assertThatThrownBy(() -> update.information().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void signatureAliasIsNormalisedOnConstruction() {
        assertThat(new ExecuteTransactionAction("SIGNATURE", null).action()).isEqualTo("CUSTOMER_SIGNATURE");
        assertThat(new ExecuteTransactionAction("OTHER", null).action()).isEqualTo("OTHER");
    }

    @Test
    void buildersCopyEveryField() {
        P3Transaction transaction = P3Transaction.builder().identifier("i").status("APPROVED").captured(true)
                .cardDetails(new P3CardDetails("516815******9659", 12, 2027)).build();
        assertThat(transaction.toBuilder().build()).isEqualTo(transaction);
        assertThat(transaction.toBuilder().status("DECLINED").build().identifier()).isEqualTo("i");
        TransactionParameters parameters = TransactionParameters.builder().currency("EUR").type("CHARGE").build();
        assertThat(parameters.toBuilder().build()).isEqualTo(parameters);
    }
}
