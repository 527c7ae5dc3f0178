package dev.hinge.athlete.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hinge.kernel.account.CoachRegisteredEvent;
import dev.hinge.kernel.account.DisplayName;
import dev.hinge.kernel.coaching.CueAssignedEvent;
import dev.hinge.kernel.coaching.CueId;
import dev.hinge.kernel.coaching.FormFault;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.account.Role;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.platform.security.Tokens;
import dev.hinge.platform.test.FreshPostgres;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** athlete-service end to end: real HTTP, real tokens, real PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshPostgres.class)
class AthleteApiTest {
    private static final String MARK_SET = """
            {"exercise":"deadlift","load":{"value":365,"unit":"lb"},"reps":5,"rpe":9,
             "performedAt":"2026-10-01T18:00:00Z","pain":{"score":6,"location":"lower back","quality":"sharp"},
             "checklist":["feet_position","grip"],"notes":"back hurt after"}""";

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    Tokens tokens;

    long events() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    @Test
    void athleteRegistersLogsASetAndSeesItOnTheirTimeline() {
        AthleteApi mark = AthleteApi.register(http, "Mark");
        mark.get("/api/v1/me").expectStatus().isOk().expectBody()
                .jsonPath("$.id").isEqualTo(mark.id().toString())
                .jsonPath("$.displayName").isEqualTo("Mark")
                .jsonPath("$.role").isEqualTo("athlete");

        JsonNode set = mark.logSet(MARK_SET);
        assertThat(set.get("load").get("value").decimalValue()).isEqualByComparingTo("365");
        assertThat(set.get("load").get("unit").asText()).isEqualTo("lb");
        assertThat(set.get("pain").get("quality").asText()).isEqualTo("sharp");
        assertThat(set.get("checklist")).hasSize(2);

        await().untilAsserted(() -> assertThat(mark.timeline("").get("items")).hasSize(1));
        JsonNode item = mark.timeline("").get("items").get(0);
        assertThat(item.get("type").asText()).isEqualTo("set_logged");
        assertThat(item.get("at").asText()).isEqualTo("2026-10-01T18:00:00Z");
        assertThat(item.get("summary").asText()).isEqualTo("Deadlift 365 lb × 5 @ RPE 9, pain 6/10 sharp (lower back)");
        assertThat(item.get("actor").get("role").asText()).isEqualTo("athlete");
        assertThat(item.get("data").get("id").asText()).isEqualTo(set.get("id").asText());
        assertThat(item.get("data").get("notes").asText()).isEqualTo("back hurt after");
    }

    @Test
    void registrationRefusesADuplicateEmailAndLoginChecksThePassword() {
        String body = "{\"email\":\"Dup@Example.com\",\"password\":\"correct horse battery\",\"displayName\":\"Dup\"}";
        http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated();
        long before = events();
        http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body.replace("Dup@", "dup@")).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(events()).isEqualTo(before);

