package dev.hinge.coach.api;

import dev.hinge.kernel.coaching.CueAssignedEvent;
import dev.hinge.kernel.coaching.Relationships;
import dev.hinge.kernel.coaching.VideoReviewedEvent;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.training.Load;
import dev.hinge.kernel.training.SetId;
import dev.hinge.kernel.training.VideoId;
import dev.hinge.platform.test.FreshPostgres;
import dev.hinge.platform.test.PageClient;
import dev.hinge.platform.videos.VideoFormat;
import dev.hinge.platform.videos.VideoKey;
import dev.hinge.platform.videos.VideoStore;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The coach's review pages over real HTTP, in a page session (the cookie with the API's token): the queue, the review
 * page and its player's file (404 for anyone the athlete does not let in, a revoke included), the fault form's
 * errors next to their fields with nothing recorded, and a fault at 1.532 s recorded as 1.532.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshPostgres.class)
@AutoConfigureWebTestClient(timeout = "PT30S")
class ReviewPagesTest {
    static final String HOSTILE = "<script>alert('mark')</script>";

    @Autowired
    WebTestClient http;
    @Autowired
    EventStore eventStore;
    @Autowired
    VideoStore store;

    AthleteSide athletes;
    CoachApi dana;
    PageClient danaPages;
    AthleteId mark;
    VideoId video;
    byte[] mp4;

    @BeforeEach
    void markSendsAVideo() throws Exception {
        athletes = new AthleteSide(eventStore);
        dana = CoachApi.register(http, "Dana");
        danaPages = new PageClient(http, "coach").withToken(dana.token());
        mark = athletes.registers(HOSTILE);
        athletes.grants(mark, dana);
        SetId set = athletes.logsSet(mark, "deadlift", Load.lb(365), null, Instant.parse("2026-10-01T18:00:00Z"));
        video = athletes.uploadsVideo(mark, set, "deadlift", Instant.parse("2026-10-01T18:05:00Z"));
        mp4 = TestVideos.twoSecondsAt30Fps();
        Path upload = Files.write(Files.createTempFile("upload", ".part"), mp4);
        assertThat(store.keep(new VideoKey(mark, video), VideoFormat.MP4, upload)).isTrue();
        await().untilAsserted(() -> assertThat(dana.reviewQueue("").get("items")).hasSize(1));
    }

    String page() {
        return "/coach/videos/" + video;
    }

    @Test
    void theQueueListsTheVideoWithItsAthleteAndSetAndThePagePlaysIt() {
        String queue = danaPages.page("/coach/reviews");
        assertThat(queue).contains("href=\"/coach/videos/" + video + "\"", "Deadlift", "365 lb × 5")
                .contains("&lt;script&gt;alert(&#39;mark&#39;)&lt;/script&gt;").doesNotContain(HOSTILE);

        String review = danaPages.page(page());
        assertThat(review).contains("<video id=\"review-video\"", "src=\"/coach/videos/" + video + "/file\"",
                        "data-fps=\"30\"", "Mark fault here", "src=\"/coach/assets/review.js\"")
                .contains("&lt;script&gt;alert(&#39;mark&#39;)&lt;/script&gt;").doesNotContain(HOSTILE);

        byte[] middle = file(danaPages, "bytes=100-199").expectStatus().isEqualTo(206)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes 100-199/" + mp4.length)
                .expectHeader().contentType("video/mp4")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(middle).isEqualTo(Arrays.copyOfRange(mp4, 100, 200));
        byte[] whole = file(danaPages, null).expectStatus().isOk().expectBody(byte[].class).returnResult()
                .getResponseBody();
        assertThat(whole).isEqualTo(mp4);
    }

    @Test
    void anotherCoachGetsA404ForThePageAndTheFile() {
        PageClient stranger = new PageClient(http, "coach").withToken(CoachApi.register(http, "Stranger").token());
        stranger.get(page()).expectStatus().isNotFound();
        file(stranger, null).expectStatus().isNotFound();
        file(stranger, "bytes=0-99").expectStatus().isNotFound();
        assertThat(stranger.page("/coach/reviews")).doesNotContain(video.toString());
    }

    @Test
    void aRevokeEndsThePageAndTheFile() {
        danaPages.get(page()).expectStatus().isOk();
        athletes.revokes(mark, dana);
        await().untilAsserted(() -> danaPages.get(page()).expectStatus().isNotFound());
        file(danaPages, null).expectStatus().isNotFound();
        file(danaPages, "bytes=0-99").expectStatus().isNotFound();
    }

