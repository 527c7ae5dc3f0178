package dev.hinge.coach.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hinge.kernel.account.Role;
import dev.hinge.kernel.coaching.RelationshipClosedEvent;
import dev.hinge.kernel.coaching.Relationships;
import dev.hinge.kernel.coaching.RelationshipOpenedEvent;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.pain.PainQuality;
import dev.hinge.kernel.pain.PainReport;
import dev.hinge.kernel.pain.PainScore;
import dev.hinge.kernel.training.Load;
import dev.hinge.kernel.training.SetId;
import dev.hinge.kernel.training.VideoId;
import dev.hinge.platform.security.Tokens;
import dev.hinge.platform.test.FreshPostgres;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * coach-service end to end: real HTTP, real tokens, real PostgreSQL. The athletes' side is simulated by appending
 * athlete-service's events to the shared event store, as athlete-service would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshPostgres.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoachApiTest {
    private static final PainReport PAIN_FREE = PainReport.NONE;
    private static final PainReport SHARP = new PainReport(new PainScore(6), "lower back", PainQuality.SHARP);
    private static final PainReport RADIATING = new PainReport(new PainScore(5), "left leg", PainQuality.RADIATING);
    /** Well in the past, whatever the clock says: the athletes grant access "now", after these. */
    private static final Instant DAY_1 = Instant.parse("2024-10-01T18:00:00Z");
    private static final Instant DAY_2 = Instant.parse("2024-10-02T18:00:00Z");
    private static final Instant DAY_3 = Instant.parse("2024-10-03T18:00:00Z");

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    Tokens tokens;

    AthleteSide athletes;
    /** One coach with one granted athlete who logged a set with a video: for the checks that change nothing. */
    CoachApi carter;
    AthleteId mark;
    VideoId markVideo;

    @BeforeAll
    void aCoachAndAnAthleteWhoGrantedAccess() {
        athletes = new AthleteSide(eventStore);
        carter = CoachApi.register(http, "Coach Carter");
        mark = athletes.registers("Mark");
        athletes.grants(mark, carter);
        SetId set = athletes.logsSet(mark, "deadlift", Load.lb(365), SHARP, DAY_1);
        markVideo = athletes.attachesVideo(mark, set, "deadlift", DAY_1);
        awaitCoaching(carter, mark);
        await().untilAsserted(() -> assertThat(carter.reviewQueue("").get("items")).hasSize(1));
    }

    long events() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    @Test
    void theRosterListsOnlyAthletesWhoGrantedAccessRedFlaggedFirst() {
        CoachApi coach = CoachApi.register(http, "Roster coach");
        AthleteId alice = athletes.registers("Alice");
        AthleteId zed = athletes.registers("Zed");
        AthleteId stranger = athletes.registers("Stranger");
        athletes.grants(alice, coach);
        athletes.grants(zed, coach);
        athletes.logsSet(alice, "deadlift", Load.lb(225), PAIN_FREE, DAY_2);
        athletes.logsSet(alice, "deadlift", Load.lb(245), SHARP, DAY_1);  // logged late: not the last set
        athletes.logsSet(zed, "deadlift", Load.kg(140), RADIATING, DAY_3);
        athletes.logsSet(stranger, "deadlift", Load.kg(100), PAIN_FREE, DAY_3);
        awaitCoaching(coach, alice);
        awaitCoaching(coach, zed);

        await().untilAsserted(() -> {
            JsonNode items = coach.roster().get("items");
            assertThat(items).hasSize(2);
            assertThat(items.get(0).get("displayName").asText()).isEqualTo("Zed");
            assertThat(items.get(0).get("status").asText()).isEqualTo("red_flag");
            assertThat(items.get(0).get("latestPain").get("quality").asText()).isEqualTo("radiating");
            assertThat(items.get(1).get("lastSetAt").asText()).isEqualTo(DAY_2.toString());
        });
        JsonNode alices = coach.roster().get("items").get(1);
        assertThat(alices.get("athleteId").asText()).isEqualTo(alice.toString());
        assertThat(alices.get("displayName").asText()).isEqualTo("Alice");
        assertThat(alices.get("latestPain").get("score").asInt()).isZero();
        assertThat(alices.get("latestPain").get("quality").asText()).isEqualTo("none");
        assertThat(alices.get("latestPain").get("at").asText()).isEqualTo(DAY_2.toString());
        assertThat(alices.get("status").asText()).isEqualTo("progressing");
        assertThat(alices.has("progress")).isTrue();
        assertThat(coach.roster().get("next").isNull()).isTrue();

        JsonNode firstPage = coach.ok("/api/v1/me/athletes?limit=1");
        assertThat(firstPage.get("items").get(0).get("displayName").asText()).isEqualTo("Zed");
        JsonNode secondPage = coach.ok("/api/v1/me/athletes?limit=1&cursor=" + firstPage.get("next").asText());
        assertThat(secondPage.get("items").get(0).get("displayName").asText()).isEqualTo("Alice");
        assertThat(secondPage.get("next").isNull()).isTrue();

        coach.created("/api/v1/athletes/" + zed + "/clearances", "{\"exercise\":\"deadlift\",\"notes\":\"PT cleared him\"}");
        await().untilAsserted(() -> {
            JsonNode items = coach.roster().get("items");
            // cleared, Zed is ordered like anyone else: most recently trained first
            assertThat(items.get(0).get("displayName").asText()).isEqualTo("Zed");
            assertThat(items.get(0).get("status").asText()).isNotEqualTo("red_flag");
        });

        athletes.revokes(alice, coach);
        awaitClosed(coach, alice);
        await().untilAsserted(() -> assertThat(coach.roster().get("items")).hasSize(1));
        coach.get("/api/v1/me/athletes?limit=0").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
        coach.get("/api/v1/me/athletes?cursor=garbage").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
    }

    @Test
    void theReviewQueueHoldsUnreviewedVideosOldestFirstAndAReviewTakesOneOff() {
        CoachApi coach = CoachApi.register(http, "Queue coach");
        AthleteId lifter = athletes.registers("Lifter");
        AthleteId stranger = athletes.registers("Stranger");
        CoachApi assistant = CoachApi.register(http, "Assistant coach");
        athletes.grants(lifter, coach);
        athletes.grants(lifter, assistant);
        SetId later = athletes.logsSet(lifter, "deadlift", Load.lb(315), PAIN_FREE, DAY_3);
        SetId earlier = athletes.logsSet(lifter, "deadlift", Load.lb(365), SHARP, DAY_1);
        VideoId laterVideo = athletes.attachesVideo(lifter, later, "deadlift", DAY_3);
        VideoId earlierVideo = athletes.attachesVideo(lifter, earlier, "deadlift", DAY_1);
        VideoId strangersVideo = athletes.attachesVideo(stranger,
                athletes.logsSet(stranger, "deadlift", Load.lb(135), PAIN_FREE, DAY_1), "deadlift", DAY_1);
        awaitCoaching(coach, lifter);
        awaitCoaching(assistant, lifter);

        await().untilAsserted(() -> assertThat(coach.reviewQueue("").get("items")).hasSize(2));
        JsonNode queue = coach.reviewQueue("");
        JsonNode oldest = queue.get("items").get(0);
        assertThat(oldest.get("videoId").asText()).isEqualTo(earlierVideo.toString());
        assertThat(oldest.get("athleteId").asText()).isEqualTo(lifter.toString());
        assertThat(oldest.get("setId").asText()).isEqualTo(earlier.toString());
        assertThat(oldest.get("url").asText()).isEqualTo("https://example.com/" + earlierVideo + ".mp4");
        assertThat(oldest.get("submittedAt").asText()).isEqualTo(DAY_1.toString());
        assertThat(oldest.get("exercise").asText()).isEqualTo("deadlift");
        assertThat(queue.get("items").get(1).get("videoId").asText()).isEqualTo(laterVideo.toString());
        assertThat(queue.get("next").isNull()).isTrue();

        JsonNode page = coach.reviewQueue("?limit=1");
        assertThat(page.get("items")).hasSize(1);
        JsonNode rest = coach.reviewQueue("?limit=1&cursor=" + page.get("next").asText());
        assertThat(rest.get("items").get(0).get("videoId").asText()).isEqualTo(laterVideo.toString());
        assertThat(rest.get("next").isNull()).isTrue();

        JsonNode review = coach.created("/api/v1/athletes/" + lifter + "/videos/" + earlierVideo + "/reviews", """
                {"faults":[{"fault":"hips_rise_too_fast","atSecond":2,"note":"shoulders drop, lower back rounds"},
                           {"fault":"bar_drifts_forward","atSecond":1}],
                 "barOffsetInches":3,"notes":"Scale back to 50% and rebuild"}""");
        assertThat(review.get("id").asText()).isNotEmpty();
        assertThat(review.get("videoId").asText()).isEqualTo(earlierVideo.toString());
        assertThat(review.get("faults")).hasSize(2);
        assertThat(review.get("faults").get(0).get("fault").asText()).isEqualTo("hips_rise_too_fast");
        assertThat(review.get("faults").get(0).get("atSecond").asInt()).isEqualTo(2);
        assertThat(review.get("barOffsetInches").decimalValue()).isEqualByComparingTo("3");
        assertThat(texts(review.get("suggestedCues")))
                .containsExactly("chest up", "push the floor away", "drag the bar up your legs");

        await().untilAsserted(() -> {
            JsonNode items = coach.reviewQueue("").get("items");
            assertThat(items).hasSize(1);
            assertThat(items.get(0).get("videoId").asText()).isEqualTo(laterVideo.toString());
        });
        // a reviewed video leaves the queue of every coach of the athlete: it has had its review
        assertThat(assistant.reviewQueue("").get("items")).hasSize(1);

        long before = events();
        coach.post("/api/v1/athletes/" + lifter + "/videos/" + UUID.randomUUID() + "/reviews", "{\"faults\":[]}")
                .expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        coach.post("/api/v1/athletes/" + lifter + "/videos/" + strangersVideo + "/reviews", "{\"faults\":[]}")
                .expectStatus().isNotFound();
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void twoAthletesWhoseSetsHaveTheSameIdEachHaveTheirVideoInTheQueue() {
        CoachApi coach = CoachApi.register(http, "Two lifters coach");
        AthleteId first = athletes.registers("First lifter");
        AthleteId second = athletes.registers("Second lifter");
        athletes.grants(first, coach);
        athletes.grants(second, coach);
        SetId sameId = new SetId(UUID.randomUUID());
        VideoId firstVideo = athletes.logsSetWithVideo(first, sameId, "deadlift", Load.lb(315), DAY_1);
        VideoId secondVideo = athletes.logsSetWithVideo(second, sameId, "deadlift", Load.lb(225), DAY_2);
        awaitCoaching(coach, first);
        awaitCoaching(coach, second);

        await().untilAsserted(() -> assertThat(coach.reviewQueue("").get("items")).hasSize(2));
        JsonNode items = coach.reviewQueue("").get("items");
        assertThat(items.get(0).get("videoId").asText()).isEqualTo(firstVideo.toString());
        assertThat(items.get(0).get("athleteId").asText()).isEqualTo(first.toString());
        assertThat(items.get(0).get("url").asText()).isEqualTo("https://example.com/" + first + "/" + sameId + ".mp4");
        assertThat(items.get(1).get("videoId").asText()).isEqualTo(secondVideo.toString());
        assertThat(items.get(1).get("athleteId").asText()).isEqualTo(second.toString());
        assertThat(items.get(1).get("setId").asText()).isEqualTo(sameId.toString());
        coach.created("/api/v1/athletes/" + second + "/videos/" + secondVideo + "/reviews", "{\"faults\":[]}");
        await().untilAsserted(() -> assertThat(coach.reviewQueue("").get("items")).hasSize(1));
        assertThat(coach.reviewQueue("").get("items").get(0).get("videoId").asText()).isEqualTo(firstVideo.toString());
    }

    @Test
    void aCoachAssignsACueAndRetiresIt() {
        JsonNode cue = carter.created("/api/v1/athletes/" + mark + "/cues", """
                {"text":"chest up","exercise":"deadlift","fault":"hips_rise_too_fast","videoId":"%s","atSecond":2}"""
                .formatted(markVideo));
        String cueId = cue.get("id").asText();
        assertThat(cue.get("text").asText()).isEqualTo("chest up");
        assertThat(cue.get("exercise").asText()).isEqualTo("deadlift");
        assertThat(cue.get("fault").asText()).isEqualTo("hips_rise_too_fast");
        assertThat(cue.get("videoId").asText()).isEqualTo(markVideo.toString());
        assertThat(cue.get("atSecond").asInt()).isEqualTo(2);

        long before = events();
        carter.delete("/api/v1/athletes/" + mark + "/cues/" + cueId).expectStatus().isNoContent();
        carter.delete("/api/v1/athletes/" + mark + "/cues/" + cueId).expectStatus().isNoContent();
        assertThat(events()).isEqualTo(before + 1);
        carter.delete("/api/v1/athletes/" + mark + "/cues/" + UUID.randomUUID()).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        carter.delete("/api/v1/athletes/" + mark + "/cues/not-a-cue").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("cueId");
        assertThat(events()).isEqualTo(before + 1);

        await().untilAsserted(() -> assertThat(types(carter.timeline(mark, "").get("items"))).contains("cue_assigned", "cue_retired"));
    }

    @Test
    void aDeloadScalesTheReferenceMaxTheCoachNamesOrTheHeaviestLoadLogged() {
        CoachApi coach = CoachApi.register(http, "Deload coach");
        AthleteId lifter = athletes.registers("Mark");
        athletes.grants(lifter, coach);
        athletes.logsSet(lifter, "deadlift", Load.lb(315), PAIN_FREE, DAY_1);
        athletes.logsSet(lifter, "deadlift", Load.lb(365), SHARP, DAY_2);
        athletes.logsSet(lifter, "deadlift", Load.kg(160), PAIN_FREE, DAY_3);   // 352.7 lb: lighter than 365 lb
        athletes.logsSet(lifter, "back_squat", Load.kg(150), PAIN_FREE, DAY_3);
        awaitCoaching(coach, lifter);
        // the heaviest loads are kept in order of arrival: once the last set is in, the deadlifts are too
        await().until(() -> jdbc.sql("select count(*) from coach_heaviest_load where athlete_id = ? and exercise = 'back_squat'")
                .params(lifter.value()).query(Long.class).single() == 1);
        String deloads = "/api/v1/athletes/" + lifter + "/deloads";

        // the Mark case: "scale to 50%" of the heaviest deadlift logged, 365 lb
        JsonNode deload = coach.created(deloads, "{\"exercise\":\"deadlift\",\"instruction\":\"scale to 50%\"}");
        assertThat(deload.get("id").asText()).isNotEmpty();
        assertThat(deload.get("exercise").asText()).isEqualTo("deadlift");
        assertThat(deload.get("percent").decimalValue()).isEqualByComparingTo("50");
        assertThat(deload.get("referenceMax").get("value").decimalValue()).isEqualByComparingTo("365");
        assertThat(deload.get("referenceMax").get("unit").asText()).isEqualTo("lb");
        assertThat(deload.get("exactLoad").decimalValue()).isEqualByComparingTo("182.5");
        assertThat(deload.get("roundedLoad").decimalValue()).isEqualByComparingTo("180");

        JsonNode byPercent = coach.created(deloads,
                "{\"exercise\":\"deadlift\",\"percent\":60,\"referenceMax\":{\"value\":140,\"unit\":\"kg\"}}");
        assertThat(byPercent.get("percent").decimalValue()).isEqualByComparingTo("60");
        assertThat(byPercent.get("referenceMax").get("unit").asText()).isEqualTo("kg");
        assertThat(byPercent.get("exactLoad").decimalValue()).isEqualByComparingTo("84");
        assertThat(byPercent.get("roundedLoad").decimalValue()).isEqualByComparingTo("82.5");

        JsonNode squat = coach.created(deloads, "{\"exercise\":\"back_squat\",\"percent\":50}");
        assertThat(squat.get("referenceMax").get("value").decimalValue()).isEqualByComparingTo("150");
        assertThat(squat.get("exactLoad").decimalValue()).isEqualByComparingTo("75");
        assertThat(squat.get("roundedLoad").decimalValue()).isEqualByComparingTo("75");

        long before = events();
        coach.post(deloads, "{\"exercise\":\"front_squat\",\"percent\":50}").expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("referenceMax")
                .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("no front squat sets"));
        assertThat(events()).isEqualTo(before);

        // the timeline item's data is the deload answer
        await().untilAsserted(() -> {
            List<JsonNode> items = new ArrayList<>();
            coach.timeline(lifter, "").get("items").forEach(items::add);
            var found = items.stream().filter(i -> deload.get("id").equals(i.get("data").get("id"))).findFirst();
            assertThat(found).isPresent();
            JsonNode item = found.get();
            assertThat(item.get("type").asText()).isEqualTo("deload_prescribed");
            assertThat(item.get("summary").asText()).isEqualTo("Deadlift scaled to 50% of 365 lb: 180 lb (182.5 exact)");
            assertThat(item.get("actor").get("role").asText()).isEqualTo("coach");
            assertThat(item.get("actor").get("id").asText()).isEqualTo(coach.id().toString());
            assertThat(item.get("data")).isEqualTo(deload);
        });
    }

    @Test
    void aClearanceLiftsARedFlagStop() {
        JsonNode clearance = carter.created("/api/v1/athletes/" + mark + "/clearances",
                "{\"exercise\":\"deadlift\",\"notes\":\"evaluated by a physical therapist\",\"at\":\"2024-10-05T09:00:00Z\"}");
        assertThat(clearance.get("id").asText()).isNotEmpty();
        assertThat(clearance.get("exercise").asText()).isEqualTo("deadlift");
        assertThat(clearance.get("notes").asText()).isEqualTo("evaluated by a physical therapist");
        await().untilAsserted(() -> assertThat(carter.timeline(mark, "?exercise=deadlift").get("items"))
                .anySatisfy(item -> {
                    assertThat(item.get("type").asText()).isEqualTo("clearance_given");
                    assertThat(item.get("at").asText()).isEqualTo("2024-10-05T09:00:00Z");
                }));
    }

    @Test
    void theCoachReadsTheAthletesTimelineInTheAthletesShape() {
        CoachApi coach = CoachApi.register(http, "Reader");
        AthleteId lifter = athletes.registers("Reader's athlete");
        athletes.grants(lifter, coach);
        athletes.logsSet(lifter, "deadlift", Load.lb(200), PAIN_FREE, DAY_3);
        athletes.logsSet(lifter, "deadlift", Load.lb(180), PAIN_FREE, DAY_1);
        athletes.logsSet(lifter, "back_squat", Load.kg(100), PAIN_FREE, DAY_2);
        athletes.reportsPain(lifter, SHARP, DAY_2.plusSeconds(3600));
        awaitCoaching(coach, lifter);

        await().untilAsserted(() -> assertThat(coach.timeline(lifter, "").get("items")).hasSize(5));
        JsonNode items = coach.timeline(lifter, "?from=2024-10-01T00:00:00Z&to=2024-10-04T00:00:00Z").get("items");
        assertThat(types(items)).containsExactly("set_logged", "set_logged", "pain_reported", "set_logged");
        JsonNode first = items.get(0);
        assertThat(first.get("summary").asText()).isEqualTo("Deadlift 180 lb × 5, pain 0/10");
        assertThat(first.get("actor").get("role").asText()).isEqualTo("athlete");
        assertThat(first.get("data").get("load").get("value").asInt()).isEqualTo(180);

        JsonNode page = coach.timeline(lifter, "?exercise=deadlift&limit=1");
        assertThat(page.get("items")).hasSize(1);
        JsonNode next = coach.timeline(lifter, "?exercise=deadlift&limit=1&cursor=" + page.get("next").asText());
        assertThat(next.get("items").get(0).get("data").get("load").get("value").asInt()).isEqualTo(200);
        assertThat(next.get("next").isNull()).isTrue();

        coach.get("/api/v1/athletes/" + lifter + "/timeline?limit=501").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
        coach.get("/api/v1/athletes/not-an-athlete/timeline").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("athleteId");
    }

    @Test
    void theTimelineStreamSendsWhatIsThereThenEachNewItemAndEndsWhenTheAthleteRevokes() {
        CoachApi coach = CoachApi.register(http, "Streamer");
        AthleteId lifter = athletes.registers("Streamed");
        athletes.grants(lifter, coach);
        athletes.logsSet(lifter, "deadlift", Load.lb(200), PAIN_FREE, DAY_1);
        awaitCoaching(coach, lifter);
        await().untilAsserted(() -> assertThat(coach.timeline(lifter, "").get("items")).hasSize(2));

        Flux<ServerSentEvent<JsonNode>> stream = http.get().uri("/api/v1/athletes/" + lifter + "/timeline/stream")
                .headers(h -> h.setBearerAuth(coach.token())).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
                }).getResponseBody().filter(e -> e.data() != null);
        StepVerifier.create(stream.map(e -> e.data().get("type").asText()))
                .expectNext("set_logged", "coach_access_granted")
                .then(() -> athletes.logsSet(lifter, "deadlift", Load.lb(210), PAIN_FREE, DAY_2))
                .expectNext("set_logged")
                .then(() -> athletes.revokes(lifter, coach))
                .thenConsumeWhile("coach_access_revoked"::equals)
                .expectComplete()
                .verify(Duration.ofSeconds(30));

        awaitClosed(coach, lifter);
        coach.get("/api/v1/athletes/" + lifter + "/timeline/stream").expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @ParameterizedTest(name = "{0} {1}: {3}")
    @CsvSource(delimiter = '|', value = {
            "POST|/reviews|{}|faults",
            "POST|/reviews|{\"faults\":[{\"fault\":\"lazy_back\"}]}|faults[0].fault",
            "POST|/reviews|{\"faults\":[{\"atSecond\":3}]}|faults[0].fault",
            "POST|/reviews|{\"faults\":[{\"fault\":\"hips_rise_too_fast\",\"atSecond\":-1}]}|faults[0].atSecond",
            "POST|/reviews|{\"faults\":[{\"fault\":\"hips_rise_too_fast\",\"atSecond\":1.5325}]}|faults[0].atSecond",
            "POST|/reviews|{\"faults\":[{\"fault\":\"hips_rise_too_fast\",\"note\":\"\"}]}|faults[0].note",
            "POST|/reviews|{\"faults\":\"hips_rise_too_fast\"}|faults",
            "POST|/reviews|{\"faults\":[],\"barOffsetInches\":30}|barOffsetInches",
            "POST|/reviews|{\"faults\":[],\"barOffsetInches\":\"3\"}|barOffsetInches",
            "POST|/reviews|{\"faults\":[],\"notes\":\"  \"}|notes",
            "POST|/reviews|{\"faults\":[],\"at\":\"2999-01-01T00:00:00Z\"}|at",
            "POST|/reviews|{\"faults\":[],\"id\":\"not-a-uuid\"}|id",
            "POST|/reviews|{\"faults\":[],\"coachId\":\"6f1c1f7e-2c4e-4f0e-9d55-0e6f3f1a7a10\"}|coachId",
            "POST|/cues|{\"exercise\":\"deadlift\"}|text",
            "POST|/cues|{\"text\":\"\",\"exercise\":\"deadlift\"}|text",
            "POST|/cues|{\"text\":\"chest up\"}|exercise",
            "POST|/cues|{\"text\":\"chest up\",\"exercise\":\"Dead Lift\"}|exercise",
            "POST|/cues|{\"text\":\"chest up\",\"exercise\":\"deadlift\",\"fault\":\"wobbly\"}|fault",
            "POST|/cues|{\"text\":\"chest up\",\"exercise\":\"deadlift\",\"atSecond\":3}|atSecond",
            "POST|/cues|{\"text\":\"chest up\",\"exercise\":\"deadlift\",\"videoId\":\"6f1c1f7e-2c4e-4f0e-9d55-0e6f3f1a7a10\"}|videoId",
            "POST|/cues|{\"text\":\"chest up\",\"exercise\":\"deadlift\",\"videoId\":\"nope\"}|videoId",
            "POST|/cues|{\"text\":5,\"exercise\":\"deadlift\"}|text",
            "POST|/deloads|{\"exercise\":\"deadlift\"}|instruction",
            "POST|/deloads|{\"exercise\":\"deadlift\",\"instruction\":\"scale to 50%\",\"percent\":50}|percent",
            "POST|/deloads|{\"exercise\":\"deadlift\",\"instruction\":\"halve it\"}|instruction",
            "POST|/deloads|{\"exercise\":\"deadlift\",\"instruction\":\"scale to 150%\"}|instruction",
            "POST|/deloads|{\"exercise\":\"deadlift\",\"percent\":0}|percent",
            "POST|/deloads|{\"exercise\":\"deadlift\",\"percent\":101}|percent",
            "POST|/deloads|{\"exercise\":\"deadlift\",\"percent\":\"50\"}|percent",
            "POST|/deloads|{\"instruction\":\"scale to 50%\"}|exercise",
            "POST|/deloads|{\"exercise\":\"deadlift\",\"percent\":50,\"referenceMax\":{\"value\":365,\"unit\":\"stone\"}}|referenceMax.unit",
            "POST|/deloads|{\"exercise\":\"deadlift\",\"percent\":50,\"referenceMax\":{\"value\":0,\"unit\":\"lb\"}}|referenceMax.value",
            "POST|/deloads|{\"exercise\":\"deadlift\",\"percent\":50,\"referenceMax\":{\"unit\":\"lb\"}}|referenceMax.value",
            "POST|/deloads|{\"exercise\":\"deadlift\",\"percent\":50,\"referenceMax\":{\"value\":2205,\"unit\":\"lb\"}}|referenceMax.value",
            "POST|/deloads|{\"exercise\":\"deadlift\",\"percent\":50,\"referenceMax\":365}|referenceMax",
            "POST|/deloads|{\"exercise\":\"front_squat\",\"percent\":50}|referenceMax",
            "POST|/clearances|{}|exercise",
            "POST|/clearances|{\"exercise\":\"deadlift\",\"notes\":\"\"}|notes",
            "POST|/clearances|{\"exercise\":\"deadlift\",\"at\":\"yesterday\"}|at",
            "POST|/clearances|{\"exercise\":\"deadlift\",\"at\":\"1999-12-31T23:59:59Z\"}|at",
            "POST|/clearances|{\"exercise\":\"deadlift\",\"athleteId\":\"6f1c1f7e-2c4e-4f0e-9d55-0e6f3f1a7a10\"}|athleteId"})
    void badInputIsABadRequestNamingTheFieldAndAppendsNothing(String method, String route, String body, String field) {
        String path = route.equals("/reviews") ? "/api/v1/athletes/" + mark + "/videos/" + markVideo + "/reviews"
                : "/api/v1/athletes/" + mark + route;
        long before = events();
        carter.post(path, body).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].message").isNotEmpty();
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aBadAthleteOrVideoIdInThePathIsABadRequest() {
        carter.post("/api/v1/athletes/not-an-athlete/cues", "{\"text\":\"chest up\",\"exercise\":\"deadlift\"}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("athleteId");
        carter.post("/api/v1/athletes/" + mark + "/videos/not-a-video/reviews", "{\"faults\":[]}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("videoId");
        carter.post("/api/v1/athletes/" + mark + "/cues", "{\"text\":").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aCoachWithoutAGrantFindsNothingAboutTheAthlete() {
        CoachApi other = CoachApi.register(http, "Other coach");
        String cueId = carter.created("/api/v1/athletes/" + mark + "/cues",
                "{\"text\":\"push the floor away\",\"exercise\":\"deadlift\"}").get("id").asText();
        long before = events();
        everyAthleteRouteIsNotFound(other, mark, markVideo, cueId);
        assertThat(events()).isEqualTo(before);
        assertThat(other.roster().get("items")).isEmpty();
        assertThat(other.reviewQueue("").get("items")).isEmpty();
    }

    @Test
    void afterTheAthleteRevokesTheCoachFindsNothingAboutThem() {
        CoachApi coach = CoachApi.register(http, "Revoked coach");
        AthleteId lifter = athletes.registers("Leaving");
        athletes.grants(lifter, coach);
        VideoId video = athletes.attachesVideo(lifter,
                athletes.logsSet(lifter, "deadlift", Load.lb(300), PAIN_FREE, DAY_1), "deadlift", DAY_1);
        awaitCoaching(coach, lifter);
        await().untilAsserted(() -> assertThat(coach.reviewQueue("").get("items")).hasSize(1));
        String cueId = coach.created("/api/v1/athletes/" + lifter + "/cues",
                "{\"text\":\"chest up\",\"exercise\":\"deadlift\"}").get("id").asText();

        athletes.revokes(lifter, coach);
        awaitClosed(coach, lifter);
        await().untilAsserted(() -> coach.get("/api/v1/athletes/" + lifter + "/timeline").expectStatus().isNotFound());
        long before = events();
        everyAthleteRouteIsNotFound(coach, lifter, video, cueId);
        assertThat(events()).isEqualTo(before);
        await().untilAsserted(() -> {
            assertThat(coach.roster().get("items")).isEmpty();
            assertThat(coach.reviewQueue("").get("items")).isEmpty();
        });

        athletes.grants(lifter, coach);
        await().untilAsserted(() -> coach.post("/api/v1/athletes/" + lifter + "/clearances", "{\"exercise\":\"deadlift\"}")
                .expectStatus().isCreated());
    }

    private void everyAthleteRouteIsNotFound(CoachApi coach, AthleteId athlete, VideoId video, String cueId) {
        String base = "/api/v1/athletes/" + athlete;
        coach.get(base + "/timeline").expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        coach.get(base + "/timeline/stream").expectStatus().isNotFound();
        coach.post(base + "/videos/" + video + "/reviews", "{\"faults\":[{\"fault\":\"hips_rise_too_fast\"}]}")
                .expectStatus().isNotFound();
        coach.post(base + "/cues", "{\"text\":\"chest up\",\"exercise\":\"deadlift\"}").expectStatus().isNotFound();
        coach.delete(base + "/cues/" + cueId).expectStatus().isNotFound();
        coach.post(base + "/deloads", "{\"exercise\":\"deadlift\",\"instruction\":\"scale to 50%\"}").expectStatus().isNotFound();
        coach.post(base + "/deloads", "{\"exercise\":\"deadlift\",\"percent\":50,\"referenceMax\":{\"value\":365,\"unit\":\"lb\"}}")
                .expectStatus().isNotFound();
        coach.post(base + "/clearances", "{\"exercise\":\"deadlift\"}").expectStatus().isNotFound();
    }

    @Test
    void aRepeatedIdempotencyKeyOrClientIdRecordsOnce() {
        String cues = "/api/v1/athletes/" + mark + "/cues";
        String body = "{\"text\":\"drag the bar up your legs\",\"exercise\":\"deadlift\",\"fault\":\"bar_drifts_forward\"}";
        long before = events();
        JsonNode first = carter.post(cues, body, "cue-retry-1").expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode second = carter.post(cues, body, "cue-retry-1").expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(second).isEqualTo(first);
        assertThat(events()).isEqualTo(before + 1);
        carter.post(cues, body.replace("legs", "shins"), "cue-retry-1").expectStatus().isEqualTo(422);
        assertThat(events()).isEqualTo(before + 1);

        String id = UUID.randomUUID().toString();
        String deload = "{\"id\":\"" + id + "\",\"exercise\":\"deadlift\",\"percent\":50,\"referenceMax\":{\"value\":365,\"unit\":\"lb\"}}";
        JsonNode once = carter.created("/api/v1/athletes/" + mark + "/deloads", deload);
        JsonNode twice = carter.created("/api/v1/athletes/" + mark + "/deloads", deload);
        assertThat(once.get("id").asText()).isEqualTo(id);
        assertThat(twice).isEqualTo(once);
        assertThat(events()).isEqualTo(before + 2);
    }

    @Test
    void everyCoachRouteNeedsAValidCoachToken() {
        String athlete = "/api/v1/athletes/" + mark;
        List<String[]> routes = List.of(
                new String[]{"GET", "/api/v1/me"}, new String[]{"GET", "/api/v1/me/athletes"},
                new String[]{"GET", "/api/v1/me/review-queue"},
                new String[]{"POST", athlete + "/videos/" + markVideo + "/reviews"},
                new String[]{"POST", athlete + "/cues"}, new String[]{"DELETE", athlete + "/cues/" + UUID.randomUUID()},
                new String[]{"POST", athlete + "/deloads"}, new String[]{"POST", athlete + "/clearances"},
                new String[]{"GET", athlete + "/timeline"}, new String[]{"GET", athlete + "/timeline/stream"});
        // mark's account, as athlete-service writes it into the shared table
        jdbc.sql("insert into account (id, role, email, password_hash, display_name, created_at) values (?, 'ATHLETE', ?, 'x', 'Mark', now())")
                .params(mark.value(), mark.value() + "@example.com").update();
        String athleteToken = tokens.issue(mark.value(), Role.ATHLETE, 0).token();
        String forged = carter.token().substring(0, carter.token().length() - 4) + "AAAA";
        long before = events();
        for (String[] route : routes) {
            request(route).exchange().expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            request(route).headers(h -> h.setBearerAuth(forged)).exchange().expectStatus().isUnauthorized();
            request(route).headers(h -> h.setBearerAuth(athleteToken)).exchange().expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(events()).isEqualTo(before);
    }

    private WebTestClient.RequestBodySpec request(String[] route) {
        return http.method(HttpMethod.valueOf(route[0])).uri(route[1]).contentType(MediaType.APPLICATION_JSON);
    }

    /** The grant has reached coach-service: the coach can read the athlete and the relationship is open. */
    private void awaitCoaching(CoachApi coach, AthleteId athlete) {
        await().untilAsserted(() -> {
            assertThat(relationshipEvents(coach, athlete, RelationshipOpenedEvent.class))
                    .isGreaterThan(relationshipEvents(coach, athlete, RelationshipClosedEvent.class));
            coach.get("/api/v1/athletes/" + athlete + "/timeline").expectStatus().isOk();
        });
    }

    /** The revoke has closed the relationship (so nothing more is appended in the background). */
    private void awaitClosed(CoachApi coach, AthleteId athlete) {
        await().untilAsserted(() -> assertThat(relationshipEvents(coach, athlete, RelationshipClosedEvent.class))
                .isEqualTo(relationshipEvents(coach, athlete, RelationshipOpenedEvent.class)));
    }

    private long relationshipEvents(CoachApi coach, AthleteId athlete, Class<?> type) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type = ?")
                .params(Relationships.idOf(new CoachId(coach.id()), athlete).toString(), type.getName())
                .query(Long.class).single();
    }

    private static List<String> types(JsonNode items) {
        List<String> types = new ArrayList<>();
        items.forEach(i -> types.add(i.get("type").asText()));
        return types;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }
}
