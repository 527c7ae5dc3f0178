package dev.hinge.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static dev.hinge.e2e.CoachingAcrossServicesTest.grant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The case study every release must replay (docs/domain.md, "The Mark case"), entered after the fact through both
 * services' HTTP APIs with times in the past, and read back the same on both sides.
 */
class MarkCaseTest {
    private static final Logger log = LoggerFactory.getLogger(MarkCaseTest.class);
    private static final int[] CLIMB = {185, 205, 225, 245, 265, 285, 295};

    static TwoServices services;

    @BeforeAll
    static void start() {
        services = TwoServices.get();
    }

    @Test
    void markClimbsBackToEightyPercentOfHisOldMaxPainFreeWithinFourWeeks() throws Exception {
        Person coach = Person.register(services.coachHttp(), "Coach");
        Person mark = Person.register(services.athleteHttp(), "Mark");
        Instant deloadAt = enter(mark, coach);
        String base = "/api/v1/athletes/" + mark.id();

        String athleteProgress = "/api/v1/me/progress?exercise=deadlift";
        String coachProgress = base + "/progress?exercise=deadlift";
        await().untilAsserted(() -> assertMarkProgress(mark.ok(athleteProgress)));
        await().untilAsserted(() -> assertMarkProgress(coach.ok(coachProgress)));
        JsonNode seenByCoach = coach.ok(coachProgress);
        log.info("The Mark case as the coach sees it:\n{}",
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(seenByCoach));

        await().untilAsserted(() -> assertThat(ids(coach.ok(base + "/timeline?limit=500")))
                .isEqualTo(ids(mark.ok("/api/v1/me/timeline?limit=500"))));
        JsonNode timeline = mark.ok("/api/v1/me/timeline?limit=500");
        List<String> times = timeline.get("items").findValuesAsText("at");
        assertThat(times).isSortedAccordingTo(java.util.Comparator.comparing(Instant::parse));
        assertThat(timeline.get("items").findValuesAsText("type")).containsSubsequence(
                "set_logged", "video_attached", "video_reviewed", "cue_assigned", "deload_prescribed", "set_logged",
                "coach_access_granted"); // the grant happened today; the history was entered after the fact

        JsonNode beforeDeload = coach.ok(coachProgress + "&asOf=" + deloadAt.minusSeconds(1));
        assertThat(beforeDeload.get("deload").isNull()).isTrue();
        assertThat(beforeDeload.get("status").asText()).isEqualTo("pain_reported");
    }

    /**
     * Enters the Mark case for {@code mark}, coached by {@code coach}, through both APIs with times in the past: the
     * painful 365 lb set and its video, the review, three cues, the deload to 50% four weeks ago, and the climb back
     * to 295 lb pain-free. Answers the deload's time. The browser test draws this history's chart.
     */
    static Instant enter(Person mark, Person coach) {
        grant(mark, coach);
        Instant deloadAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofDays(28));

        JsonNode painful = mark.created("/api/v1/me/sets", """
                {"exercise":"deadlift","load":{"value":365,"unit":"lb"},"reps":5,"performedAt":"%s",
                 "pain":{"score":6,"location":"lower back","quality":"sharp"}}""".formatted(deloadAt.minus(Duration.ofDays(2))));
        String videoId = mark.created("/api/v1/me/sets/" + painful.get("id").asText() + "/videos",
                "{\"url\":\"https://example.com/mark-365.mp4\",\"at\":\"%s\"}".formatted(deloadAt.minus(Duration.ofDays(2))))
                .get("id").asText();
        String base = "/api/v1/athletes/" + mark.id();
        await().untilAsserted(() -> coach.post(base + "/videos/" + videoId + "/reviews", """
                {"faults":[{"fault":"hips_rise_too_fast"},{"fault":"bar_drifts_forward"}],"barOffsetInches":3,"at":"%s"}"""
                .formatted(deloadAt.minus(Duration.ofDays(1)))).expectStatus().isCreated());
        List<String> cues = List.of("chest up", "push the floor away", "drag the bar up your legs");
        for (int i = 0; i < cues.size(); i++) {
            coach.created(base + "/cues", "{\"text\":\"%s\",\"exercise\":\"deadlift\",\"at\":\"%s\"}"
                    .formatted(cues.get(i), deloadAt.minus(Duration.ofDays(1)).plus(Duration.ofMinutes(i))));
        }
        await().untilAsserted(() -> coach.post(base + "/deloads", "{\"exercise\":\"deadlift\",\"instruction\":\"scale to 50%\",\"at\":\"" + deloadAt + "\"}")
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.exactLoad").isEqualTo(182.5)
                .jsonPath("$.roundedLoad").isEqualTo(180));
        for (int i = 0; i < CLIMB.length; i++) {
            mark.created("/api/v1/me/sets", """
                    {"exercise":"deadlift","load":{"value":%d,"unit":"lb"},"reps":5,"performedAt":"%s",
                     "pain":{"score":0,"quality":"none"}}""".formatted(CLIMB[i], deloadAt.plus(Duration.ofDays(1 + 4L * i))));
        }
        return deloadAt;
    }

    private static void assertMarkProgress(JsonNode progress) {
        assertThat(progress.at("/exercise").asText()).isEqualTo("deadlift");
        assertThat(progress.at("/unit").asText()).isEqualTo("lb");
        assertThat(progress.at("/referenceMax").decimalValue()).isEqualByComparingTo("365");
        assertThat(progress.at("/deload/percent").decimalValue()).isEqualByComparingTo("50");
        assertThat(progress.at("/deload/exactLoad").decimalValue()).isEqualByComparingTo("182.5");
        assertThat(progress.at("/deload/roundedLoad").decimalValue()).isEqualByComparingTo("180");
        assertThat(progress.at("/bestPainFreeLoad").decimalValue()).isEqualByComparingTo("295");
        assertThat(progress.at("/bestPainFreePercent").decimalValue()).isEqualByComparingTo("80.8");
        assertThat(progress.at("/weeksSinceDeload").decimalValue()).isEqualByComparingTo("4.0");
        assertThat(progress.at("/painFreeStreak").asInt()).isEqualTo(CLIMB.length);
        assertThat(progress.at("/latestPain/score").asInt()).isZero();
        assertThat(texts(progress.at("/activeCues"))).containsExactly("chest up", "push the floor away", "drag the bar up your legs");
        assertThat(progress.at("/status").asText()).isEqualTo("progressing");
        assertThat(progress.at("/suggestion/action").asText()).isEqualTo("increase");
        assertThat(progress.at("/suggestion/load/value").decimalValue()).isEqualByComparingTo("310");
        assertThat(progress.at("/suggestion/load/unit").asText()).isEqualTo("lb");
    }

    private static List<String> texts(JsonNode array) {
        return CoachingAcrossServicesTest.texts(array);
    }

    private static List<String> ids(JsonNode timeline) {
        List<String> ids = new java.util.ArrayList<>();
        timeline.get("items").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }
}
