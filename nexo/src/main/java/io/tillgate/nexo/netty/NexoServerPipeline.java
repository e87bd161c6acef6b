package io.tillgate.nexo.netty;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.tillgate.nexo.codec.NexoCodec;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The handlers every nexo HTTP server (terminal front-end, POS listener) puts in front of its own. */
public final class NexoServerPipeline {

    private NexoServerPipeline() {
    }

    /**
     * @param idleTimeout a connection that sends nothing for this long is closed
     * @param side who serves, for log lines
     * @param handler the last handler, receiving {@link NexoInboundRequest}s
     */
    public static void install(ChannelPipeline pipeline, NexoCodec codec, Duration idleTimeout, String side,
            ChannelHandler handler) {
        install(pipeline, codec, idleTimeout, side, null, handler);
    }

    /** @param firstRequest the transport's first-request deadline, behind the aggregator; or {@code null} */
    public static void install(ChannelPipeline pipeline, NexoCodec codec, Duration idleTimeout, String side,
            ChannelHandler firstRequest, ChannelHandler handler) {
        pipeline.addLast("read-timeout", new ReadTimeoutHandler(idleTimeout.toMillis(), TimeUnit.MILLISECONDS));
        pipeline.addLast("http", new HttpServerCodec(NexoHttp.MAX_INITIAL_LINE, NexoHttp.MAX_HEADER_SIZE, 8192));
        // Ahead of the gate, so that the gate's own refusal is encoded too.
        pipeline.addLast("nexo-answer", new NexoAnswerEncoder(codec));
        pipeline.addLast("gate", new HttpRequestGate(side));
        pipeline.addLast("continue", new HttpServerExpectContinueHandler());
        pipeline.addLast("aggregator", new HttpObjectAggregator(codec.maxBytes(), true));
        if (firstRequest != null) {
            pipeline.addLast("first-request", firstRequest);
        }
        pipeline.addLast("nexo-request", new NexoRequestDecoder(codec, side));
        pipeline.addLast("nexo-handler", handler);
    }
}
