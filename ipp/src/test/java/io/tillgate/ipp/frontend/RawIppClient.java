package io.tillgate.ipp.frontend;

import io.tillgate.ipp.codec.IppCodec;
import io.tillgate.ipp.codec.IppRequest;
import io.tillgate.ipp.codec.IppResponse;
import io.tillgate.ipp.codec.IppStage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** A cash register in a test: blocking socket, whole frames, no driver logic. */
public final class RawIppClient implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    public RawIppClient(InetSocketAddress address) {
        try {
            socket = new Socket(address.getAddress(), address.getPort());
            socket.setSoTimeout(10_000);
            in = new DataInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void send(IppRequest request) {
        sendBytes(IppCodec.encode(request));
    }

    public void sendBytes(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public IppResponse read() {
        return IppCodec.decodeResponse(readFrame());
    }

    /** One whole frame as received; -1 length when the peer closed. */
    public byte[] readFrame() {
        try {
            int length = in.readUnsignedShort();
            byte[] frame = new byte[length];
            frame[0] = (byte) (length >>> 8);
            frame[1] = (byte) length;
            in.readFully(frame, 2, length - 2);
            return frame;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every reply up to and including the final one (STAGE 5, or a refusal at STAGE 1). */
    public List<IppResponse> readUntilFinal() {
        List<IppResponse> replies = new ArrayList<>();
        while (true) {
            IppResponse reply = read();
            replies.add(reply);
            if (reply.stage() == IppStage.OUTCOME || reply.stage() == IppStage.CHECK_REQUEST
                    && reply.status().code() != 0) {
                return replies;
            }
        }
    }

    public boolean closedByPeer() {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
