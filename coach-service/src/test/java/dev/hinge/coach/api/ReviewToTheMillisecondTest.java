package dev.hinge.coach.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hinge.kernel.coaching.CueAssignedEvent;
import dev.hinge.kernel.coaching.Relationships;
import dev.hinge.kernel.coaching.VideoReviewedEvent;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.training.Load;
import dev.hinge.kernel.training.SetId;
import dev.hinge.kernel.training.VideoId;
import dev.hinge.platform.test.FreshPostgres;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fault's and a cue's moment of a video is a number of seconds to the millisecond ({@code 1.532}) end to end:
 * the request, the recorded event, the timeline read model, and every answer, with no rounding and no float noise.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshPostgres.class)
@AutoConfigureWebTestClient(timeout = "PT30S")
class ReviewToTheMillisecondTest {
    @Autowired
    WebTestClient http;
    @Autowired
    EventStore eventStore;

    @Test
    void aFaultAndACueAt1Point532SecondsStay1Point532Everywhere() {
        AthleteSide athletes = new AthleteSide(eventStore);
        CoachApi dana = CoachApi.register(http, "Dana");
        AthleteId mark = athletes.registers("Mark");
        athletes.grants(mark, dana);
        SetId set = athletes.logsSet(mark, "deadlift", Load.lb(365), null, Instant.parse("2026-10-01T18:00:00Z"));
        VideoId video = athletes.uploadsVideo(mark, set, "deadlift", Instant.parse("2026-10-01T18:05:00Z"));
        await().untilAsserted(() -> assertThat(dana.reviewQueue("").get("items")).hasSize(1));

        String review = dana.post("/api/v1/athletes/" + mark + "/videos/" + video + "/reviews", """
                        {"faults":[{"fault":"hips_rise_too_fast","atSecond":1.532},
                                   {"fault":"bar_drifts_forward","atSecond":21599.999},
                                   {"fault":"rounded_lower_back","atSecond":0.001}]}""")
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        String cue = dana.post("/api/v1/athletes/" + mark + "/cues", """
                        {"text":"chest up","exercise":"deadlift","fault":"hips_rise_too_fast","videoId":"%s","atSecond":1.532}"""
                        .formatted(video))
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();

        assertThat(review).contains("\"atSecond\":1.532,", "\"atSecond\":21599.999,", "\"atSecond\":0.001,");
        assertThat(cue).contains("\"atSecond\":1.532,");

        List<Object> recorded = StreamSupport.stream(eventStore.readEvents(
                        Relationships.idOf(new CoachId(dana.id()), mark).toString()).asStream().spliterator(), false)
                .map(EventMessage::getPayload).map(Object.class::cast).toList();
        VideoReviewedEvent reviewed = recorded.stream().filter(VideoReviewedEvent.class::isInstance)
                .map(VideoReviewedEvent.class::cast).findFirst().orElseThrow();
        assertThat(reviewed.faults()).extracting(f -> f.atSecond().toPlainString())
                .containsExactly("1.532", "21599.999", "0.001");
        CueAssignedEvent assigned = recorded.stream().filter(CueAssignedEvent.class::isInstance)
                .map(CueAssignedEvent.class::cast).findFirst().orElseThrow();
        assertThat(assigned.atSecond()).isEqualTo(new BigDecimal("1.532"));

        await().untilAsserted(() -> {
            String timeline = dana.get("/api/v1/athletes/" + mark + "/timeline").expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(timeline).contains("\"type\":\"video_reviewed\"", "\"type\":\"cue_assigned\"");
            JsonNode items = new com.fasterxml.jackson.databind.ObjectMapper().readTree(timeline).get("items");
            JsonNode faults = find(items, "video_reviewed").get("data").get("faults");
            assertThat(faults.get(0).get("atSecond").asText()).isEqualTo("1.532");
            assertThat(faults.get(1).get("atSecond").asText()).isEqualTo("21599.999");
            assertThat(faults.get(2).get("atSecond").asText()).isEqualTo("0.001");
            assertThat(find(items, "cue_assigned").get("data").get("atSecond").asText()).isEqualTo("1.532");
        });
    }

    private static JsonNode find(JsonNode items, String type) {
        for (JsonNode item : items) {
            if (item.get("type").asText().equals(type)) {
                return item;
            }
        }
        throw new AssertionError("no " + type + " item in " + items);
    }
}
