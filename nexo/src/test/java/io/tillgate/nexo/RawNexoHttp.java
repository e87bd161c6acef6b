package io.tillgate.nexo;

import io.tillgate.nexo.codec.NexoCodec;
import io.tillgate.nexo.codec.NexoDecodingException;
import io.tillgate.nexo.netty.NexoHttp;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** nexo over HTTP as bytes, for tests that damage what they send and judge what comes back. */
public final class RawNexoHttp {

    private static final NexoCodec CODEC = new NexoCodec();

    private RawNexoHttp() {
    }

    /** A POST of {@code body} to the nexo path, on a connection closed after the answer. */
    public static byte[] post(byte[] body) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("POST " + NexoHttp.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                + NexoHttp.CONTENT_TYPE + "\r\nConnection: close\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(body);
        return request.toByteArray();
    }

    /** 200 with a document the codec reads, 204 (nothing to say), or a client error. */
    public static boolean isNexoAnswerOrClientError(byte[] answer) {
        String text = new String(answer, StandardCharsets.UTF_8);
        if (text.startsWith("HTTP/1.1 204 ") || text.matches("(?s)HTTP/1\\.1 4\\d\\d .*")) {
            return true;
        }
        int body = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 200 ") || body < 0) {
            return false;
        }
        try {
            CODEC.decodeResponse(text.substring(body + 4).getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (NexoDecodingException e) {
            return false;
        }
    }

    /** Any status but a server error (5xx). */
    public static boolean isNotAServerError(byte[] answer) {
        return new String(answer, StandardCharsets.ISO_8859_1).matches("(?s)HTTP/1\\.1 [1-4]\\d\\d .*");
    }
}
