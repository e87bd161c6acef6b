package io.tillgate.nexo.netty;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.tillgate.nexo.codec.MessageHeader;
import io.tillgate.nexo.codec.NexoCodec;
import io.tillgate.nexo.codec.NexoDecodingException;
import io.tillgate.nexo.codec.NexoResponses;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an aggregated HTTP request into a {@link NexoInboundRequest}, answering everything that is
 * not one itself, so the handler behind it only sees valid requests.
 *
 * <p>One request is one HTTP/1.1 message, framed by Netty's {@code HttpServerCodec} and
 * {@code HttpObjectAggregator} (which enforces the maximum body size):
 * <pre>
 * +-------------------------------------------+
 * | POST /EPASSaleToPOI/3.1 HTTP/1.1 CRLF      |  request line (max 4096 bytes)
 * | Content-Type: application/xml; ... CRLF    |  headers (max 8192 bytes)
 * | Content-Length: N CRLF                     |
 * | CRLF                                       |
 * +-------------------------------------------+
 * | &lt;SaleToPOIRequest&gt;...                    |  N bytes of UTF-8 XML (N &lt;= max body)
 * +-------------------------------------------+
 * </pre>
 * Answers it gives itself (docs/protocols/nexo.md §11): 404 for another path, 405 for another method, 400 with
 * a short reason for XML that is not well-formed or has no usable MessageHeader, and 200 with the
 * matching response carrying {@code Failure}/{@code MessageFormat} for a well-formed request with a
 * wrong or missing element. HTTP that Netty's codec could not decode never reaches it: the
 * {@link HttpRequestGate} in front of the aggregator answers that.
 */
public final class NexoRequestDecoder extends MessageToMessageDecoder<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(NexoRequestDecoder.class);

    private final NexoCodec codec;
    private final String side;

    /**
     * @param codec decodes the body
     * @param side who serves here, for log lines ({@code nexo front-end}, {@code nexo POS listener})
     */
    public NexoRequestDecoder(NexoCodec codec, String side) {
        super(FullHttpRequest.class);
        this.codec = codec;
        this.side = side;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, FullHttpRequest request, List<Object> out) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (!NexoHttp.PATH.equals(new QueryStringDecoder(request.uri()).path())) {
            refuse(ctx, HttpResponseStatus.NOT_FOUND, "nexo requests go to " + NexoHttp.PATH, keepAlive);
            return;
        }
        if (!HttpMethod.POST.equals(request.method())) {
            refuse(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "nexo requests are POSTed", keepAlive);
            return;
        }
        try {
            out.add(new NexoInboundRequest(codec.decodeRequest(ByteBufUtil.getBytes(request.content())), keepAlive));
        } catch (NexoDecodingException e) {
            answerInvalid(ctx, e, keepAlive);
        }
    }

    private void answerInvalid(ChannelHandlerContext ctx, NexoDecodingException failure, boolean keepAlive) {
        MessageHeader header = failure.header().orElse(null);
        LOG.warn("{} {} refused a request from POI {} sale {}: {}", side, ctx.channel().remoteAddress(),
                header == null ? "?" : header.poiId(), header == null ? "?" : header.saleId(), failure.getMessage());
        if (failure.kind() == NexoDecodingException.Kind.TOO_LARGE) {
            refuse(ctx, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, failure.getMessage(), false);
            return;
        }
        if (failure.kind() == NexoDecodingException.Kind.INVALID && header != null) {
            var answer = NexoResponses.messageFormat(header, failure.element());
            if (answer.isPresent()) {
                ctx.writeAndFlush(new NexoHttpAnswer.Document(answer.get(), keepAlive));
                return;
            }
        }
        refuse(ctx, HttpResponseStatus.BAD_REQUEST, failure.getMessage(), keepAlive);
    }

    private static void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, String reason,
            boolean keepAlive) {
        ctx.writeAndFlush(new NexoHttpAnswer.Refusal(status, reason, keepAlive));
    }
}
