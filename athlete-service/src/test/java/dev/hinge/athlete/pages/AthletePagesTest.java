package dev.hinge.athlete.pages;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hinge.kernel.access.CoachInviteCodeIssuedEvent;
import dev.hinge.kernel.access.InviteCode;
import dev.hinge.kernel.account.CoachRegisteredEvent;
import dev.hinge.kernel.coaching.CueAssignedEvent;
import dev.hinge.kernel.coaching.CueId;
import dev.hinge.kernel.coaching.Deload;
import dev.hinge.kernel.coaching.DeloadId;
import dev.hinge.kernel.coaching.DeloadPrescribedEvent;
import dev.hinge.kernel.coaching.Percent;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.account.DisplayName;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.Load;
import dev.hinge.platform.test.FreshPostgres;
import dev.hinge.platform.test.Videos;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import reactor.core.publisher.Flux;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The athlete's pages over real HTTP with the page session cookie and CSRF tokens, on PostgreSQL: what a person would
 * check on each page, and each form's refusals beside their fields with nothing applied. The upload limit is 64 KB
 * here so "too large" needs no large body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hinge.videos.max-size=64KB",
                "hinge.videos.folder=target/test-data/pages-test/videos",
                "hinge.videos.uploads=target/test-data/pages-test/uploads"})
@ContextConfiguration(initializers = FreshPostgres.class)
@AutoConfigureWebTestClient(timeout = "PT30S")
class AthletePagesTest {
    private static final Random RANDOM = new Random();

    @Autowired
    WebTestClient http;
    @Autowired
    EventStore eventStore;

    @Test
    void aTimeBeyondTheCalendarIsABadRequestNotAFailure() {
        SignedIn athlete = SignedIn.register(http, "Far Future Mark");
        athlete.get("/athlete/timeline/more?at=%2B1000000000-01-01T00:00:00Z&position=1").expectStatus().isBadRequest();
        http.get().uri("/api/v1/me/timeline?from=%2B1000000000-01-01T00:00:00Z")
                .headers(h -> h.setBearerAuth(athlete.token())).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
    }

