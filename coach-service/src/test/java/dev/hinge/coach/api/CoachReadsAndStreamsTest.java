package dev.hinge.coach.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import dev.hinge.kernel.account.Role;
import dev.hinge.kernel.coaching.CueAssignedEvent;
import dev.hinge.kernel.coaching.CueId;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.pain.PainReport;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.Load;
import dev.hinge.platform.security.Tokens;
import dev.hinge.platform.test.EventStreamClient;
import dev.hinge.platform.test.FreshPostgres;
import dev.hinge.readside.timeline.TimelineStreams;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
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
 * The coach's reads that must not grow with history (progress and roster from the kept state) and the coach's live
 * timeline of an athlete ({@code GET /api/v1/athletes/{id}/timeline/stream}): one page first, resumed from
 * {@code Last-Event-ID}, ended with its token, five per coach.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshPostgres.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoachReadsAndStreamsTest {
    private static final Instant DAY_1 = Instant.parse("2024-10-01T18:00:00Z");
    private static final Instant DAY_4 = Instant.parse("2024-10-04T18:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    WebTestClient http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    SecretKey jwtKey;

    AthleteSide athletes;
    EventStreamClient sse;

    @BeforeAll
    void athletesSide() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
        athletes = new AthleteSide(eventStore);
        sse = new EventStreamClient(http, port);
    }

    @Test
    void progressAndTheRosterReadTheKeptStateNotTheAthletesHistory() {
        CoachApi coach = CoachApi.register(http, "State reader");
        AthleteId lifter = athletes.registers("Kept");
        athletes.grants(lifter, coach);
        athletes.logsSet(lifter, "deadlift", Load.lb(285), PainReport.NONE, DAY_1);
        athletes.logsSet(lifter, "deadlift", Load.lb(295), PainReport.NONE, DAY_4);
        await().untilAsserted(() -> coach.get("/api/v1/athletes/" + lifter + "/progress?exercise=deadlift")
                .expectStatus().isOk().expectBody().jsonPath("$.bestPainFreeLoad").isEqualTo(295));

        // the events the fold reads, gone: a read that folded them per request would now see nothing
        jdbc.sql("delete from coach_progress_event where athlete_id = ?").params(lifter.value()).update();

        coach.get("/api/v1/athletes/" + lifter + "/progress?exercise=deadlift").expectStatus().isOk().expectBody()
                .jsonPath("$.bestPainFreeLoad").isEqualTo(295)
                .jsonPath("$.suggestion.action").isEqualTo("increase")
                .jsonPath("$.e1rmTrend.length()").isEqualTo(2);
        coach.get("/api/v1/me/athletes").expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].status").isEqualTo("progressing")
                .jsonPath("$.items[0].progress.bestPainFreeLoad").isEqualTo(295);
    }

    @Test
    void aStreamStartsWithTheLatestPageAndAReconnectGetsWhatWasRecordedSince() {
        CoachApi coach = CoachApi.register(http, "Page reader");
        AthleteId lifter = athletes.registers("Paged");
        athletes.grants(lifter, coach);
        List<EventMessage<?>> cues = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            cues.add(new GenericDomainEventMessage<>("CoachingRelationship", UUID.randomUUID().toString(), 0,
                    new CueAssignedEvent(lifter, new CoachId(coach.id()), new CueId(UUID.randomUUID()), "cue " + i,
                            Exercise.DEADLIFT, null, null, null, DAY_1.plus(i, ChronoUnit.HOURS))));
        }
        eventStore.publish(cues);
        await().untilAsserted(() -> assertThat(coach.get("/api/v1/athletes/" + lifter + "/timeline?limit=100")
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("items"))
                .hasSize(56));

        List<ServerSentEvent<JsonNode>> page = items(coach.token(), lifter, null).take(50).collectList()
                .block(Duration.ofSeconds(60));
        // the latest 50 of 56 by time: cues 6 to 54, then the grant (given now)
        assertThat(page.get(0).data().get("data").get("text").asText()).isEqualTo("cue 6");
        assertThat(page.get(48).data().get("data").get("text").asText()).isEqualTo("cue 54");
        assertThat(page.get(49).data().get("type").asText()).isEqualTo("coach_access_granted");

        athletes.logsSet(lifter, "deadlift", Load.lb(300), PainReport.NONE, DAY_4);
        athletes.logsSet(lifter, "deadlift", Load.lb(290), PainReport.NONE, DAY_1);
        await().untilAsserted(() -> assertThat(coach.get("/api/v1/athletes/" + lifter + "/timeline?limit=100")
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody().get("items"))
                .hasSize(58));
        StepVerifier.create(items(coach.token(), lifter, page.get(49).id()).take(2)
                        .map(e -> e.data().get("data").get("load").get("value").asInt()))
                .expectNext(300, 290)
                .verifyComplete();
    }

    @Test
    void theStreamEndsWhenTheCoachsTokenExpires() {
        CoachApi coach = CoachApi.register(http, "Expiring coach");
        AthleteId lifter = athletes.registers("Watched");
        athletes.grants(lifter, coach);
        await().untilAsserted(() -> coach.get("/api/v1/athletes/" + lifter + "/timeline").expectStatus().isOk());
        String shortLived = new Tokens(new NimbusJwtEncoder(new ImmutableSecret<>(jwtKey)), Duration.ofSeconds(3),
                Clock.systemUTC()).issue(coach.id(), Role.COACH, 0).token();

        StepVerifier.create(items(shortLived, lifter, null).map(ServerSentEvent::event))
                .expectNext("coach_access_granted", TimelineStreams.TOKEN_EXPIRED)
                .expectComplete()
                .verify(Duration.ofSeconds(60));
    }

    @Test
    void aCoachHasAtMostFiveStreamsOpenBeyondThatA429WithRetryAfter() throws InterruptedException {
        CoachApi coach = CoachApi.register(http, "Many tabs coach");
        AthleteId lifter = athletes.registers("Watched a lot");
        athletes.grants(lifter, coach);
        await().untilAsserted(() -> coach.get("/api/v1/athletes/" + lifter + "/timeline").expectStatus().isOk());
        List<Disposable> open = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            open.add(sse.holdOpen(streamOf(lifter), coach.token()));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(sse.statusOfOpening(streamOf(lifter), coach.token())).isEqualTo(429));

        sse.open(streamOf(lifter), coach.token(), null).expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, v -> assertThat(Integer.parseInt(v)).isPositive());

        open.remove(0).dispose();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(sse.statusOfOpening(streamOf(lifter), coach.token())).isEqualTo(200));
        open.forEach(Disposable::dispose);
    }

    private static String streamOf(AthleteId athlete) {
        return "/api/v1/athletes/" + athlete + "/timeline/stream";
    }

    private Flux<ServerSentEvent<JsonNode>> items(String token, AthleteId athlete, String lastEventId) {
        return sse.items(streamOf(athlete), token, lastEventId);
    }
}
