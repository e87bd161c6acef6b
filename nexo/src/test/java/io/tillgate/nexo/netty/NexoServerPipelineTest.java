package io.tillgate.nexo.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.tillgate.nexo.codec.AbortRequest;
import io.tillgate.nexo.codec.NexoCodec;
import io.tillgate.nexo.codec.SaleToPOIRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server pipeline frames one HTTP request however TCP splits or merges it, and answers bad ones itself. */
@Timeout(20)
class NexoServerPipelineTest {

    /** docs/protocols/nexo.md §1.1's exact HTTP example. */
    private static final String ABORT_BODY = "<SaleToPOIRequest><MessageHeader MessageClass=\"Service\" "
            + "MessageCategory=\"Abort\" MessageType=\"Request\" ServiceID=\"101502\" SaleID=\"POS7\" "
            + "POIID=\"SHOP1-POS7\"/><AbortRequest><MessageReference MessageCategory=\"Payment\" ServiceID=\"101501\" "
            + "SaleID=\"POS7\" POIID=\"SHOP1-POS7\"/><AbortReason>Abort by Sale System</AbortReason></AbortRequest>"
            + "</SaleToPOIRequest>";

    private static String http(String path, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: 192.168.78.5:11000\r\nAccept: */*\r\n"
                + "Content-Type: application/xml; charset=utf-8\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private static final class Capture extends SimpleChannelInboundHandler<NexoInboundRequest> {
        final List<SaleToPOIRequest> requests = new ArrayList<>();

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, NexoInboundRequest msg) {
            requests.add(msg.message());
            ctx.writeAndFlush(new NexoHttpAnswer.NoContent(msg.keepAlive()));
        }
    }

    private static EmbeddedChannel server(Capture capture, int maxBytes) {
        EmbeddedChannel channel = new EmbeddedChannel();
        NexoServerPipeline.install(channel.pipeline(), new NexoCodec(maxBytes), Duration.ofMinutes(1), "test",
                capture);
        return channel;
    }

    @Test
    void theHttpExampleOfTheNotesSplitAtEveryByte() {
        assertThat(ABORT_BODY.getBytes(StandardCharsets.UTF_8)).hasSize(347);
        byte[] wire = http(NexoHttp.PATH, ABORT_BODY).getBytes(StandardCharsets.UTF_8);
        // One keep-alive connection carries the request once per split point.
        Capture capture = new Capture();
        EmbeddedChannel channel = server(capture, NexoCodec.DEFAULT_MAX_BYTES);
        for (int split = 1; split < wire.length; split++) {
            channel.writeInbound(Unpooled.wrappedBuffer(wire, 0, split));
            assertThat(capture.requests).as("split at %d", split).hasSize(split - 1);
            channel.writeInbound(Unpooled.wrappedBuffer(wire, split, wire.length - split));
            assertThat(capture.requests).as("split at %d", split).hasSize(split);
            assertThat(capture.requests.get(split - 1).body()).isInstanceOf(AbortRequest.class);
            assertThat(channel.outboundMessages()).hasSize(1);
            channel.releaseOutbound();
        }
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    @Test
    void twoRequestsInOneReadAreTwoMessages() {
        Capture capture = new Capture();
        EmbeddedChannel channel = server(capture, NexoCodec.DEFAULT_MAX_BYTES);
        String both = http(NexoHttp.PATH, ABORT_BODY) + http(NexoHttp.PATH, ABORT_BODY);
        channel.writeInbound(Unpooled.copiedBuffer(both, StandardCharsets.UTF_8));
        assertThat(capture.requests).hasSize(2);
        assertThat(channel.outboundMessages()).hasSize(2);
        channel.finishAndReleaseAll();
    }

    @Test
    void notWellFormedXmlIs400WithAShortReason() {
        FullHttpResponse response = exchange(http(NexoHttp.PATH, "<SaleToPOIRequest><MessageHeader"));
        assertThat(response.status().code()).isEqualTo(400);
        assertThat(response.content().toString(StandardCharsets.UTF_8)).startsWith("not well-formed XML");
        response.release();
    }

    @Test
    void invalidRequestIs200WithTheMatchingResponseNamingTheElement() {
        String body = "<SaleToPOIRequest><MessageHeader MessageClass=\"Service\" MessageCategory=\"Payment\" "
                + "MessageType=\"Request\" ServiceID=\"9\" SaleID=\"POS7\" POIID=\"SHOP1-POS7\"/><PaymentRequest>"
                + "<SaleData><SaleTransactionID TransactionID=\"A\" TimeStamp=\"t\"/></SaleData></PaymentRequest>"
                + "</SaleToPOIRequest>";
        FullHttpResponse response = exchange(http(NexoHttp.PATH, body));
        assertThat(response.status().code()).isEqualTo(200);
        String xml = response.content().toString(StandardCharsets.UTF_8);
        assertThat(xml).contains("<PaymentResponse><Response Result=\"Failure\" ErrorCondition=\"MessageFormat\">"
                + "<AdditionalResponse>invalid or missing PaymentRequest/PaymentTransaction</AdditionalResponse>");
        assertThat(xml).contains("MessageType=\"Response\"").contains("ServiceID=\"9\"");
        response.release();
    }

    @Test
    void wrongPathAndMethodAreRefused() {
        FullHttpResponse notFound = exchange(http("/other", ABORT_BODY));
        assertThat(notFound.status().code()).isEqualTo(404);
        notFound.release();
        FullHttpResponse wrongMethod = exchange("GET " + NexoHttp.PATH + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(wrongMethod.status().code()).isEqualTo(405);
        wrongMethod.release();
    }

    @Test
    void oversizeBodyIs413BeforeItIsBuffered() {
        String big = "<SaleToPOIRequest>" + "x".repeat(5000) + "</SaleToPOIRequest>";
        FullHttpResponse response = exchange(http(NexoHttp.PATH, big), 4096);
        assertThat(response.status().code()).isEqualTo(413);
        response.release();
    }

    private static FullHttpResponse exchange(String request) {
        return exchange(request, NexoCodec.DEFAULT_MAX_BYTES);
    }

    private static FullHttpResponse exchange(String request, int maxBytes) {
        EmbeddedChannel channel = server(new Capture(), maxBytes);
        channel.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.UTF_8));
        EmbeddedChannel client = new EmbeddedChannel(new HttpClientCodec(), new HttpObjectAggregator(1 << 20));
        // The client codec needs to have sent a request to parse a response.
        client.writeOutbound(new io.netty.handler.codec.http.DefaultFullHttpRequest(
                io.netty.handler.codec.http.HttpVersion.HTTP_1_1, io.netty.handler.codec.http.HttpMethod.POST, "/"));
        client.releaseOutbound();
        ByteBuf out;
        while ((out = channel.readOutbound()) != null) {
            client.writeInbound(out);
        }
        FullHttpResponse response = client.readInbound();
        channel.finishAndReleaseAll();
        client.finishAndReleaseAll();
        return response;
    }
}
