package dev.hinge.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.hinge.platform.test.Videos;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The coach's side across the two services, through the event store only: the athlete grants, logs and
 * attaches a video on athlete-service; the coach reviews, cues and deloads on coach-service; the athlete sees it.
 */
class CoachingAcrossServicesTest {
    static TwoServices services;
    static WebTestClient athletes;
    static WebTestClient coaches;

    @BeforeAll
    static void start() {
        services = TwoServices.get();
        athletes = services.athleteHttp();
        coaches = services.coachHttp();
    }

    @Test
    void aCoachReviewsCuesAndDeloadsAnAthleteWhoGrantedAccess() {
        Person coach = Person.register(coaches, "Coach Carter");
        Person mark = Person.register(athletes, "Mark");
        grant(mark, coach);
        JsonNode set = mark.created("/api/v1/me/sets", """
                {"exercise":"deadlift","load":{"value":365,"unit":"lb"},"reps":5,
                 "pain":{"score":6,"location":"lower back","quality":"sharp"}}""");
        JsonNode video = mark.created("/api/v1/me/sets/" + set.get("id").asText() + "/videos",
                "{\"url\":\"https://example.com/mark-365.mp4\"}");
        String videoId = video.get("id").asText();

        await().untilAsserted(() -> assertThat(videoIds(coach.ok("/api/v1/me/review-queue"))).contains(videoId));
        await().untilAsserted(() -> assertThat(coach.ok("/api/v1/me/athletes").get("items").findValuesAsText("athleteId"))
                .contains(mark.id().toString()));

        JsonNode review = coach.created("/api/v1/athletes/" + mark.id() + "/videos/" + videoId + "/reviews", """
                {"faults":[{"fault":"hips_rise_too_fast","atSecond":2},{"fault":"bar_drifts_forward"}],
                 "barOffsetInches":3,"notes":"shoulders drop, back rounds"}""");
        assertThat(texts(review.get("suggestedCues")))
                .containsExactly("chest up", "push the floor away", "drag the bar up your legs");
        await().untilAsserted(() -> assertThat(videoIds(coach.ok("/api/v1/me/review-queue"))).doesNotContain(videoId));

        for (String cue : List.of("chest up", "push the floor away", "drag the bar up your legs")) {
            coach.created("/api/v1/athletes/" + mark.id() + "/cues", "{\"text\":\"" + cue + "\",\"exercise\":\"deadlift\"}");
        }
        JsonNode deload = coach.created("/api/v1/athletes/" + mark.id() + "/deloads",
                "{\"exercise\":\"deadlift\",\"instruction\":\"scale to 50%\"}");
        assertThat(deload.get("percent").decimalValue()).isEqualByComparingTo("50");
        assertThat(deload.get("referenceMax").get("value").decimalValue()).isEqualByComparingTo("365");
        assertThat(deload.get("referenceMax").get("unit").asText()).isEqualTo("lb");
        assertThat(deload.get("exactLoad").decimalValue()).isEqualByComparingTo("182.5");
        assertThat(deload.get("roundedLoad").decimalValue()).isEqualByComparingTo("180");

        await().untilAsserted(() -> assertThat(texts(mark.ok("/api/v1/me/cues").get("items").findValues("text")))
                .containsExactlyInAnyOrder("chest up", "push the floor away", "drag the bar up your legs"));
        await().untilAsserted(() -> assertThat(types(mark.ok("/api/v1/me/timeline")))
                .contains("video_reviewed", "cue_assigned", "deload_prescribed"));
    }

    @Test
    void aCoachWithoutAGrantSeesNothingAndARevokeShutsTheFirstCoachOut() {
        Person coach = Person.register(coaches, "Granted coach");
        Person stranger = Person.register(coaches, "Stranger");
        Person athlete = Person.register(athletes, "Private lifter");
        grant(athlete, coach);
        JsonNode set = athlete.created("/api/v1/me/sets", "{\"exercise\":\"deadlift\",\"load\":{\"value\":140,\"unit\":\"kg\"},\"reps\":3}");
        String videoId = athlete.created("/api/v1/me/sets/" + set.get("id").asText() + "/videos",
                "{\"url\":\"https://example.com/private.mp4\"}").get("id").asText();
        await().untilAsserted(() -> assertThat(videoIds(coach.ok("/api/v1/me/review-queue"))).contains(videoId));

        assertShutOut(stranger, athlete, videoId);
        assertThat(videoIds(stranger.ok("/api/v1/me/review-queue"))).doesNotContain(videoId);
        assertThat(stranger.ok("/api/v1/me/athletes").get("items").findValuesAsText("athleteId"))
                .doesNotContain(athlete.id().toString());

        athlete.delete("/api/v1/me/coaches/" + coach.id()).expectStatus().isNoContent();
        await().untilAsserted(() -> coach.get("/api/v1/athletes/" + athlete.id() + "/timeline").expectStatus().isNotFound());
        assertShutOut(coach, athlete, videoId);
        assertThat(videoIds(coach.ok("/api/v1/me/review-queue"))).doesNotContain(videoId);
    }

