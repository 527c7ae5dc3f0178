package dev.hinge.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Duration;

import static dev.hinge.e2e.CoachingAcrossServicesTest.grant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A red flag stops training on both sides until a coach clears it; both timelines are live. */
class RedFlagAndLiveTimelineTest {
    static TwoServices services;

    @BeforeAll
    static void start() {
        services = TwoServices.get();
    }

    @Test
    void aRedFlagStopsTrainingUntilTheCoachClearsIt() {
        Person coach = Person.register(services.coachHttp(), "Cautious coach");
        Person calm = Person.register(services.athleteHttp(), "Calm lifter");
        Person flagged = Person.register(services.athleteHttp(), "Flagged lifter");
        grant(calm, coach);
        grant(flagged, coach);
        calm.created("/api/v1/me/sets", set(200, "2026-10-01T18:00:00Z"));
        flagged.created("/api/v1/me/sets", set(300, "2026-10-01T18:00:00Z"));
        flagged.created("/api/v1/me/pain-reports",
                "{\"score\":4,\"location\":\"left leg\",\"quality\":\"radiating\",\"exercise\":\"deadlift\",\"at\":\"2026-10-02T08:00:00Z\"}");
        String progress = "/api/v1/athletes/" + flagged.id() + "/progress?exercise=deadlift";

        await().untilAsserted(() -> {
            JsonNode seen = coach.ok(progress);
            assertThat(seen.get("status").asText()).isEqualTo("red_flag");
            assertThat(seen.get("suggestion").get("action").asText()).isEqualTo("stop");
            assertThat(seen.get("suggestion").get("load").isNull()).isTrue();
        });
        await().untilAsserted(() -> assertThat(coach.ok("/api/v1/me/athletes").get("items").get(0).get("athleteId").asText())
                .isEqualTo(flagged.id().toString()));
        assertThat(flagged.ok("/api/v1/me/progress?exercise=deadlift").get("status").asText()).isEqualTo("red_flag");
        assertThat(CoachingAcrossServicesTest.types(flagged.ok("/api/v1/me/timeline"))).contains("red_flag_raised");

        flagged.created("/api/v1/me/sets", set(185, "2026-10-03T18:00:00Z"));
        await().untilAsserted(() -> assertThat(coach.ok(progress).get("latestPain").get("at").asText())
                .isEqualTo("2026-10-03T18:00:00Z"));
        assertThat(coach.ok(progress).get("status").asText()).isEqualTo("red_flag");

        coach.created("/api/v1/athletes/" + flagged.id() + "/clearances",
                "{\"exercise\":\"deadlift\",\"notes\":\"seen by a physical therapist\",\"at\":\"2026-10-04T09:00:00Z\"}");
        await().untilAsserted(() -> assertThat(flagged.ok("/api/v1/me/progress?exercise=deadlift").get("status").asText())
                .isNotEqualTo("red_flag"));
        await().untilAsserted(() -> assertThat(coach.ok(progress).get("suggestion").get("action").asText())
                .isNotEqualTo("stop"));
    }

    @Test
    void theCoachsStreamShowsNewItemsLiveAndEndsWhenAccessIsRevoked() {
        Person coach = Person.register(services.coachHttp(), "Streaming coach");
        Person athlete = Person.register(services.athleteHttp(), "Streaming lifter");
        grant(athlete, coach);

        Flux<JsonNode> stream = coach.http().get().uri("/api/v1/athletes/" + athlete.id() + "/timeline/stream")
                .headers(h -> h.setBearerAuth(coach.token())).accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
                }).getResponseBody()
                .filter(e -> e.data() != null).map(ServerSentEvent::data);
        StepVerifier.create(stream)
                .expectNextMatches(item -> item.get("type").asText().equals("coach_access_granted"))
                .then(() -> athlete.created("/api/v1/me/sets", set(225, "2026-10-05T18:00:00Z")))
                .expectNextMatches(item -> item.get("type").asText().equals("set_logged")
                        && item.get("data").get("load").get("value").asInt() == 225)
                .then(() -> athlete.delete("/api/v1/me/coaches/" + coach.id()).expectStatus().isNoContent())
                .thenConsumeWhile(item -> true)
                .expectComplete()
                .verify(Duration.ofSeconds(30));
    }

    private static String set(int pounds, String performedAt) {
        return "{\"exercise\":\"deadlift\",\"load\":{\"value\":" + pounds + ",\"unit\":\"lb\"},\"reps\":5,"
                + "\"performedAt\":\"" + performedAt + "\",\"pain\":{\"score\":0,\"quality\":\"none\"}}";
    }
}
