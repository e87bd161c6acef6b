package io.tillgate.concert.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * A stand-in for a real (misbehaving) Concert terminal on a bare server socket: takes one request,
 * which the Tillgate driver always ends with its {@code BA} item, and answers with a script.
 */
final class ScriptedTerminal implements AutoCloseable {

    /** What to do once the request is in. */
    enum Ending {
        /** Write the answer, then close, as the terminals of docs/protocols/concert.md §1 do. */
        ANSWER_AND_CLOSE,
        /** Write the answer and keep the connection open, as the akretion emulator does. */
        ANSWER_AND_STAY,
        /** Close without writing anything. */
        CLOSE
    }

    private final ServerSocket server;
    private final CompletableFuture<String> request = new CompletableFuture<>();
    private final Thread thread;

    ScriptedTerminal(String answer, Ending ending) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> serve(answer, ending), "scripted-concert-terminal");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** The request the driver sent. */
    CompletableFuture<String> request() {
        return request;
    }

    private void serve(String answer, Ending ending) {
        try (Socket socket = server.accept()) {
            socket.setSoTimeout(10_000);
            request.complete(readRequest(socket.getInputStream()));
            if (ending != Ending.CLOSE) {
                socket.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1)); // any byte, as sent
                socket.getOutputStream().flush();
            }
            if (ending == Ending.ANSWER_AND_STAY) {
                // Hold the connection until the driver closes it.
                while (socket.getInputStream().read() >= 0) {
                    continue;
                }
            }
        } catch (IOException e) {
            request.completeExceptionally(e);
        }
    }

    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the driver closed before its request was whole");
            }
            received.write(b);
            String text = received.toString(StandardCharsets.US_ASCII);
            int ba = text.lastIndexOf("BA001");
            if (ba >= 0 && text.length() == ba + 6) {
                return text;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        thread.interrupt();
    }
}
