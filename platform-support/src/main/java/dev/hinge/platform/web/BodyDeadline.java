package dev.hinge.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * How long a request's body may take in all, per kind of request: {@code hinge.server.request-timeout} (30 s) for
 * every body, but {@code hinge.videos.upload-timeout} (1 h) for a multipart upload, which is the only way a video's
 * hundreds of megabytes arrive (from a phone on a gym's network: 500 MB at 2 Mbit/s is 35 minutes). Netty's own request
 * timeout is set to the longer of the two ({@link ServerConnections}); this cuts the others short. A client that stops
 * sending is still let go after {@code hinge.server.read-timeout} whatever it sends.
 */
@Component
public class BodyDeadline implements WebFilter, Ordered {
    private final Duration requestTimeout;
    private final Duration uploadTimeout;

    public BodyDeadline(@Value("${hinge.server.request-timeout}") Duration requestTimeout,
                        @Value("${hinge.videos.upload-timeout}") Duration uploadTimeout) {
        this.requestTimeout = requestTimeout;
        this.uploadTimeout = uploadTimeout;
    }

    /** What Netty is told: the longest any body may take. */
    public static Duration longest(Duration requestTimeout, Duration uploadTimeout) {
        return requestTimeout.compareTo(uploadTimeout) >= 0 ? requestTimeout : uploadTimeout;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        boolean upload = type != null && MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type);
        Duration deadline = upload ? uploadTimeout : requestTimeout;
        if (deadline.equals(longest(requestTimeout, uploadTimeout))) {
            return chain.filter(exchange); // Netty's own timeout is this one
        }
        Mono<DataBuffer> late = Mono.delay(deadline).then(Mono.error(
                () -> new BodyDeadlineException("The request's body took longer than " + deadline.toSeconds() + " s")));
        return chain.filter(exchange.mutate().request(new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().takeUntilOther(late);
            }
        }).build());
    }

    /** A body that did not arrive in time: a 408, and nothing recorded. */
    public static class BodyDeadlineException extends RuntimeException {
        BodyDeadlineException(String message) {
            super(message, null, false, false);
        }
    }
}
