package dev.hinge.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;

/** Opens a running service's server-sent event streams over HTTP as a client would: with a bearer token, resuming after a {@code Last-Event-ID}. */
public record EventStreamClient(WebTestClient http, int port) {
    public static final ParameterizedTypeReference<ServerSentEvent<JsonNode>> SSE = new ParameterizedTypeReference<>() {
    };

    /** The answer to opening {@code path}; {@code lastEventId} may be null (no header). */
    public WebTestClient.ResponseSpec open(String path, String token, String lastEventId) {
        return http.get().uri(path)
                .headers(h -> {
                    h.setBearerAuth(token);
                    if (lastEventId != null) {
                        h.set("Last-Event-ID", lastEventId);
                    }
                })
                .accept(MediaType.TEXT_EVENT_STREAM).exchange();
    }

    /** The stream's events that carry data (no heartbeats), once it opened with 200. */
    public Flux<ServerSentEvent<JsonNode>> items(String path, String token, String lastEventId) {
        return open(path, token, lastEventId).expectStatus().isOk().returnResult(SSE).getResponseBody()
                .filter(e -> e.data() != null);
    }

    /**
     * A stream held open until the returned handle is disposed. Returns once the service answered 200 (and so counts
     * the stream), so that a probe that follows cannot take a place before it.
     */
    public Disposable holdOpen(String path, String token) {
        return client().get().uri(path).headers(h -> h.setBearerAuth(token)).accept(MediaType.TEXT_EVENT_STREAM)
                .retrieve().toEntityFlux(SSE).block(Duration.ofSeconds(60)).getBody().subscribe();
    }

    /** The status of a stream opened and closed at once. */
    public int statusOfOpening(String path, String token) {
        return client().get().uri(path).headers(h -> h.setBearerAuth(token))
                .accept(MediaType.TEXT_EVENT_STREAM).retrieve().toEntityFlux(SSE)
                .map(entity -> {
                    entity.getBody().subscribe().dispose();
                    return entity.getStatusCode().value();
                })
                .onErrorResume(WebClientResponseException.class, e -> Mono.just(e.getStatusCode().value()))
                .block(Duration.ofSeconds(60));
    }

    private WebClient client() {
        return WebClient.create("http://127.0.0.1:" + port);
    }
}
