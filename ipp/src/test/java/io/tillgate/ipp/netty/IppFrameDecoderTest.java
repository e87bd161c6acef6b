package io.tillgate.ipp.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.tillgate.ipp.codec.IppCodec;
import io.tillgate.ipp.codec.IppMethod;
import io.tillgate.ipp.codec.IppNames;
import io.tillgate.ipp.codec.IppRequest;
import io.tillgate.ipp.codec.IppResponse;
import io.tillgate.ipp.codec.IppStage;
import io.tillgate.ipp.codec.IppStatus;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Framing over a byte stream: frames split at every byte and merged, oversize and broken headers. */
class IppFrameDecoderTest {

    private static final byte[] PURCHASE = IppCodec.encode(new IppRequest(IppRequest.start(IppMethod.PURCHASE, 200,
            "11111111-2222-3333-4444-555555555555").text(IppNames.AMOUNT, "12.50").text(IppNames.CURRENCY, "978")
            .build()));
    /** A relay reply whose DATA holds CR LF and bytes that look like a header. */
    private static final byte[] RELAY = IppCodec.encode(new IppRequest(IppRequest.start(IppMethod.PURCHASE, 200, "s2")
            .text(IppNames.STATUS, "0").text(IppNames.STAGE, "4")
            .bytes(IppNames.DATA, HexFormat.of().parseHex("000600670d0a0a0d")).build()));

    @Test
    void twoFramesSplitAtEveryBytePositionComeOutWhole() {
        byte[] stream = concat(PURCHASE, RELAY);
        for (int split = 0; split <= stream.length; split++) {
            EmbeddedChannel channel = new EmbeddedChannel(new IppFrameDecoder(), IppMessageCodec.terminalSide());
            channel.writeInbound(Unpooled.wrappedBuffer(stream, 0, split));
            channel.writeInbound(Unpooled.wrappedBuffer(stream, split, stream.length - split));

            List<Object> out = drain(channel);
            assertThat(out).as("split at %d", split).hasSize(2);
            assertThat(IppCodec.encode((IppRequest) out.get(0))).isEqualTo(PURCHASE);
            assertThat(IppCodec.encode((IppRequest) out.get(1))).isEqualTo(RELAY);
            assertThat(channel.finish()).isFalse();
        }
    }

    @Test
    void byteByByteFeedingYieldsTheSameFrames() {
        byte[] stream = concat(PURCHASE, RELAY, PURCHASE);
        EmbeddedChannel channel = new EmbeddedChannel(new IppFrameDecoder());
        for (byte b : stream) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }
        List<Object> frames = drain(channel);
        assertThat(frames).hasSize(3);
        List<byte[]> bytes = new ArrayList<>();
        for (Object frame : frames) {
            bytes.add(ByteBufUtil.getBytes((ByteBuf) frame));
            ((ByteBuf) frame).release();
        }
        assertThat(bytes).containsExactly(PURCHASE, RELAY, PURCHASE);
    }

    @Test
    void aFrameOverTheMaximumFailsAtItsHeaderAndTheRestIsDiscarded() {
        EmbeddedChannel channel = new EmbeddedChannel(new IppFrameDecoder(100));
        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x00, (byte) 0xB0, 'P'})))
                .isInstanceOf(TooLongFrameException.class)
                .hasMessage("IPP frame of 176 bytes exceeds the maximum of 100");
        channel.writeInbound(Unpooled.wrappedBuffer(PURCHASE));
        assertThat(channel.inboundMessages()).isEmpty();
        channel.finishAndReleaseAll();
    }

    @Test
    void aHeaderBelowThreeIsCorrupt() {
        EmbeddedChannel channel = new EmbeddedChannel(new IppFrameDecoder());
        assertThatThrownBy(() -> channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {0x00, 0x02})))
                .isInstanceOf(CorruptedFrameException.class).hasMessageContaining("below 3");
        channel.finishAndReleaseAll();
    }

    @Test
    void anUndecodableFrameBecomesADecodeFailureAndTheNextFrameStillDecodes() {
        byte[] broken = PURCHASE.clone();
        broken[4] = 'X'; // PROTOCOL → PXOTOCOL
        EmbeddedChannel channel = new EmbeddedChannel(new IppFrameDecoder(), IppMessageCodec.terminalSide());
        channel.writeInbound(Unpooled.wrappedBuffer(concat(broken, PURCHASE)));

        IppDecodeFailure failure = channel.readInbound();
        assertThat(failure.cause().property()).isEqualTo("PROTOCOL");
        assertThat(failure.cause().answer()).isEqualTo(IppStatus.SYNTAX_ERROR);
        assertThat(failure.sid()).isEqualTo("11111111-2222-3333-4444-555555555555");
        assertThat(failure.method()).isEqualTo("PURCHASE");
        Object next = channel.readInbound();
        assertThat(next).isInstanceOf(IppRequest.class);
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void theCallerSideWritesRequestsAndReadsResponses() {
        EmbeddedChannel channel = new EmbeddedChannel(new IppFrameDecoder(), IppMessageCodec.callerSide());
        IppRequest ping = new IppRequest(IppRequest.start(IppMethod.PING, 202, "p1").build());
        channel.writeOutbound(ping);
        ByteBuf written = channel.readOutbound();
        assertThat(ByteBufUtil.getBytes(written)).isEqualTo(IppCodec.encode(ping));
        written.release();

        IppResponse stage1 = new IppResponse(IppResponse.start(IppMethod.PING, 202, "p1", IppStage.CHECK_REQUEST,
                IppStatus.OK).text(IppNames.TIMEOUT, "60").build());
        channel.writeInbound(Unpooled.wrappedBuffer(IppCodec.encode(stage1)));
        Object decoded = channel.readInbound();
        assertThat(decoded).isEqualTo(stage1);
        assertThat(channel.finish()).isFalse();
    }

    private static List<Object> drain(EmbeddedChannel channel) {
        List<Object> out = new ArrayList<>();
        Object message;
        while ((message = channel.readInbound()) != null) {
            out.add(message);
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int pos = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, pos, part.length);
            pos += part.length;
        }
        return out;
    }
}
