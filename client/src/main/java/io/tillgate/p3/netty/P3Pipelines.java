package io.tillgate.p3.netty;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;

/**
 * Adds the P3 codec handlers to a pipeline, so the server and the client decode and encode
 * through identical handlers under the same names. After these, the application handler sees
 * {@link io.tillgate.p3.codec.P3Message} and {@link P3DecodeFailure} inbound and writes
 * {@link io.tillgate.p3.codec.P3Message}.
 */
public final class P3Pipelines {

    public static final String FRAME_DECODER = "p3FrameDecoder";
    public static final String FRAME_ENCODER = "p3FrameEncoder";
    public static final String MESSAGE_CODEC = "p3MessageCodec";
    public static final String WEBSOCKET_AGGREGATOR = "p3WebSocketAggregator";
    public static final String WEBSOCKET_CODEC = "p3WebSocketCodec";

    private static final P3MessageCodec MESSAGE_CODEC_INSTANCE = new P3MessageCodec();
    private static final P3WebSocketCodec WEBSOCKET_CODEC_INSTANCE = new P3WebSocketCodec();

    private P3Pipelines() {
    }

    /** Framed TCP with the default 1 MiB limit. */
    public static ChannelPipeline addTcpCodec(ChannelPipeline pipeline) {
        return addTcpCodec(pipeline, P3FrameDecoder.DEFAULT_MAX_FRAME_LENGTH);
    }

    /**
     * Appends the framed-TCP handlers: frame decoder, frame encoder, message codec.
     *
     * @param maxFrameLength largest payload in bytes, enforced on reads and writes
     */
    public static ChannelPipeline addTcpCodec(ChannelPipeline pipeline, int maxFrameLength) {
        return pipeline
                .addLast(FRAME_DECODER, new P3FrameDecoder(maxFrameLength))
                .addLast(FRAME_ENCODER, new P3FrameEncoder(maxFrameLength))
                .addLast(MESSAGE_CODEC, MESSAGE_CODEC_INSTANCE);
    }

    /**
     * Appends the WebSocket message handlers after the WebSocket protocol handler (server or
     * client): a continuation-frame aggregator limited to {@code maxMessageLength}, then the codec.
     */
    public static ChannelPipeline addWebSocketCodec(ChannelPipeline pipeline, int maxMessageLength) {
        return pipeline
                .addLast(WEBSOCKET_AGGREGATOR, new WebSocketFrameAggregator(maxMessageLength))
                .addLast(WEBSOCKET_CODEC, WEBSOCKET_CODEC_INSTANCE);
    }
}