    @Test
    void theFaultFormsErrorsAreNextToTheirFieldsAndNothingIsRecorded() {
        String csrf = danaPages.csrfFrom(page());
        String noFault = refused(danaPages.htmxPost(page() + "/faults", csrf, Map.of("fault", "", "atSecond", "1.5", "note", "x")));
        assertThat(noFault).contains("<p class=\"field-error\" id=\"error-faults[0].fault\">is required</p>")
                .contains("aria-describedby=\"error-faults[0].fault\"", "value=\"1.5\"", ">x</textarea>");

        String tooPrecise = refused(danaPages.htmxPost(page() + "/faults", csrf,
                Map.of("fault", "hips_rise_too_fast", "atSecond", "1.5325")));
        assertThat(tooPrecise).contains("id=\"error-faults[0].atSecond\"", "at most 3 decimals")
                .contains("aria-describedby=\"error-faults[0].atSecond\"", "value=\"1.5325\"")
                .contains("<option value=\"hips_rise_too_fast\" selected=\"selected\">")
                .doesNotContain("error-faults[0].fault");

        String notANumber = refused(danaPages.htmxPost(page() + "/faults", csrf, Map.of("fault", "hips_rise_too_fast", "atSecond", "soon")));
        assertThat(notANumber).contains("id=\"error-faults[0].atSecond\"", "must be a number")
                .doesNotContain("error-faults[0].fault");

        String tooLate = refused(danaPages.htmxPost(page() + "/faults", csrf, Map.of("fault", "hips_rise_too_fast", "atSecond", "21600.001")));
        assertThat(tooLate).contains("id=\"error-faults[0].atSecond\"");

        assertThat(recorded(VideoReviewedEvent.class)).isEmpty();
    }

    @Test
    void aFaultAt1Point532IsRecordedAs1Point532AndItsMarkerAndCuesArrive() {
        String csrf = danaPages.csrfFrom(page());
        String answer = ok(danaPages.htmxPost(page() + "/faults", csrf, Map.of("fault", "hips_rise_too_fast", "atSecond", "1.532", "note", HOSTILE)));
        assertThat(answer).contains("hx-swap-oob=\"beforeend:#markers\"", "class=\"marker\"", "data-at=\"1.532\"")
                .contains("hx-swap-oob=\"beforeend:#fault-list\"", "Hips rise too fast", "Assign “chest up”",
                        "Assign “push the floor away”")
                .contains("&lt;script&gt;").doesNotContain(HOSTILE);

        VideoReviewedEvent reviewed = recorded(VideoReviewedEvent.class).get(0);
        assertThat(reviewed.faults()).hasSize(1);
        assertThat(reviewed.faults().get(0).atSecond().toPlainString()).isEqualTo("1.532");
        assertThat(reviewed.faults().get(0).note()).isEqualTo(HOSTILE);

        await().untilAsserted(() -> assertThat(danaPages.page(page()))
                .contains("class=\"marker\" data-at=\"1.532\"", "Hips rise too fast at 1.532 s"));

        String assigned = ok(danaPages.htmxPost(page() + "/cues", csrf, Map.of("text", "chest up", "fault", "hips_rise_too_fast", "atSecond", "1.532")));
        assertThat(assigned).contains("Assigned the cue “chest up”.");
        CueAssignedEvent cue = recorded(CueAssignedEvent.class).get(0);
        assertThat(cue.atSecond()).isEqualTo(new BigDecimal("1.532"));
        assertThat(cue.videoId()).isEqualTo(video);
        assertThat(cue.exercise().slug()).isEqualTo("deadlift");

        String noText = refused(danaPages.htmxPost(page() + "/cues", csrf, Map.of("text", "", "atSecond", "1.5325")));
        assertThat(noText).contains("id=\"error-text\"", "id=\"error-atSecond\"");
        assertThat(recorded(CueAssignedEvent.class)).hasSize(1);
    }

    @Test
    void aLinkedVideoIsALinkAndItsFaultFormStillWorks() {
        SetId set = athletes.logsSet(mark, "deadlift", Load.lb(315), null, Instant.parse("2026-10-02T18:00:00Z"));
        VideoId linked = athletes.attachesVideo(mark, set, "deadlift", Instant.parse("2026-10-02T18:05:00Z"));
        await().untilAsserted(() -> assertThat(dana.reviewQueue("").get("items")).hasSize(2));

        String queue = danaPages.page("/coach/reviews");
        assertThat(queue.indexOf(linked.toString())).as("newest first").isLessThan(queue.indexOf(video.toString()));

        String path = "/coach/videos/" + linked;
        String review = danaPages.page(path);
        assertThat(review).doesNotContain("<video").contains("href=\"https://example.com/" + linked + ".mp4\"",
                "rel=\"noopener noreferrer nofollow\"");
        String answer = ok(danaPages.htmxPost(path + "/faults", danaPages.csrfFrom(path), Map.of("fault", "bar_drifts_forward", "atSecond", "0.5")));
        assertThat(answer).contains("Bar drifts forward").doesNotContain("beforeend:#markers");
        assertThat(recorded(VideoReviewedEvent.class).get(0).faults().get(0).atSecond()).isEqualByComparingTo("0.5");
    }

    /** The player's file in the page session, with a Range when given. */
    WebTestClient.ResponseSpec file(PageClient coach, String range) {
        return http.get().uri(page() + "/file").cookie("hinge_session", coach.session())
                .headers(h -> {
                    if (range != null) {
                        h.set(HttpHeaders.RANGE, range);
                    }
                }).exchange();
    }

    static String ok(WebTestClient.ResponseSpec answer) {
        return answer.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    static String refused(WebTestClient.ResponseSpec answer) {
        return answer.expectStatus().isEqualTo(422).expectBody(String.class).returnResult().getResponseBody();
    }

    private <T> List<T> recorded(Class<T> type) {
        return StreamSupport.stream(eventStore.readEvents(Relationships.idOf(new CoachId(dana.id()), mark).toString())
                        .asStream().spliterator(), false)
                .map(EventMessage::getPayload).filter(type::isInstance).map(type::cast).toList();
    }
}
