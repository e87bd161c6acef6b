package io.tillgate.ipp.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import io.tillgate.ipp.codec.IppCodec;
import io.tillgate.ipp.codec.IppDecodingException;
import io.tillgate.ipp.codec.IppMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Whole frames from {@link IppFrameDecoder} ⇄ {@link IppMessage}s, for one side of the link.
 *
 * <pre>
 *  inbound:  | 00 B0 | PROTOCOL=IPP\r\nMETHOD=PURCHASE\r\n... |  --->  IppRequest (terminal side)
 *                                                                      IppResponse (caller side)
 *  outbound: IppMessage  --->  | total length (uint16 BE, header included) | PROTOCOL=IPP\r\n ... |
 * </pre>
 *
 * <p>The terminal side reads {@code IppRequest}s, the caller side {@code IppResponse}s: the two
 * differ in what DATA's length prefix counts (docs/protocols/ipp.md §9). A frame that does not decode becomes an
 * {@link IppDecodeFailure} message; the framing is intact, so the connection stays usable.
 */
public final class IppMessageCodec extends MessageToMessageCodec<ByteBuf, IppMessage> {

    private final boolean readsResponses;

    private IppMessageCodec(boolean readsResponses) {
        this.readsResponses = readsResponses;
    }

    /** For the terminal (front-end) side: reads requests, writes responses. */
    public static IppMessageCodec terminalSide() {
        return new IppMessageCodec(false);
    }

    /** For the caller (driver) side: reads responses, writes requests. */
    public static IppMessageCodec callerSide() {
        return new IppMessageCodec(true);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, IppMessage message, List<Object> out) {
        out.add(Unpooled.wrappedBuffer(IppCodec.encode(message)));
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        byte[] bytes = ByteBufUtil.getBytes(frame);
        try {
            out.add(IppCodec.decode(bytes, readsResponses));
        } catch (IppDecodingException e) {
            out.add(new IppDecodeFailure(e, scan(bytes, "\r\nMETHOD="), scan(bytes, "\r\nSID=")));
        }
    }

    /** Best effort: the ASCII value of a line in a frame that failed to decode, for the answer. */
    private static String scan(byte[] frame, String prefix) {
        String text = new String(frame, StandardCharsets.ISO_8859_1);
        int start = text.indexOf(prefix);
        if (start < 0) {
            return null;
        }
        start += prefix.length();
        int end = text.indexOf('\r', start);
        if (end < 0 || end - start > 127) {
            return null;
        }
        String value = text.substring(start, end);
        return value.isEmpty() || !value.chars().allMatch(c -> c > 0x20 && c < 0x7F) ? null : value;
    }
}
