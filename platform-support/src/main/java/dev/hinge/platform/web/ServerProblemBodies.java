package dev.hinge.platform.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Gives the answers the server writes on its own, before any route runs, an RFC 9457 body: reactor-netty answers a
 * request its HTTP decoder refuses (a request line over the limit: 414, headers over the limit: 431, anything else
 * malformed: 400) with an empty {@code FullHttpResponse}. Every answer of the application carries a problem body
 * already, so an empty one with these statuses can only come from the server. The status and the closing of the
 * connection stay as reactor-netty decided.
 */
final class ServerProblemBodies extends ChannelOutboundHandlerAdapter {
    static final String NAME = "hinge.serverProblemBodies";

    private static final Map<Integer, String> DETAILS = Map.of(
            400, "The request is not valid HTTP",
            413, "The request is larger than this service accepts",
            414, "The request line (method and address) is longer than this service accepts",
            431, "The request's headers are larger than this service accepts");

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) throws Exception {
        if (message instanceof FullHttpResponse response && response.content().readableBytes() == 0
                && DETAILS.containsKey(response.status().code())) {
            HttpResponseStatus status = response.status();
            ByteBuf body = Unpooled.copiedBuffer(json(status), StandardCharsets.UTF_8);
            FullHttpResponse withBody = response.replace(body);
            response.release();
            withBody.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
            super.write(ctx, withBody, promise);
            return;
        }
        super.write(ctx, message, promise);
    }

    private static String json(HttpResponseStatus status) {
        return "{\"type\":\"urn:hinge:problem:http-" + status.code() + "\",\"title\":\"" + status.reasonPhrase()
                + "\",\"status\":" + status.code() + ",\"detail\":\"" + DETAILS.get(status.code()) + "\"}";
    }
}