    @Test
    void anUploadedVideoPlaysToTheAthleteAndTheCoachesTheyGrantAndToNoOneElse() {
        Person coach = Person.register(coaches, "Video coach");
        Person stranger = Person.register(coaches, "Video stranger");
        Person mark = Person.register(athletes, "Filmed lifter");
        grant(mark, coach);
        String set = mark.created("/api/v1/me/sets", "{\"exercise\":\"deadlift\",\"load\":{\"value\":365,\"unit\":\"lb\"},\"reps\":5}")
                .get("id").asText();
        byte[] mp4 = Videos.bytes(Videos.MP4);
        MultipartBodyBuilder upload = new MultipartBodyBuilder();
        upload.part("file", new ByteArrayResource(mp4) {
            @Override
            public String getFilename() {
                return "deadlift.mp4";
            }
        });
        JsonNode video = athletes.post().uri("/api/v1/me/sets/" + set + "/videos").headers(h -> h.setBearerAuth(mark.token()))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(upload.build()))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String videoId = video.get("id").asText();
        String url = video.get("url").asText();

        assertThat(mark.get(url).expectStatus().isOk().expectHeader().contentType("video/mp4")
                .expectBody(byte[].class).returnResult().getResponseBody()).isEqualTo(mp4);
        await().untilAsserted(() -> assertThat(videoIds(coach.ok("/api/v1/me/review-queue"))).contains(videoId));
        assertThat(coach.ok("/api/v1/me/review-queue").get("items").findValuesAsText("url")).contains(url);
        assertThat(coaches.get().uri(url).headers(h -> {
            h.setBearerAuth(coach.token());
            h.set(HttpHeaders.RANGE, "bytes=100-199");
        }).exchange().expectStatus().isEqualTo(206).expectHeader().contentType("video/mp4")
                .expectBody(byte[].class).returnResult().getResponseBody()).isEqualTo(Arrays.copyOfRange(mp4, 100, 200));

