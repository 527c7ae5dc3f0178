package dev.hinge.coach.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.pain.PainReport;
import dev.hinge.kernel.training.Load;
import dev.hinge.kernel.training.SetId;
import dev.hinge.kernel.training.VideoId;
import dev.hinge.platform.test.FreshPostgres;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9's unbounded numbers of the coach's routes: a deload's percent and referenceMax, a review's barOffsetInches
 * and fault seconds, a cue's second. Each exploit is a quick 400 naming the field, and nothing is appended.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshPostgres.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoundedCoachingInputTest {
    /** Far longer than any check here takes when it is bounded; far shorter than 1e10000000 took on the old code. */
    private static final Duration QUICK = Duration.ofSeconds(3);
    private static final Instant DAY_1 = Instant.parse("2024-10-01T18:00:00Z");

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStore eventStore;

    CoachApi coach;
    AthleteId mark;
    VideoId video;

    @BeforeAll
    void aCoachAndAnAthleteWhoGrantedAccessWithAVideo() {
        // the machine may be busy with other builds: a slow answer is measured below, not cut off here
        http = http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
        AthleteSide athletes = new AthleteSide(eventStore);
        coach = CoachApi.register(http, "Bounded coach");
        mark = athletes.registers("Mark");
        athletes.grants(mark, coach);
        SetId set = athletes.logsSet(mark, "deadlift", Load.lb(365), PainReport.NONE, DAY_1);
        video = athletes.attachesVideo(mark, set, "deadlift", DAY_1);
        await().untilAsserted(() -> {
            coach.get("/api/v1/athletes/" + mark + "/timeline").expectStatus().isOk();
            assertThat(coach.reviewQueue("").get("items")).hasSize(1);
        });
    }

    long events() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "deloads | {\"exercise\":\"deadlift\",\"percent\":1e10000000}                                      | percent",
            "deloads | {\"exercise\":\"deadlift\",\"percent\":1e-999999999}                                    | percent",
            "deloads | {\"exercise\":\"deadlift\",\"percent\":0.5}                                             | percent",
            "deloads | {\"exercise\":\"deadlift\",\"percent\":62.55}                                           | percent",
            "deloads | {\"exercise\":\"deadlift\",\"percent\":100.1}                                           | percent",
            "deloads | {\"exercise\":\"deadlift\",\"instruction\":\"scale to 50.00000000000000000000001%\"}     | instruction",
            "deloads | {\"exercise\":\"deadlift\",\"percent\":50,\"referenceMax\":{\"value\":1e10000000,\"unit\":\"lb\"}}   | referenceMax.value",
            "deloads | {\"exercise\":\"deadlift\",\"percent\":50,\"referenceMax\":{\"value\":1e-999999999,\"unit\":\"lb\"}} | referenceMax.value",
            "deloads | {\"exercise\":\"deadlift\",\"percent\":50,\"referenceMax\":{\"value\":1e-20000,\"unit\":\"lb\"}}     | referenceMax.value",
            "deloads | {\"exercise\":\"deadlift\",\"percent\":50,\"referenceMax\":{\"value\":365.0001,\"unit\":\"lb\"}}     | referenceMax.value",
            "reviews | {\"faults\":[],\"barOffsetInches\":1e10000000}                                          | barOffsetInches",
            "reviews | {\"faults\":[],\"barOffsetInches\":-1e-999999999}                                       | barOffsetInches",
            "reviews | {\"faults\":[],\"barOffsetInches\":24.5}                                                | barOffsetInches",
            "reviews | {\"faults\":[],\"barOffsetInches\":3.25}                                                | barOffsetInches",
            "reviews | {\"faults\":[{\"fault\":\"hips_rise_too_fast\",\"atSecond\":1e10000000}]}               | faults[0].atSecond",
            "reviews | {\"faults\":[{\"fault\":\"hips_rise_too_fast\",\"atSecond\":1e-999999999}]}             | faults[0].atSecond",
            "reviews | {\"faults\":[{\"fault\":\"hips_rise_too_fast\",\"atSecond\":1.5325}]}                   | faults[0].atSecond",
            "reviews | {\"faults\":[{\"fault\":\"hips_rise_too_fast\",\"atSecond\":-1}]}                       | faults[0].atSecond",
            "cues    | {\"text\":\"chest up\",\"exercise\":\"deadlift\",\"videoId\":\"VIDEO\",\"atSecond\":1e10000000}   | atSecond",
            "cues    | {\"text\":\"chest up\",\"exercise\":\"deadlift\",\"videoId\":\"VIDEO\",\"atSecond\":1e-999999999} | atSecond",
            "cues    | {\"text\":\"chest up\",\"exercise\":\"deadlift\",\"videoId\":\"VIDEO\",\"atSecond\":0.0001}       | atSecond"})
    void anUnboundedNumberIsAQuickBadRequestNamingTheFieldAndAppendsNothing(String route, String body, String field) {
        long before = events();
        long started = System.nanoTime();

        coach.post(path(route), body.replace("VIDEO", video.value().toString())).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICK);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void secondsToTheMillisecondAndOffsetsToATenthAreTaken() {
        JsonNode review = coach.created(path("reviews"), """
                {"faults":[{"fault":"hips_rise_too_fast","atSecond":1.532}],"barOffsetInches":-3.5}""");
        JsonNode cue = coach.created(path("cues"), """
                {"text":"chest up","exercise":"deadlift","videoId":"%s","atSecond":12.25}""".formatted(video.value()));
        JsonNode deload = coach.created(path("deloads"), """
                {"exercise":"deadlift","percent":62.5,"referenceMax":{"value":365.125,"unit":"lb"}}""");

        assertThat(review.get("faults").get(0).get("atSecond").decimalValue()).isEqualByComparingTo("1.532");
        assertThat(review.get("barOffsetInches").decimalValue()).isEqualByComparingTo("-3.5");
        assertThat(cue.get("atSecond").decimalValue()).isEqualByComparingTo("12.25");
        assertThat(deload.get("percent").decimalValue()).isEqualByComparingTo("62.5");
    }

    private String path(String route) {
        return switch (route) {
            case "reviews" -> "/api/v1/athletes/" + mark + "/videos/" + video.value() + "/reviews";
            case "cues" -> "/api/v1/athletes/" + mark + "/cues";
            default -> "/api/v1/athletes/" + mark + "/deloads";
        };
    }
}