        http.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"dup@example.com\",\"password\":\"correct horse battery\"}").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.tokenType").isEqualTo("Bearer")
                .jsonPath("$.token").isNotEmpty()
                .jsonPath("$.expiresAt").isNotEmpty();
        http.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"dup@example.com\",\"password\":\"wrong horse battery\"}").exchange()
                .expectStatus().isUnauthorized();
        http.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"nobody@example.com\",\"password\":\"correct horse battery\"}").exchange()
                .expectStatus().isUnauthorized();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"email\":\"not-an-email\",\"password\":\"correct horse battery\",\"displayName\":\"A\"}|email",
            "{\"email\":\"a@example.com\",\"password\":\"short\",\"displayName\":\"A\"}|password",
            "{\"email\":\"a@example.com\",\"password\":\"correct horse battery\",\"displayName\":\"  \"}|displayName",
            "{\"email\":\"a@example.com\",\"password\":\"correct horse battery\"}|displayName",
            "{\"email\":\"a@example.com\",\"password\":1234567890123,\"displayName\":\"A\"}|password",
            "{\"email\":\"a@example.com\",\"password\":\"correct horse battery\",\"displayName\":\"A\",\"role\":\"coach\"}|role"})
    void registrationNamesTheInvalidField(String body, String field) {
        long before = events();
        http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
        assertThat(events()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "{\"load\":{\"value\":100,\"unit\":\"kg\"},\"reps\":5}|exercise",
            "{\"exercise\":\"Dead Lift\",\"load\":{\"value\":100,\"unit\":\"kg\"},\"reps\":5}|exercise",
            "{\"exercise\":\"deadlift\",\"reps\":5}|load",
            "{\"exercise\":\"deadlift\",\"load\":{\"unit\":\"kg\"},\"reps\":5}|load.value",
            "{\"exercise\":\"deadlift\",\"load\":{\"value\":0,\"unit\":\"kg\"},\"reps\":5}|load.value",
            "{\"exercise\":\"deadlift\",\"load\":{\"value\":-5,\"unit\":\"kg\"},\"reps\":5}|load.value",
            "{\"exercise\":\"deadlift\",\"load\":{\"value\":1000.5,\"unit\":\"kg\"},\"reps\":5}|load.value",
            "{\"exercise\":\"deadlift\",\"load\":{\"value\":2205,\"unit\":\"lb\"},\"reps\":5}|load.value",
            "{\"exercise\":\"deadlift\",\"load\":{\"value\":\"100\",\"unit\":\"kg\"},\"reps\":5}|load.value",
            "{\"exercise\":\"deadlift\",\"load\":{\"value\":100,\"unit\":\"stone\"},\"reps\":5}|load.unit",
            "{\"exercise\":\"deadlift\",\"load\":{\"value\":100,\"unit\":\"KG\"},\"reps\":5}|load.unit",
            "{\"exercise\":\"deadlift\",\"load\":{\"value\":100,\"unit\":\"kg\"}}|reps",
            "{\"exercise\":\"deadlift\",\"load\":{\"value\":100,\"unit\":\"kg\"},\"reps\":0}|reps",
            "{\"exercise\":\"deadlift\",\"load\":{\"value\":100,\"unit\":\"kg\"},\"reps\":2.5}|reps",
            "{\"exercise\":\"deadlift\",\"load\":{\"value\":100,\"unit\":\"kg\"},\"reps\":\"5\"}|reps",
            "{\"exercise\":\"deadlift\",\"load\":{\"value\":100,\"unit\":\"kg\"},\"reps\":5,\"rpe\":11}|rpe",
            "{\"exercise\":\"deadlift\",\"load\":{\"value\":100,\"unit\":\"kg\"},\"reps\":5,\"rpe\":7.3}|rpe",
            "{\"exercise\":\"deadlift\",\"load\":{\"value\":100,\"unit\":\"kg\"},\"reps\":5,\"performedAt\":\"yesterday\"}|performedAt",
            "{\"exercise\":\"deadlift\",\"load\":{\"value\":100,\"unit\":\"kg\"},\"reps\":5,\"performedAt\":\"1999-12-31T23:59:59Z\"}|performedAt",
            "{\"exercise\":\"deadlift\",\"load\":{\"value\":100,\"unit\":\"kg\"},\"reps\":5,\"performedAt\":\"2999-01-01T00:00:00Z\"}|performedAt",
            "{\"exercise\":\"deadlift\",\"load\":{\"value\":100,\"unit\":\"kg\"},\"reps\":5,\"performedAt\":1767225600}|performedAt",
            "{\"exercise\":\"deadlift\",\"load\":{\"value\":100,\"unit\":\"kg\"},\"reps\":5,\"pain\":{\"score\":11,\"quality\":\"sharp\"}}|pain.score",
            "{\"exercise\":\"deadlift\",\"load\":{\"value\":100,\"unit\":\"kg\"},\"reps\":5,\"pain\":{\"score\":3}}|pain.quality",
            "{\"exercise\":\"deadlift\",\"load\":{\"value\":100,\"unit\":\"kg\"},\"reps\":5,\"pain\":{\"score\":3,\"quality\":\"burning\"}}|pain.quality",
            "{\"exercise\":\"deadlift\",\"load\":{\"value\":100,\"unit\":\"kg\"},\"reps\":5,\"pain\":{\"score\":3,\"quality\":\"none\"}}|pain.quality",
            "{\"exercise\":\"deadlift\",\"load\":{\"value\":100,\"unit\":\"kg\"},\"reps\":5,\"checklist\":[\"grip\",\"posture\"]}|checklist[1]",
            "{\"exercise\":\"deadlift\",\"load\":{\"value\":100,\"unit\":\"kg\"},\"reps\":5,\"checklist\":[\"grip\",\"grip\"]}|checklist[1]",
            "{\"exercise\":\"deadlift\",\"load\":{\"value\":100,\"unit\":\"kg\"},\"reps\":5,\"videoUrl\":\"ftp://example.com/v\"}|videoUrl",
            "{\"exercise\":\"deadlift\",\"load\":{\"value\":100,\"unit\":\"kg\"},\"reps\":5,\"notes\":\"\"}|notes",
            "{\"exercise\":\"deadlift\",\"load\":{\"value\":100,\"unit\":\"kg\"},\"reps\":5,\"id\":\"not-a-uuid\"}|id",
            "{\"exercise\":\"deadlift\",\"load\":{\"value\":100,\"unit\":\"kg\"},\"reps\":5,\"athleteId\":\"6f1c1f7e-2c4e-4f0e-9d55-0e6f3f1a7a10\"}|athleteId"})
    void loggingASetNamesTheInvalidFieldAndAppendsNothing(String body, String field) {
        AthleteApi athlete = AthleteApi.register(http, "Validator");
        long before = events();
        athlete.post("/api/v1/me/sets", body).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].message").isNotEmpty();
        assertThat(events()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', value = {
            "{\"quality\":\"sharp\"}|score",
            "{\"score\":-1,\"quality\":\"sharp\"}|score",
            "{\"score\":4}|quality",
            "{\"score\":4,\"quality\":\"sharp\",\"exercise\":\"9lift\"}|exercise",
            "{\"score\":4,\"quality\":\"sharp\",\"at\":\"2026-13-01T00:00:00Z\"}|at",
            "{\"score\":4,\"quality\":\"sharp\",\"location\":\"\"}|location"})
    void reportingPainNamesTheInvalidFieldAndAppendsNothing(String body, String field) {
        AthleteApi athlete = AthleteApi.register(http, "Validator");
        long before = events();
        athlete.post("/api/v1/me/pain-reports", body).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void malformedJsonAndAMissingBodyAreBadRequests() {
        AthleteApi athlete = AthleteApi.register(http, "Sloppy");
        athlete.post("/api/v1/me/sets", "{\"exercise\":").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        athlete.post("/api/v1/me/sets", "[]").expectStatus().isBadRequest();
        http.post().uri("/api/v1/me/sets").headers(h -> h.setBearerAuth(athlete.token()))
                .contentType(MediaType.APPLICATION_JSON).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body")
                .jsonPath("$.errors[0].message").isEqualTo("is required and must be a JSON object");
    }

    @Test
    void everyAthleteRouteNeedsAValidAthleteToken() {
        AthleteApi athlete = AthleteApi.register(http, "Guarded");
        List<String[]> routes = List.of(
                new String[]{"GET", "/api/v1/me"}, new String[]{"GET", "/api/v1/me/timeline"},
                new String[]{"GET", "/api/v1/me/cues"}, new String[]{"GET", "/api/v1/me/timeline/stream"},
                new String[]{"POST", "/api/v1/me/sets"}, new String[]{"POST", "/api/v1/me/pain-reports"},
                new String[]{"POST", "/api/v1/me/coaches"}, new String[]{"POST", "/api/v1/me/sets/" + UUID.randomUUID() + "/videos"},
                new String[]{"DELETE", "/api/v1/me/coaches/" + UUID.randomUUID()}, new String[]{"GET", "/api/v1/me/coaches"},
                new String[]{"GET", "/api/v1/me/export"}, new String[]{"GET", "/api/v1/me/export?format=csv"});
        UUID coach = UUID.randomUUID(); // a coach account, as coach-service writes it into the shared table
        jdbc.sql("insert into account (id, role, email, password_hash, display_name, created_at) values (?, 'COACH', ?, 'x', 'Coach', now())")
                .params(coach, coach + "@example.com").update();
        String coachToken = tokens.issue(coach, Role.COACH, 0).token();
        String forged = athlete.token().substring(0, athlete.token().length() - 4) + "AAAA";
        for (String[] route : routes) {
            request(route).exchange().expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            request(route).headers(h -> h.setBearerAuth(forged)).exchange().expectStatus().isUnauthorized();
            request(route).headers(h -> h.setBearerAuth(coachToken)).exchange().expectStatus().isForbidden();
        }
    }

    private WebTestClient.RequestBodySpec request(String[] route) {
        return http.method(org.springframework.http.HttpMethod.valueOf(route[0])).uri(route[1])
                .contentType(MediaType.APPLICATION_JSON);
    }

    @Test
    void attachingAVideoToAnotherAthletesSetIsNotFound() {
        AthleteApi mark = AthleteApi.register(http, "Mark");
        AthleteApi other = AthleteApi.register(http, "Other");
        String setId = mark.logSet(MARK_SET).get("id").asText();

        long before = events();
        other.post("/api/v1/me/sets/" + setId + "/videos", "{\"url\":\"https://example.com/steal.mp4\"}")
                .expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(events()).isEqualTo(before);

        mark.post("/api/v1/me/sets/" + setId + "/videos", "{\"url\":\"https://example.com/mark.mp4\",\"note\":\"side view\"}")
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.setId").isEqualTo(setId)
                .jsonPath("$.url").isEqualTo("https://example.com/mark.mp4")
                .jsonPath("$.id").isNotEmpty();
        mark.post("/api/v1/me/sets/" + setId + "/videos", "{\"url\":\"javascript:alert(1)\"}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("url");
        mark.post("/api/v1/me/sets/not-a-set/videos", "{\"url\":\"https://example.com/v.mp4\"}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("setId");
    }

    @Test
    void twoAthletesWhoLogASetWithTheSameIdAndFootageEachKeepTheirOwnVideo() {
        AthleteApi mark = AthleteApi.register(http, "Mark");
        AthleteApi other = AthleteApi.register(http, "Other");
        String sameId = UUID.randomUUID().toString();
        String set = "{\"id\":\"" + sameId + "\",\"exercise\":\"deadlift\",\"load\":{\"value\":100,\"unit\":\"kg\"},\"reps\":5,"
                + "\"videoUrl\":\"https://example.com/%s.mp4\"}";

        JsonNode marks = mark.logSet(set.formatted("mark"));
        JsonNode others = other.logSet(set.formatted("other"));
        JsonNode repeated = mark.logSet(set.formatted("mark-again"));

        assertThat(others.get("id").asText()).isEqualTo(marks.get("id").asText()).isEqualTo(sameId);
        assertThat(others.get("videoId").asText()).isNotEqualTo(marks.get("videoId").asText());
        assertThat(repeated).isEqualTo(marks);
        await().untilAsserted(() -> assertThat(videos(mark)).containsExactly(
                marks.get("videoId").asText() + " https://example.com/mark.mp4"));
        await().untilAsserted(() -> assertThat(videos(other)).containsExactly(
                others.get("videoId").asText() + " https://example.com/other.mp4"));
    }

    /** The videos on the athlete's timeline: id and url. */
    private static List<String> videos(AthleteApi athlete) {
        List<String> videos = new ArrayList<>();
        athlete.timeline("").get("items").forEach(item -> {
            if (item.get("type").asText().equals("video_attached")) {
                videos.add(item.get("data").get("id").asText() + " " + item.get("data").get("url").asText());
            }
        });
        return videos;
    }

    @Test
    void anotherAthletesTimelineIsNeverShown() {
        AthleteApi mark = AthleteApi.register(http, "Mark");
        AthleteApi other = AthleteApi.register(http, "Other");
        mark.logSet(MARK_SET);
        other.logSet("{\"exercise\":\"back_squat\",\"load\":{\"value\":100,\"unit\":\"kg\"},\"reps\":5}");
        await().untilAsserted(() -> assertThat(other.timeline("").get("items")).hasSize(1));
        assertThat(other.timeline("").get("items").get(0).get("data").get("exercise").asText()).isEqualTo("back_squat");
        await().untilAsserted(() -> assertThat(mark.timeline("").get("items")).hasSize(1));
        assertThat(mark.timeline("").get("items").get(0).get("data").get("exercise").asText()).isEqualTo("deadlift");
    }

    @Test
    void aRepeatedIdempotencyKeyAnswersTheFirstResultAndAppendsOneEvent() {
        AthleteApi athlete = AthleteApi.register(http, "Retrier");
        String body = "{\"exercise\":\"deadlift\",\"load\":{\"value\":182.5,\"unit\":\"lb\"},\"reps\":5,\"pain\":{\"score\":0,\"quality\":\"none\"}}";
        long before = events();
        JsonNode first = athlete.post("/api/v1/me/sets", body, "retry-1").expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode second = athlete.post("/api/v1/me/sets", body, "retry-1").expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(second).isEqualTo(first);
        assertThat(events()).isEqualTo(before + 1);

        athlete.post("/api/v1/me/sets", body.replace("182.5", "185"), "retry-1").expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(events()).isEqualTo(before + 1);
    }

    @Test
    void aClientIdSentTwiceCreatesOneSetAndAnswersTheSame() {
        AthleteApi athlete = AthleteApi.register(http, "Client ids");
        String id = UUID.randomUUID().toString();
        String body = "{\"id\":\"" + id + "\",\"exercise\":\"deadlift\",\"load\":{\"value\":80,\"unit\":\"kg\"},\"reps\":3}";
        long before = events();
        JsonNode first = athlete.logSet(body);
        JsonNode second = athlete.logSet(body);
        assertThat(first.get("id").asText()).isEqualTo(id);
        assertThat(second).isEqualTo(first);
        assertThat(events()).isEqualTo(before + 1);
    }

    @Test
    void aSetLoggedLateLandsInItsPlaceOnTheTimeline() {
        AthleteApi athlete = AthleteApi.register(http, "Late logger");
        athlete.logSet(set("2026-10-03T18:00:00Z", 200));
        athlete.logSet(set("2026-10-07T18:00:00Z", 220));
        athlete.logSet(set("2026-10-05T18:00:00Z", 210));

        await().untilAsserted(() -> assertThat(athlete.timeline("").get("items")).hasSize(3));
        List<String> times = new ArrayList<>();
        athlete.timeline("").get("items").forEach(i -> times.add(i.get("at").asText()));
        assertThat(times).containsExactly("2026-10-03T18:00:00Z", "2026-10-05T18:00:00Z", "2026-10-07T18:00:00Z");
    }

    @Test
    void theTimelineIsPagedAndFiltered() {
        AthleteApi athlete = AthleteApi.register(http, "Pager");
        for (int day = 1; day <= 5; day++) {
            athlete.logSet(set("2026-10-0" + day + "T18:00:00Z", 200 + day));
        }
        athlete.logSet("{\"exercise\":\"back_squat\",\"load\":{\"value\":100,\"unit\":\"kg\"},\"reps\":5,\"performedAt\":\"2026-10-02T12:00:00Z\"}");
        await().untilAsserted(() -> assertThat(athlete.timeline("").get("items")).hasSize(6));

        JsonNode first = athlete.timeline("?exercise=deadlift&limit=2");
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("next").isNull()).isFalse();
        JsonNode second = athlete.timeline("?exercise=deadlift&limit=2&cursor=" + first.get("next").asText());
        JsonNode third = athlete.timeline("?exercise=deadlift&limit=2&cursor=" + second.get("next").asText());
        assertThat(third.get("items")).hasSize(1);
        assertThat(third.get("next").isNull()).isTrue();
        assertThat(second.get("items").get(0).get("at").asText()).isEqualTo("2026-10-03T18:00:00Z");

        JsonNode window = athlete.timeline("?from=2026-10-02T00:00:00Z&to=2026-10-03T00:00:00Z");
        assertThat(window.get("items")).hasSize(2);

        athlete.get("/api/v1/me/timeline?limit=501").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
        athlete.get("/api/v1/me/timeline?limit=abc").expectStatus().isBadRequest();
        athlete.get("/api/v1/me/timeline?from=yesterday").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
        athlete.get("/api/v1/me/timeline?cursor=garbage").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
    }

    @Test
    void aRedFlagPainReportRaisesARedFlagOnTheTimeline() {
        AthleteApi athlete = AthleteApi.register(http, "Radiating");
        athlete.post("/api/v1/me/pain-reports",
                        "{\"score\":5,\"location\":\"left leg\",\"quality\":\"radiating\",\"exercise\":\"deadlift\",\"at\":\"2026-10-02T07:00:00Z\"}")
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.redFlag").isEqualTo(true)
                .jsonPath("$.quality").isEqualTo("radiating");
        athlete.post("/api/v1/me/pain-reports", "{\"score\":2,\"quality\":\"soreness\",\"location\":\"hamstrings\"}")
                .expectStatus().isCreated().expectBody().jsonPath("$.redFlag").isEqualTo(false);

        await().untilAsserted(() -> assertThat(athlete.timeline("").get("items")).hasSize(3));
        List<String> types = new ArrayList<>();
        athlete.timeline("").get("items").forEach(i -> types.add(i.get("type").asText()));
        assertThat(types).containsExactly("pain_reported", "red_flag_raised", "pain_reported");
    }

    @Test
    void anAthleteGrantsAndRevokesARegisteredCoach() {
        AthleteApi athlete = AthleteApi.register(http, "Granting");
        CoachId coach = new CoachId(UUID.randomUUID());
        athlete.post("/api/v1/me/coaches", "{\"coachId\":\"" + coach + "\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("coachId");

        coachRegisters(coach);
        await().untilAsserted(() -> athlete.post("/api/v1/me/coaches", "{\"coachId\":\"" + coach + "\"}")
                .expectStatus().isCreated().expectBody().jsonPath("$.coachId").isEqualTo(coach.toString()));
        athlete.delete("/api/v1/me/coaches/" + coach).expectStatus().isNoContent();
        athlete.delete("/api/v1/me/coaches/" + coach).expectStatus().isNotFound();
        athlete.delete("/api/v1/me/coaches/not-a-uuid").expectStatus().isBadRequest();

        await().untilAsserted(() -> assertThat(athlete.timeline("").get("items")).hasSize(2));
        assertThat(athlete.timeline("").get("items").get(1).get("type").asText()).isEqualTo("coach_access_revoked");
    }

    @Test
    void cuesACoachAssignsShowAsActiveNewestFirst() {
        AthleteApi athlete = AthleteApi.register(http, "Cued");
        CoachId coach = new CoachId(UUID.randomUUID());
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        append(athlete.id(), new CueAssignedEvent(new AthleteId(athlete.id()), coach, new CueId(UUID.randomUUID()),
                "chest up", Exercise.DEADLIFT, FormFault.HIPS_RISE_TOO_FAST, null, null, at));
        append(athlete.id(), new CueAssignedEvent(new AthleteId(athlete.id()), coach, new CueId(UUID.randomUUID()),
                "drag the bar up your legs", Exercise.DEADLIFT, FormFault.BAR_DRIFTS_FORWARD, null, new java.math.BigDecimal("3.532"), at.plusSeconds(1)));
        await().untilAsserted(() -> athlete.get("/api/v1/me/cues").expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].text").isEqualTo("drag the bar up your legs")
                .jsonPath("$.items[0].atSecond").isEqualTo(3.532)
                .jsonPath("$.items[1].fault").isEqualTo("hips_rise_too_fast"));
        AthleteApi other = AthleteApi.register(http, "Uncued");
        other.get("/api/v1/me/cues").expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }

    @Test
    void theTimelineStreamSendsWhatIsThereThenEachNewItem() {
        AthleteApi athlete = AthleteApi.register(http, "Streamer");
        athlete.logSet(set("2026-10-01T18:00:00Z", 200));
        await().untilAsserted(() -> assertThat(athlete.timeline("").get("items")).hasSize(1));

        Flux<ServerSentEvent<JsonNode>> stream = http.get().uri("/api/v1/me/timeline/stream")
                .headers(h -> h.setBearerAuth(athlete.token())).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() {
                }).getResponseBody().filter(e -> e.data() != null);
        StepVerifier.create(stream.map(e -> e.data().get("data").get("load").get("value").asInt()).take(2))
                .expectNext(200)
                .then(() -> athlete.logSet(set("2026-10-02T18:00:00Z", 210)))
                .expectNext(210)
                .verifyComplete();
    }

    @Test
    void progressFollowsPainFreeSessionsAndStopsAtARedFlag() {
        AthleteApi athlete = AthleteApi.register(http, "Progressing");
        athlete.logSet(set("2026-10-01T18:00:00Z", 285));
        athlete.logSet(set("2026-10-04T18:00:00Z", 295));
        await().untilAsserted(() -> athlete.get("/api/v1/me/progress?exercise=deadlift").expectStatus().isOk().expectBody()
                .jsonPath("$.bestPainFreeLoad").isEqualTo(295)
                .jsonPath("$.status").isEqualTo("progressing")
                .jsonPath("$.suggestion.action").isEqualTo("increase")
                .jsonPath("$.suggestion.load.value").isEqualTo(305)
                .jsonPath("$.suggestion.load.unit").isEqualTo("lb"));

        athlete.post("/api/v1/me/pain-reports", "{\"score\":3,\"quality\":\"tingling\",\"location\":\"left foot\",\"exercise\":\"deadlift\",\"at\":\"2026-10-05T07:00:00Z\"}")
                .expectStatus().isCreated();
        athlete.logSet(set("2026-10-07T18:00:00Z", 295));
        await().untilAsserted(() -> athlete.get("/api/v1/me/progress?exercise=deadlift").expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("red_flag")
                .jsonPath("$.suggestion.action").isEqualTo("stop")
                .jsonPath("$.suggestion.load").isEmpty());

        athlete.get("/api/v1/me/progress?exercise=deadlift&asOf=2026-10-04T23:00:00Z").expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("progressing");
        athlete.get("/api/v1/me/progress").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("exercise");
        athlete.get("/api/v1/me/progress?exercise=deadlift&asOf=soon").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("asOf");
        AthleteApi other = AthleteApi.register(http, "Nothing yet");
        other.get("/api/v1/me/progress?exercise=deadlift").expectStatus().isOk().expectBody()
                .jsonPath("$.referenceMax").isEmpty()
                .jsonPath("$.bestPainFreeLoad").isEmpty();
    }

    @Test
    void theTimelineAsOfADateShowsWhatHadHappenedByThen() {
        AthleteApi athlete = AthleteApi.register(http, "Historian");
        athlete.logSet(set("2026-10-01T18:00:00Z", 200));
        athlete.logSet(set("2026-10-08T18:00:00Z", 210));
        await().untilAsserted(() -> assertThat(athlete.timeline("").get("items")).hasSize(2));
        assertThat(athlete.timeline("?asOf=2026-10-01T18:00:00Z").get("items")).hasSize(1);
    }

    private void coachRegisters(CoachId coach) {
        eventStore.publish(new GenericDomainEventMessage<>("Coach", coach.toString(), 0,
                new CoachRegisteredEvent(coach, new DisplayName("Coach Carter"), Instant.now())));
    }

    private void append(UUID aggregate, Object event) {
        // stands in for coach-service appending to the shared store (its own aggregate, its own sequence)
        eventStore.publish(new GenericDomainEventMessage<>("CoachingRelationship", UUID.randomUUID().toString(), 0, event));
    }

    private static String set(String performedAt, int pounds) {
        return "{\"exercise\":\"deadlift\",\"load\":{\"value\":" + pounds + ",\"unit\":\"lb\"},\"reps\":5,"
                + "\"performedAt\":\"" + performedAt + "\",\"pain\":{\"score\":0,\"quality\":\"none\"}}";
    }

}