        stranger.get(url).expectStatus().isNotFound();
        mark.on(coaches).get(url).expectStatus().isForbidden();
        athlete401(url);
        mark.delete("/api/v1/me/coaches/" + coach.id()).expectStatus().isNoContent();
        await().untilAsserted(() -> coach.get(url).expectStatus().isNotFound());
        mark.get(url).expectStatus().isOk();
    }

    private static void athlete401(String url) {
        athletes.get().uri(url).exchange().expectStatus().isUnauthorized();
        coaches.get().uri(url).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anAthleteFindsTheCoachByInviteCodeAndAReplacedCodeStopsWorking() {
        Person coach = Person.register(coaches, "Coach Invite");
        JsonNode invite = coach.ok("/api/v1/me/invite");
        String code = invite.get("code").asText();
        assertThat(code).matches("[2-9A-HJKMNP-TV-Z]{10}");
        assertThat(invite.get("url").asText()).isEqualTo("/athlete/invite/" + code);
        assertThat(coach.ok("/api/v1/me/invite").get("code").asText()).as("asking again").isEqualTo(code);

        Person athlete = Person.register(athletes, "Invited lifter");
        await().untilAsserted(() -> athlete.post("/api/v1/me/coaches", "{\"inviteCode\":\"" + code + "\"}")
                .expectStatus().isCreated().expectBody().jsonPath("$.coachId").isEqualTo(coach.id().toString()));
        await().untilAsserted(() -> assertThat(coach.ok("/api/v1/me/athletes").get("items").findValuesAsText("athleteId"))
                .contains(athlete.id().toString()));
        await().untilAsserted(() -> assertThat(athlete.ok("/api/v1/me/coaches").get("items").findValuesAsText("displayName"))
                .containsExactly("Coach Invite"));

        String replaced = coach.post("/api/v1/me/invite", "").expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody().get("code").asText();
        assertThat(replaced).isNotEqualTo(code);
        assertThat(coach.ok("/api/v1/me/invite").get("code").asText()).isEqualTo(replaced);
        Person late = Person.register(athletes, "Late lifter");
        await().untilAsserted(() -> late.post("/api/v1/me/coaches", "{\"inviteCode\":\"" + code + "\"}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("inviteCode"));
        await().untilAsserted(() -> late.post("/api/v1/me/coaches", "{\"inviteCode\":\"" + replaced + "\"}")
                .expectStatus().isCreated());

        athlete.on(coaches).get("/api/v1/me/invite").expectStatus().isForbidden();
        coaches.get().uri("/api/v1/me/invite").exchange().expectStatus().isUnauthorized();
        coach.on(athletes).get("/api/v1/me/coaches").expectStatus().isForbidden();
    }

    @Test
    void anOfferByEmailAnswersAlikeForAnyAddressAndGrantsOnlyOnceTheCoachAccepts() {
        String email = "coach.offer+" + java.util.UUID.randomUUID() + "@example.com";
        Person coach = Person.register(coaches, "Coach Offer", email);
        Person stranger = Person.register(coaches, "Other coach");
        Person athlete = Person.register(athletes, "Offering lifter");

        JsonNode known = athlete.post("/api/v1/me/coaches", "{\"coachEmail\":\"" + email.toUpperCase() + "\"}")
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode unknown = athlete.post("/api/v1/me/coaches", "{\"coachEmail\":\"nobody-" + email + "\"}")
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(known.get("coachEmail").asText()).isEqualTo(email);
        assertThat(fieldNames(known)).as("the same answer, known address or not").isEqualTo(fieldNames(unknown));
        assertThat(athlete.ok("/api/v1/me/coaches").get("items")).as("no access before the coach accepts").isEmpty();

        await().untilAsserted(() -> assertThat(coach.ok("/api/v1/me/offers").get("items").findValuesAsText("athleteId"))
                .containsExactly(athlete.id().toString()));
        JsonNode offer = coach.ok("/api/v1/me/offers").get("items").get(0);
        assertThat(offer.get("displayName").asText()).isEqualTo("Offering lifter");
        assertThat(stranger.ok("/api/v1/me/offers").get("items")).isEmpty();
        String accept = "/api/v1/me/offers/" + offer.get("offerId").asText() + "/accept";
        stranger.post(accept, "").expectStatus().isNotFound();

        coach.post(accept, "").expectStatus().isAccepted().expectBody()
                .jsonPath("$.athleteId").isEqualTo(athlete.id().toString());
        await().untilAsserted(() -> assertThat(athlete.ok("/api/v1/me/coaches").get("items").findValuesAsText("displayName"))
                .containsExactly("Coach Offer"));
        await().untilAsserted(() -> coach.get("/api/v1/athletes/" + athlete.id() + "/timeline").expectStatus().isOk());
        await().untilAsserted(() -> assertThat(coach.ok("/api/v1/me/offers").get("items")).isEmpty());
        coach.post(accept, "").expectStatus().isNotFound();

        athlete.post("/api/v1/me/coaches", "{\"coachEmail\":\"not an address\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("coachEmail");
        athlete.post("/api/v1/me/coaches", "{\"coachEmail\":\"" + email + "\",\"inviteCode\":\"K7QM4XTBZR\"}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("coachEmail");
        athlete.on(coaches).get("/api/v1/me/offers").expectStatus().isForbidden();
        coaches.get().uri("/api/v1/me/offers").exchange().expectStatus().isUnauthorized();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void badCoachInputIsABadRequestThatAppendsNothing() {
        Person coach = Person.register(coaches, "Careful coach");
        Person athlete = Person.register(athletes, "Careful lifter");
        grant(athlete, coach);
        JsonNode set = athlete.created("/api/v1/me/sets", "{\"exercise\":\"deadlift\",\"load\":{\"value\":300,\"unit\":\"lb\"},\"reps\":5}");
        String videoId = athlete.created("/api/v1/me/sets/" + set.get("id").asText() + "/videos",
                "{\"url\":\"https://example.com/careful.mp4\"}").get("id").asText();
        await().untilAsserted(() -> assertThat(videoIds(coach.ok("/api/v1/me/review-queue"))).contains(videoId));
        String base = "/api/v1/athletes/" + athlete.id();
        String[][] cases = {
                {base + "/deloads", "{\"exercise\":\"deadlift\",\"instruction\":\"halve it\"}", "instruction"},
                {base + "/deloads", "{\"exercise\":\"deadlift\",\"percent\":150}", "percent"},
                {base + "/deloads", "{\"exercise\":\"deadlift\",\"percent\":\"50\"}", "percent"},
                {base + "/deloads", "{\"exercise\":\"back_squat\",\"percent\":50}", "referenceMax"},
                {base + "/deloads", "{\"exercise\":\"deadlift\",\"percent\":50,\"referenceMax\":{\"value\":365,\"unit\":\"stone\"}}", "referenceMax.unit"},
                {base + "/cues", "{\"exercise\":\"deadlift\"}", "text"},
                {base + "/cues", "{\"text\":\"chest up\",\"exercise\":\"Dead lift\"}", "exercise"},
                {base + "/cues", "{\"text\":\"chest up\",\"exercise\":\"deadlift\",\"fault\":\"lazy\"}", "fault"},
                {base + "/videos/" + videoId + "/reviews", "{\"faults\":[{\"fault\":\"slouching\"}]}", "faults[0].fault"},
                {base + "/videos/" + videoId + "/reviews", "{\"faults\":[{\"fault\":\"rounded_lower_back\",\"atSecond\":-1}]}", "faults[0].atSecond"},
                {base + "/clearances", "{\"notes\":\"fine\"}", "exercise"},
        };
        JdbcClient jdbc = services.coachService.getBean(JdbcClient.class);
        for (String[] c : cases) {
            long before = jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
            coach.post(c[0], c[1]).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo(c[2]);
            assertThat(jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single())
                    .as("events after %s %s", c[0], c[1]).isEqualTo(before);
        }
    }

    @Test
    void eachServiceRefusesTheOtherRolesTokens() {
        Person coach = Person.register(coaches, "Role coach");
        Person athlete = Person.register(athletes, "Role athlete");
        athlete.on(coaches).get("/api/v1/me/athletes").expectStatus().isForbidden();
        athlete.on(coaches).get("/api/v1/me/review-queue").expectStatus().isForbidden();
        athlete.on(coaches).post("/api/v1/athletes/" + athlete.id() + "/cues", "{\"text\":\"chest up\",\"exercise\":\"deadlift\"}")
                .expectStatus().isForbidden();
        coach.on(athletes).get("/api/v1/me/timeline").expectStatus().isForbidden();
        coaches.get().uri("/api/v1/me/athletes").exchange().expectStatus().isUnauthorized();
    }

    private static void assertShutOut(Person coach, Person athlete, String videoId) {
        String base = "/api/v1/athletes/" + athlete.id();
        coach.get(base + "/timeline").expectStatus().isNotFound();
        coach.http().get().uri(base + "/timeline/stream").headers(h -> h.setBearerAuth(coach.token()))
                .accept(org.springframework.http.MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isNotFound();
        coach.get(base + "/progress?exercise=deadlift").expectStatus().isNotFound();
        coach.post(base + "/videos/" + videoId + "/reviews", "{\"faults\":[{\"fault\":\"rounded_lower_back\"}]}")
                .expectStatus().isNotFound();
        coach.post(base + "/cues", "{\"text\":\"chest up\",\"exercise\":\"deadlift\"}").expectStatus().isNotFound();
        coach.post(base + "/deloads", "{\"exercise\":\"deadlift\",\"percent\":50}").expectStatus().isNotFound();
        coach.post(base + "/clearances", "{\"exercise\":\"deadlift\"}").expectStatus().isNotFound();
        coach.delete(base + "/cues/" + java.util.UUID.randomUUID()).expectStatus().isNotFound();
    }

    static void grant(Person athlete, Person coach) {
        await().untilAsserted(() -> athlete.post("/api/v1/me/coaches", "{\"coachId\":\"" + coach.id() + "\"}")
                .expectStatus().isCreated());
        await().untilAsserted(() -> coach.get("/api/v1/athletes/" + athlete.id() + "/timeline").expectStatus().isOk());
    }

    static List<String> videoIds(JsonNode queue) {
        return queue.get("items").findValuesAsText("videoId");
    }

    static List<String> types(JsonNode timeline) {
        return timeline.get("items").findValuesAsText("type");
    }

    static List<String> texts(Iterable<JsonNode> nodes) {
        List<String> texts = new ArrayList<>();
        nodes.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
