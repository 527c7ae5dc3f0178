package dev.hinge.platform.web;

import io.netty.channel.ChannelPipeline;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

import java.time.Duration;

/**
 * How long the server waits for a client, and what it answers a request it cannot even read:
 * <ul>
 * <li>{@code server.netty.idle-timeout}: a connection with no request in progress (kept alive, or with half a
 * request line or half the headers sent) is closed after this long without a byte;</li>
 * <li>{@code hinge.server.read-timeout}: while a request's body is being read, the longest pause between two reads;</li>
 * <li>{@code hinge.server.request-timeout}: the longest a request's body may take in all, but for a video upload:
 * {@code hinge.videos.upload-timeout} ({@link BodyDeadline}).</li>
 * </ul>
 * None of them limits a response: a timeline stream (SSE) is a long response to a request that was read in full, so
 * it runs for as long as the client stays. Requests the HTTP decoder refuses (400, 414, 431) are answered with a
 * problem body ({@link ServerProblemBodies}) instead of Netty's empty one.
 */
@Configuration(proxyBeanMethods = false)
public class ServerConnections {

    @Bean
    NettyServerCustomizer requestTimeoutsAndProblemBodies(@Value("${hinge.server.read-timeout}") Duration readTimeout,
                                                          @Value("${hinge.server.request-timeout}") Duration requestTimeout,
                                                          @Value("${hinge.videos.upload-timeout}") Duration uploadTimeout) {
        return server -> server
                .readTimeout(readTimeout)
                .requestTimeout(BodyDeadline.longest(requestTimeout, uploadTimeout))
                .doOnChannelInit((observer, channel, remoteAddress) -> {
                    ChannelPipeline pipeline = channel.pipeline();
                    if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                        pipeline.addAfter(NettyPipeline.HttpCodec, ServerProblemBodies.NAME, new ServerProblemBodies());
                    }
                });
    }
}
