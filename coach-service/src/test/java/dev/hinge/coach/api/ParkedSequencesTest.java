package dev.hinge.coach.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.platform.replay.Replays;
import dev.hinge.platform.test.FreshPostgres;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * coach-service's processing groups on real PostgreSQL: an event no handler can take parks its athlete (503 on that
 * athlete's routes, health DEGRADED, the gauge, the admin endpoint) while other athletes flow; and a replay of
 * everything replays the read models and leaves the relationship policy running.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "hinge.admin.password=" + ParkedSequencesTest.ADMIN_PASSWORD)
@ContextConfiguration(initializers = FreshPostgres.class)
class ParkedSequencesTest {
    static final String ADMIN_PASSWORD = "an operator's long password";

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    Replays replays;
    @Autowired
    EventProcessingConfiguration processing;

    AthleteSide athletes;

    @BeforeEach
    void slowMachine() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        athletes = new AthleteSide(eventStore);
    }

    @Test
    void whileAnAthletesEventIsParkedTheirCoachGetsA503AndOtherAthletesFlowOn() {
        CoachApi coach = CoachApi.register(http, "Coach Parker");
        AthleteId parked = athletes.registers("Parked");
        AthleteId flowing = athletes.registers("Flowing");
        athletes.grants(parked, coach);
        athletes.grants(flowing, coach);
        await().untilAsserted(() -> {
            coach.get("/api/v1/athletes/" + parked + "/timeline").expectStatus().isOk();
            coach.get("/api/v1/athletes/" + flowing + "/timeline").expectStatus().isOk();
        });

        appendEventOfUnknownType(parked);
        athletes.logsSet(flowing, "deadlift", dev.hinge.kernel.training.Load.lb(225), dev.hinge.kernel.pain.PainReport.NONE, java.time.Instant.parse("2024-10-01T18:00:00Z"));

        await().untilAsserted(() -> coach.get("/api/v1/athletes/" + parked + "/timeline").expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "30")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        await().untilAsserted(() -> assertThat(coach.timeline(flowing, "").get("items").toString()).contains("deadlift"));
        http.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("DEGRADED");
        assertThat(gauge("coach.read-models")).isEqualTo(1.0);

        http.get().uri("/actuator/deadletters").exchange().expectStatus().isUnauthorized();
        http.get().uri("/actuator/deadletters").headers(h -> h.setBasicAuth("admin", "a wrong password"))
                .exchange().expectStatus().isUnauthorized();
        JsonNode listed = admin().get().uri("/actuator/deadletters").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(listed.get("coach.read-models").get(0).get("sequence").asText()).isEqualTo(parked.toString());
        assertThat(listed.get("coach.read-models").get(0).get("letters").get(0).get("causeType").asText())
                .endsWith("UnknownPayloadTypeException");

        // retrying does not help (the type is still unknown); evicting lets the athlete flow again
        admin().post().uri("/actuator/deadletters/coach.read-models").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"sequence\":\"" + parked + "\"}").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.remaining").isEqualTo(1);
        for (String group : new String[]{"coach.read-models", "coach.relationship-policy"}) {
            admin().delete().uri("/actuator/deadletters/" + group + "/" + parked).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.evicted").isEqualTo(1);
        }
        coach.get("/api/v1/athletes/" + parked + "/timeline").expectStatus().isOk();
        http.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void replayingEverythingRebuildsTheReadModelsAndAGrantAfterItStillOpensTheRelationship() {
        CoachApi coach = CoachApi.register(http, "Coach Replay");
        AthleteId before = athletes.registers("Before");
        athletes.grants(before, coach);
        await().untilAsserted(() -> coach.get("/api/v1/athletes/" + before + "/timeline").expectStatus().isOk());
        // a row no event made: a rebuild drops it
        jdbc.sql("insert into coach_relationship (coach_id, athlete_id, open) values (?, ?, true)")
                .params(coach.id(), UUID.randomUUID()).update();

        new Replays(processing, eventStore, "all").run(null);

        await().untilAsserted(() -> {
            assertThat(jdbc.sql("select count(*) from coach_relationship where coach_id = ?").params(coach.id())
                    .query(Long.class).single()).isEqualTo(1);
            assertThat(processing.eventProcessors().values()).allSatisfy(processor -> {
                assertThat(processor.isRunning()).as(processor.getName()).isTrue();
                assertThat(((StreamingEventProcessor) processor).isReplaying()).as(processor.getName()).isFalse();
            });
        });
        coach.get("/api/v1/athletes/" + before + "/timeline").expectStatus().isOk();
        AthleteId after = athletes.registers("After");
        athletes.grants(after, coach);
        await().untilAsserted(() -> coach.get("/api/v1/athletes/" + after + "/timeline").expectStatus().isOk());
    }

    private void appendEventOfUnknownType(AthleteId athlete) {
        jdbc.sql("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                                payload_type, payload, meta_data)
                values (?, ?, 1000, 'Athlete', '2026-10-01T18:00:00Z', 'dev.hinge.kernel.training.SetRenamedEvent',
                        cast('{"athleteId":"x"}' as bytea), cast('{}' as bytea))""")
                .params(UUID.randomUUID().toString(), athlete.toString()).update();
    }

    private double gauge(String group) {
        JsonNode metric = admin().get().uri("/actuator/metrics/hinge.dead.letters?tag=group:" + group).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        return metric.get("measurements").get(0).get("value").asDouble();
    }

    private WebTestClient admin() {
        return http.mutate().defaultHeaders(h -> h.setBasicAuth("admin", ADMIN_PASSWORD)).build();
    }
}
