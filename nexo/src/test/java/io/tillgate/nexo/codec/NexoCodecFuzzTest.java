package io.tillgate.nexo.codec;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tillgate.testkit.DecoderContract;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of {@link NexoCodec}, one harness per direction.
 *
 * <p>Contract: any bytes decode to a {@link SaleToPOIRequest} (or {@link SaleToPOIResponse}) or
 * are refused with a {@link NexoDecodingException}, within the timeout, whatever their size (the
 * codec's limit is checked first), nesting or DOCTYPE; a document that decodes encodes to XML
 * that decodes to an equal document. A refused request that names its header is answerable: the
 * MessageFormat failure the terminal builds from that header is a response the POS decodes.
 */
class NexoCodecFuzzTest {

    private final NexoCodec codec = new NexoCodec();

    @FuzzTest
    @DictionaryFile(resourcePath = "nexo.dict")
    @Timeout(5)
    void requests(byte[] xml) {
        // The terminal answers a refusal that names a header with a MessageFormat failure echoing it.
        DecoderContract.valueOrDeclared(() -> codec.decodeRequest(xml), NexoDecodingException.class,
                refused -> refused.header().flatMap(header -> NexoResponses.messageFormat(header, refused.element()))
                        .ifPresent(answer -> DecoderContract.roundTrips(answer, codec::encode, codec::decodeResponse)))
                .ifPresent(request -> DecoderContract.roundTrips(request, codec::encode, codec::decodeRequest));
    }

    @FuzzTest
    @DictionaryFile(resourcePath = "nexo.dict")
    @Timeout(5)
    void responses(byte[] xml) {
        DecoderContract.valueOrDeclared(() -> codec.decodeResponse(xml), NexoDecodingException.class)
                .ifPresent(response -> DecoderContract.roundTrips(response, codec::encode, codec::decodeResponse));
    }
}