    @Test
    void withoutASessionEveryPageSendsToSignInAndComesBack() {
        for (String page : List.of("/athlete/", "/athlete/timeline", "/athlete/coaches", "/athlete/invite/K7QM4XTBZR",
                "/athlete/videos/" + UUID.randomUUID() + "/file")) {
            http.get().uri(page).exchange().expectStatus().isSeeOther()
                    .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location)
                            .startsWith("/athlete/sign-in?next=").contains(page.substring("/athlete/".length())));
        }
        http.get().uri("/athlete/timeline/stream").header("HX-Request", "true").exchange().expectStatus().isUnauthorized()
                .expectHeader().exists("HX-Redirect");
    }

    @Test
    void theHomePageShowsTheCuesFirstThenTheFormRepeatingTheLastSet() {
        SignedIn athlete = SignedIn.register(http, "Home Mark");
        Document empty = athlete.page("/athlete/");
        assertThat(empty.select("#cue-panel").text()).contains("No cues");
        assertThat(empty.select("#exercise").val()).isEqualTo("deadlift");

        cue(athlete, "Push the floor away <script>alert(1)</script>");
        deload(athlete);
        MultipartBodyBuilder set = set("deadlift", "140", "kg", "5", "rpe", "8", "checklist.grip", "on",
                "checklist.core_braced", "on");
        athlete.htmxPost("/athlete/sets", set).expectStatus().isOk();
        await().untilAsserted(() -> assertThat(athlete.page("/athlete/").select(".cue-text").text())
                .isEqualTo("Push the floor away <script>alert(1)</script>"));

        Document home = await().until(() -> athlete.page("/athlete/"),
                page -> page.select("#timeline-items li").first() != null
                        && page.select("#timeline-items li").first().text().contains("Deadlift 140 kg × 5"));
        Element main = home.selectFirst("main");
        assertThat(main.child(1).id()).as("the cue panel comes first").isEqualTo("cue-panel");
        assertThat(home.select(".deload-load").text()).startsWith("Deload Deadlift 18").endsWith(" lb");
        assertThat(home.select("script:not([src])")).as("no inline script").isEmpty();
        assertThat(home.select("#load-value").val()).isEqualTo("140");
        assertThat(home.select("#load-unit option[selected]").val()).isEqualTo("kg");
        assertThat(home.select("#reps").val()).isEqualTo("5");
        assertThat(home.select("#rpe").val()).isEqualTo("8");
        assertThat(home.select("input[type=checkbox][checked]").eachAttr("name"))
                .containsExactly("checklist.grip", "checklist.core_braced");
        assertThat(home.select("input[type=checkbox]")).hasSize(8);
        assertThat(home.select("#video-file").attr("accept")).isEqualTo("video/*");
        assertThat(home.select("main").attr("sse-connect")).startsWith("/athlete/timeline/stream");
        for (Element input : home.select("#set-form input:not([type=checkbox]):not([type=hidden]), #set-form select, #set-form textarea")) {
            assertThat(home.select("label[for=" + input.id() + "]")).as("a label for " + input.id()).isNotEmpty();
        }
    }

    @Test
    void aSetWithPainIsLoggedAsTheApiWouldLogIt() {
        SignedIn athlete = SignedIn.register(http, "Pain Mark");
        MultipartBodyBuilder set = set("deadlift", "365", "lb", "5", "pain.score", "6", "pain.quality", "sharp",
                "pain.location", "lower back", "checklist.feet_position", "on", "notes", "<script>alert('notes')</script>");
        Document answer = SignedIn.html(athlete.htmxPost("/athlete/sets", set).expectStatus().isOk());
        assertThat(answer.select("[role=status]").text()).contains("Deadlift 365 lb × 5", "pain 6/10");
        assertThat(answer.select("#pain-score option[selected]").val()).as("pain is not repeated").isEmpty();

        JsonNode logged = await().until(() -> find(athlete.timeline(), "set_logged"), item -> item != null);
        assertThat(logged.get("type").asText()).isEqualTo("set_logged");
        assertThat(logged.at("/data/pain/score").asInt()).isEqualTo(6);
        assertThat(logged.at("/data/pain/quality").asText()).isEqualTo("sharp");
        assertThat(logged.at("/data/pain/location").asText()).isEqualTo("lower back");
        assertThat(logged.at("/data/checklist/0").asText()).isEqualTo("feet_position");

        await().untilAsserted(() -> {
            String timeline = athlete.get("/athlete/timeline").expectStatus().isOk().expectBody(String.class)
                    .returnResult().getResponseBody();
            assertThat(timeline).contains("&lt;script&gt;alert(").doesNotContain("<script>alert");
            assertThat(org.jsoup.Jsoup.parse(timeline).select("#timeline-items .notes").text())
                    .isEqualTo("<script>alert('notes')</script>");
        });
    }

    @Test
    void noPainIsOneTapAndAnEmptyPainIsNotReported() {
        SignedIn athlete = SignedIn.register(http, "No Pain Mark");
        MultipartBodyBuilder painFree = set("deadlift", "100", "kg", "3", "noPain", "true");
        athlete.htmxPost("/athlete/sets", painFree).expectStatus().isOk();
        athlete.htmxPost("/athlete/sets", set("deadlift", "100", "kg", "3", "videoUrl", "https://youtu.be/mark-100"))
                .expectStatus().isOk();

        JsonNode items = await().until(athlete::timeline, list -> list.size() == 3);
        assertThat(items.get(0).at("/data/pain/score").asInt()).isZero();
        assertThat(items.get(0).at("/data/pain/quality").asText()).isEqualTo("none");
        assertThat(items.get(1).at("/data/pain").isNull()).as("not reported").isTrue();

        // a linked video (YouTube, Drive) stays a link: no player for what the platform does not hold
        Document timeline = athlete.page("/athlete/timeline");
        assertThat(timeline.select("li.video_attached a").attr("href")).isEqualTo("https://youtu.be/mark-100");
        assertThat(timeline.select("video")).isEmpty();
    }

    @Test
    void aRefusedSetShowsEachErrorBesideItsFieldAndLogsNothing() {
        SignedIn athlete = SignedIn.register(http, "Typo Mark");
        MultipartBodyBuilder set = set("deadlift", "heavy", "kg", "", "pain.score", "11", "pain.quality", "sharp",
                "videoUrl", "javascript:alert(1)");
        Document answer = SignedIn.html(athlete.htmxPost("/athlete/sets", set).expectStatus().isEqualTo(422));

        assertThat(answer.select("[id=error-load.value]").text()).isEqualTo("must be a number");
        assertThat(answer.select("[id=error-reps]").text()).isEqualTo("is required");
        assertThat(answer.select("[id=error-pain.score]").text()).contains("10");
        assertThat(answer.select("[id=error-videoUrl]").text()).contains("http");
        assertThat(answer.select("#load-value").attr("aria-describedby")).contains("error-load.value");
        assertThat(answer.select("#load-value").val()).as("what was sent stays").isEqualTo("heavy");
        assertThat(answer.select("#pain-quality option[selected]").val()).isEqualTo("sharp");
        assertThat(athlete.timeline()).isEmpty();

        // the API's own words for the same set: one rule, one code
        athlete.http().post().uri("/api/v1/me/sets").headers(h -> h.setBearerAuth(athlete.token()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"exercise\":\"deadlift\",\"load\":{\"value\":100,\"unit\":\"kg\"},\"pain\":{\"score\":11,\"quality\":\"sharp\"}}")
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[?(@.field == 'pain.score')].message").isEqualTo(answer.select("[id=error-pain.score]").text())
                .jsonPath("$.errors[?(@.field == 'reps')].message").isEqualTo("is required");
    }

    @Test
    void aVideoFileIsUploadedWithTheSetAndPlaysForItsAthleteOnly() {
        SignedIn athlete = SignedIn.register(http, "Video Mark");
        byte[] mp4 = Videos.bytes(Videos.MP4);
        MultipartBodyBuilder set = set("deadlift", "120", "kg", "5");
        set.part("file", new ByteArrayResource(mp4)).filename("IMG_0001.MOV").contentType(MediaType.APPLICATION_OCTET_STREAM);
        athlete.htmxPost("/athlete/sets", set).expectStatus().isOk();

        JsonNode video = await().until(() -> find(athlete.timeline(), "video_attached"), v -> v != null);
        String videoId = video.at("/data/id").asText();
        Document timeline = await().until(() -> athlete.page("/athlete/timeline"), page -> !page.select("video").isEmpty());
        assertThat(timeline.select("video").attr("src")).isEqualTo("/athlete/videos/" + videoId + "/file");
        assertThat(timeline.select("video").hasAttr("controls")).isTrue();
        assertThat(timeline.select("video").attr("preload")).isEqualTo("metadata");

        byte[] played = athlete.get("/athlete/videos/" + videoId + "/file").expectStatus().isOk()
                .expectHeader().contentType("video/mp4").expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(played).isEqualTo(mp4);
        athlete.http().get().uri("/athlete/videos/" + videoId + "/file").cookie(SignedIn.SESSION, athlete.token())
                .header(HttpHeaders.RANGE, "bytes=0-9").exchange().expectStatus().isEqualTo(206)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes 0-9/" + mp4.length);

        SignedIn other = SignedIn.register(http, "Other Mark");
        other.get("/athlete/videos/" + videoId + "/file").expectStatus().isNotFound();
        other.get("/athlete/videos/not-an-id/file").expectStatus().value(status -> assertThat(status).isIn(400, 404));
    }

    @Test
    void aFileThatIsNotAVideoOrTooLargeIsAnErrorOnTheFileInputAndNothingIsLogged() {
        SignedIn athlete = SignedIn.register(http, "Upload Mark");
        MultipartBodyBuilder text = set("deadlift", "120", "kg", "5");
        text.part("file", new ByteArrayResource("just some text, not a video at all.".repeat(10).getBytes()))
                .filename("lift.mp4").contentType(MediaType.valueOf("video/mp4"));
        Document notVideo = SignedIn.html(athlete.htmxPost("/athlete/sets", text).expectStatus().isEqualTo(422));
        assertThat(notVideo.select("[id=error-file]").text()).contains("MP4");
        assertThat(notVideo.select("#video-file").attr("aria-describedby")).contains("error-file");

        MultipartBodyBuilder large = set("deadlift", "120", "kg", "5");
        byte[] big = new byte[200 * 1024];
        byte[] mp4 = Videos.bytes(Videos.MP4);
        System.arraycopy(mp4, 0, big, 0, Math.min(mp4.length, big.length));
        large.part("file", new ByteArrayResource(big)).filename("lift.mp4").contentType(MediaType.valueOf("video/mp4"));
        Document tooLarge = SignedIn.html(athlete.htmxPost("/athlete/sets", large).expectStatus().isEqualTo(422));
        assertThat(tooLarge.select("[id=error-file]").text()).contains("at most");

        assertThat(athlete.timeline()).isEmpty();
    }

    @Test
    void theTimelineIsNewestFirstAndPaged() {
        SignedIn athlete = SignedIn.register(http, "Paged Mark");
        for (int i = 1; i <= 23; i++) {
            athlete.http().post().uri("/api/v1/me/sets").headers(h -> h.setBearerAuth(athlete.token()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"exercise\":\"deadlift\",\"load\":{\"value\":" + (100 + i) + ",\"unit\":\"kg\"},\"reps\":5,"
                            + "\"performedAt\":\"2026-10-01T10:" + String.format("%02d", i) + ":00Z\"}")
                    .exchange().expectStatus().isCreated();
        }
        Document first = await().until(() -> athlete.page("/athlete/timeline"), page -> page.select("#timeline-items li").size() == 20);
        assertThat(first.select("#timeline-items li").first().text()).contains("123 kg");
        assertThat(first.select("#timeline-items li").last().text()).contains("104 kg");
        String more = first.select("#more button").attr("hx-get");
        assertThat(more).startsWith("/athlete/timeline/more?");

        Document next = athlete.page(more.replace("&amp;", "&"));
        assertThat(next.select("li.item").eachText()).hasSize(3).first().asString().contains("103 kg");
        assertThat(next.select("#more").attr("hx-swap-oob")).isEqualTo("true");
        assertThat(next.select("#more button")).as("no more after the last page").isEmpty();
    }

    @Test
    void theLiveTimelineSendsItemsAsHtmlAndTellsTheCuePanelWhenACoachChangesIt() {
        SignedIn athlete = SignedIn.register(http, "Live Mark");
        Flux<ServerSentEvent<String>> events = athlete.http().get().uri("/athlete/timeline/stream")
                .cookie(SignedIn.SESSION, athlete.token()).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk().returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                }).getResponseBody();
        var received = events.filter(e -> e.event() != null).take(3).collectList().toFuture();

        athlete.http().post().uri("/api/v1/me/sets").headers(h -> h.setBearerAuth(athlete.token()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"exercise\":\"deadlift\",\"load\":{\"value\":100,\"unit\":\"kg\"},\"reps\":5,"
                        + "\"notes\":\"<script>alert(2)</script>\"}")
                .exchange().expectStatus().isCreated();
        await().until(() -> athlete.timeline().size() == 1);
        cue(athlete, "Chest up");

        List<ServerSentEvent<String>> sent = await().atMost(Duration.ofSeconds(20)).until(() -> received.getNow(null), l -> l != null);
        assertThat(sent.get(0).event()).isEqualTo("item");
        assertThat(sent.get(0).data()).contains("<li", "Deadlift 100 kg × 5", "&lt;script&gt;alert(2)&lt;/script&gt;")
                .doesNotContain("<script>");
        assertThat(sent.get(1).event()).isEqualTo("item");
        assertThat(sent.get(1).data()).contains("Chest up");
        assertThat(sent.get(2).event()).isEqualTo("cues");
        assertThat(athlete.page("/athlete/cues").select(".cue-text").text()).isEqualTo("Chest up");
    }

    @Test
    void anAthleteGrantsByInviteLinkSeesTheCoachAndRevokesAfterConfirming() {
        SignedIn athlete = SignedIn.register(http, "Grant Mark");
        CoachId coach = new CoachId(UUID.randomUUID());
        InviteCode code = InviteCode.generate(RANDOM);
        eventStore.publish(new GenericDomainEventMessage<>("Coach", coach.toString(), 0,
                new CoachRegisteredEvent(coach, new DisplayName("Dana <b>Coach</b>"), Instant.now())));
        eventStore.publish(new GenericDomainEventMessage<>("Coach", coach.toString(), 1,
                new CoachInviteCodeIssuedEvent(coach, code, Instant.now())));

        Document invite = await().until(() -> SignedIn.html(athlete.get("/athlete/invite/" + code.value())),
                page -> !page.select("h1").text().isEmpty() && page.select("h1").text().contains("Dana"));
        assertThat(invite.select("h1").text()).isEqualTo("Dana <b>Coach</b> invites you");
        assertThat(invite.select("input[name=inviteCode]").val()).isEqualTo(code.value());
        athlete.get("/athlete/invite/AAAAAAAAAA").expectStatus().isNotFound();

        athlete.formPost("/athlete/coaches", new LinkedMultiValueMap<>(Map.of("inviteCode", List.of(code.value()))))
                .expectStatus().isSeeOther().expectHeader().valueEquals(HttpHeaders.LOCATION, "/athlete/coaches?done=granted");
        Document coaches = await().until(() -> athlete.page("/athlete/coaches"), page -> !page.select(".coach").isEmpty());
        assertThat(coaches.select(".coach .name").text()).isEqualTo("Dana <b>Coach</b>");
        assertThat(coaches.select(".coach time").text()).matches("\\d{4}-\\d{2}-\\d{2}");

        String revoke = coaches.select(".coach a.danger").attr("href");
        Document confirm = athlete.page(revoke);
        assertThat(confirm.select("h1").text()).isEqualTo("Revoke access?");
        assertThat(confirm.select("form").attr("method")).isEqualTo("post");
        athlete.formPost(revoke, new LinkedMultiValueMap<>()).expectStatus().isSeeOther();
        await().untilAsserted(() -> assertThat(athlete.page("/athlete/coaches").select(".coach")).isEmpty());
    }

    @Test
    void aRefusedGrantShowsTheApiErrorsBesideTheFieldsAndGrantsNothing() {
        SignedIn athlete = SignedIn.register(http, "Wrong Code Mark");
        Document wrongCode = SignedIn.html(athlete.formPost("/athlete/coaches",
                new LinkedMultiValueMap<>(Map.of("inviteCode", List.of("nope")))).expectStatus().isEqualTo(422));
        assertThat(wrongCode.select("[id=error-inviteCode]").text()).contains("letters and digits");
        assertThat(wrongCode.select("#invite-code").val()).isEqualTo("nope");

        Document unknown = SignedIn.html(athlete.formPost("/athlete/coaches",
                new LinkedMultiValueMap<>(Map.of("inviteCode", List.of(InviteCode.generate(RANDOM).value()))))
                .expectStatus().isEqualTo(422));
        assertThat(unknown.select("[id=error-inviteCode]").text()).contains("not a coach's current invite code");

        Document both = SignedIn.html(athlete.formPost("/athlete/coaches", new LinkedMultiValueMap<>(Map.of(
                "inviteCode", List.of("K7QM4XTBZR"), "coachEmail", List.of("dana@example.com")))).expectStatus().isEqualTo(422));
        assertThat(both.select("[id=error-coachEmail]").text()).contains("together");

        Document none = SignedIn.html(athlete.formPost("/athlete/coaches", new LinkedMultiValueMap<>()).expectStatus().isEqualTo(422));
        assertThat(none.select("[id=error-coachId]").text()).contains("is required");

        athlete.http().post().uri("/athlete/coaches").cookie(SignedIn.SESSION, athlete.token())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("inviteCode=K7QM4XTBZR")
                .exchange().expectStatus().isForbidden();
        assertThat(athlete.page("/athlete/coaches").select(".coach")).isEmpty();
    }

    /** The set form as a browser sends it (every text field, blank when left empty), {@code more} as name, value. */
    private static MultipartBodyBuilder set(String exercise, String load, String unit, String reps, String... more) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("exercise", exercise);
        fields.put("load.value", load);
        fields.put("load.unit", unit);
        fields.put("reps", reps);
        fields.put("rpe", "");
        fields.put("pain.score", "");
        fields.put("pain.quality", "");
        fields.put("pain.location", "");
        fields.put("notes", "");
        fields.put("videoUrl", "");
        for (int i = 0; i < more.length; i += 2) {
            fields.put(more[i], more[i + 1]);
        }
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        fields.forEach(form::part);
        return form;
    }

    private void cue(SignedIn athlete, String text) {
        eventStore.publish(new GenericDomainEventMessage<>("CoachingRelationship", UUID.randomUUID().toString(), 0,
                new CueAssignedEvent(new AthleteId(athlete.id()), new CoachId(UUID.randomUUID()), new CueId(UUID.randomUUID()),
                        text, Exercise.DEADLIFT, null, null, null, Instant.now())));
    }

    private void deload(SignedIn athlete) {
        eventStore.publish(new GenericDomainEventMessage<>("CoachingRelationship", UUID.randomUUID().toString(), 0,
                new DeloadPrescribedEvent(new AthleteId(athlete.id()), new CoachId(UUID.randomUUID()),
                        new DeloadId(UUID.randomUUID()), Exercise.DEADLIFT,
                        Deload.of(Percent.of(new BigDecimal("50")), Load.lb(365)), Instant.now())));
    }

    private static JsonNode find(JsonNode items, String type) {
        for (JsonNode item : items) {
            if (type.equals(item.get("type").asText())) {
                return item;
            }
        }
        return null;
    }
}
