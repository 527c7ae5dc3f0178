package dev.hinge.athlete.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import dev.hinge.kernel.account.Role;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.coaching.CueAssignedEvent;
import dev.hinge.kernel.coaching.CueId;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.platform.security.Tokens;
import dev.hinge.platform.test.EventStreamClient;
import dev.hinge.platform.test.FreshPostgres;
import dev.hinge.readside.timeline.TimelineStreams;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import javax.crypto.SecretKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The athlete's live timeline ({@code GET /api/v1/me/timeline/stream}): one page first, a reconnect resumes from
 * {@code Last-Event-ID}, the stream ends with its token, and a user has at most five open. How a stream drops a
 * subscriber that falls behind is the read side's test ({@code TimelineStreamsTest}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshPostgres.class)
class TimelineStreamTest {
    private static final String STREAM = "/api/v1/me/timeline/stream";

    @LocalServerPort
    int port;
    @Autowired
    WebTestClient http;
    @Autowired
    EventStore eventStore;
    @Autowired
    SecretKey jwtKey;

    EventStreamClient sse;

    @BeforeEach
    void patientClient() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
        sse = new EventStreamClient(http, port);
    }

    @Test
    void aStreamStartsWithTheLatestPageNotTheWholeTimeline() {
        AthleteApi athlete = AthleteApi.register(http, "Long Timeline");
        Instant start = Instant.parse("2026-09-01T18:00:00Z");
        List<EventMessage<?>> cues = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            cues.add(new GenericDomainEventMessage<>("CoachingRelationship", UUID.randomUUID().toString(), 0,
                    new CueAssignedEvent(new AthleteId(athlete.id()), new CoachId(UUID.randomUUID()),
                            new CueId(UUID.randomUUID()), "cue " + i, Exercise.DEADLIFT, null, null, null,
                            start.plus(i, ChronoUnit.HOURS))));
        }
        eventStore.publish(cues);
        await().untilAsserted(() -> assertThat(athlete.get("/api/v1/me/timeline?limit=100").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("items")).hasSize(55));

        List<String> texts = new ArrayList<>();
        StepVerifier.create(items(athlete.token(), null).take(51))
                .recordWith(ArrayList::new)
                .expectNextCount(50)
                .consumeRecordedWith(page -> page.forEach(e -> texts.add(e.data().get("data").get("text").asText())))
                .then(() -> athlete.logSet(set("2026-10-01T18:00:00Z", 200)))
                .assertNext(e -> assertThat(e.event()).isEqualTo("set_logged"))
                .verifyComplete();
        assertThat(texts).hasSize(50);
        assertThat(texts.get(0)).isEqualTo("cue 5");
        assertThat(texts.get(49)).isEqualTo("cue 54");
    }

    @Test
    void aReconnectWithLastEventIdGetsWhatWasRecordedSinceInOrder() {
        AthleteApi athlete = AthleteApi.register(http, "Reconnecting");
        athlete.logSet(set("2026-10-01T18:00:00Z", 200));
        await().untilAsserted(() -> assertThat(athlete.timeline("").get("items")).hasSize(1));
        ServerSentEvent<JsonNode> first = items(athlete.token(), null).blockFirst(Duration.ofSeconds(60));
        assertThat(first.data().get("data").get("load").get("value").asInt()).isEqualTo(200);

        // while the phone is away: two sets, the second performed earlier than the first
        athlete.logSet(set("2026-10-03T18:00:00Z", 210));
        athlete.logSet(set("2026-10-02T18:00:00Z", 205));
        await().untilAsserted(() -> assertThat(athlete.timeline("").get("items")).hasSize(3));

        StepVerifier.create(items(athlete.token(), first.id()).take(2).map(e -> e.data().get("data").get("load").get("value").asInt()))
                .expectNext(210, 205)
                .verifyComplete();
        // an id this timeline never gave out starts with the page
        StepVerifier.create(items(athlete.token(), "not-an-id").take(3).map(e -> e.data().get("data").get("load").get("value").asInt()))
                .expectNext(200, 205, 210)
                .verifyComplete();
    }

    @Test
    void theStreamEndsWhenItsTokenExpires() {
        AthleteApi athlete = AthleteApi.register(http, "Expiring");
        String shortLived = new Tokens(new NimbusJwtEncoder(new ImmutableSecret<>(jwtKey)), Duration.ofSeconds(3),
                Clock.systemUTC()).issue(athlete.id(), Role.ATHLETE, 0).token();

        StepVerifier.create(items(shortLived, null))
                .assertNext(e -> assertThat(e.event()).isEqualTo(TimelineStreams.TOKEN_EXPIRED))
                .expectComplete()
                .verify(Duration.ofSeconds(60));
    }

    @Test
    void aUserHasAtMostFiveStreamsOpenBeyondThatA429WithRetryAfter() {
        AthleteApi athlete = AthleteApi.register(http, "Many Tabs");
        List<Disposable> open = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            open.add(sse.holdOpen(STREAM, athlete.token()));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(sse.statusOfOpening(STREAM, athlete.token())).isEqualTo(429));

        sse.open(STREAM, athlete.token(), null).expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, v -> assertThat(Integer.parseInt(v)).isPositive());

        open.remove(0).dispose();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(sse.statusOfOpening(STREAM, athlete.token())).isEqualTo(200));
        open.forEach(Disposable::dispose);
    }

    private Flux<ServerSentEvent<JsonNode>> items(String token, String lastEventId) {
        return sse.items(STREAM, token, lastEventId);
    }

    private static String set(String performedAt, int pounds) {
        return "{\"exercise\":\"deadlift\",\"load\":{\"value\":" + pounds + ",\"unit\":\"lb\"},\"reps\":5,"
                + "\"performedAt\":\"" + performedAt + "\",\"pain\":{\"score\":0,\"quality\":\"none\"}}";
    }
}
