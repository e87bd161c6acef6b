package io.tillgate.p3.server;

import io.tillgate.p3.codec.P3Samples;
import java.util.List;
import java.util.stream.Stream;

/** The good P3 requests the damaged-traffic tests start from, for {@link P3TestGateway}'s merchant. */
final class RequestsToDamage {

    static final String LOGIN = "{\"type\":\"LOGIN_MERCHANT_REQUEST\",\"tag\":\"l1\",\"loginMerchantRequest\":"
            + "{\"providerMode\":\"TEST\",\"merchantIdentifier\":\"demo\",\"merchantSecret\":\"" + P3TestGateway.SECRET
            + "\"}}";

    /** The sample requests of p3.md, on the gateway's first reader. The third is a query. */
    static final List<String> AFTER_LOGIN = Stream.of(P3Samples.EXECUTE_WITH_TIP, P3Samples.REFUND, P3Samples.QUERY,
                    P3Samples.ABORT_REQUEST_107, P3Samples.SUBMIT_SIGNATURE_ON_RECEIPT)
            .map(sample -> P3Samples.compact(sample).replace("usbReader", "reader1"))
            .toList();

    private RequestsToDamage() {
    }
}
