package io.tillgate.nexo.codec;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tillgate.testkit.DecoderContract;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of {@link NexoReceipt#from}: the base64 JSON a PaymentReceipt's
 * OutputText carries (docs/protocols/nexo.md §5.2). The fuzzed bytes are the receipt JSON, base64-encoded here so
 * the fuzzer works on the JSON; with a fuzzed flag they go in as the OutputText as they are, to
 * reach the base64 checks.
 *
 * <p>Contract: any OutputText reads to a {@link NexoReceipt} or is refused with a
 * {@link NexoDecodingException}, within the timeout; a receipt that reads writes back, with
 * {@link NexoReceipt#toPaymentReceipt}, to a PaymentReceipt that reads to an equal receipt.
 */
class NexoReceiptFuzzTest {

    @FuzzTest
    @DictionaryFile(resourcePath = "nexo-receipt.dict")
    @Timeout(5)
    void receipt(FuzzedDataProvider data) {
        DocumentQualifier qualifier = data.pickValue(DocumentQualifier.values());
        boolean raw = data.consumeBoolean();
        byte[] content = data.consumeRemainingAsBytes();
        String text = raw ? new String(content, StandardCharsets.ISO_8859_1) : Base64.getEncoder().encodeToString(content);
        PaymentReceipt element = new PaymentReceipt(qualifier, null, null,
                new OutputContent("Text", null, List.of(new OutputText(null, null, null, text))));

        DecoderContract.valueOrDeclared(() -> NexoReceipt.from(element), NexoDecodingException.class)
                .ifPresent(receipt -> DecoderContract.roundTrips(receipt, NexoReceipt::toPaymentReceipt,
                        NexoReceipt::from));
    }
}
