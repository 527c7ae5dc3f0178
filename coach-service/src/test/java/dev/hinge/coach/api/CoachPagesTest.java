package dev.hinge.coach.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hinge.kernel.access.AccessOfferId;
import dev.hinge.kernel.access.CoachAccessOfferedEvent;
import dev.hinge.kernel.coaching.RelationshipClosedEvent;
import dev.hinge.kernel.coaching.RelationshipOpenedEvent;
import dev.hinge.kernel.coaching.Relationships;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.pain.PainQuality;
import dev.hinge.kernel.pain.PainReport;
import dev.hinge.kernel.pain.PainScore;
import dev.hinge.kernel.training.Load;
import dev.hinge.platform.security.EmailDigests;
import dev.hinge.platform.test.FreshPostgres;
import dev.hinge.platform.test.PageClient;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The coach's pages through real HTTP on real PostgreSQL, as a browser uses them: the session cookie holding the
 * token the API's login gave, the CSRF token read from the page. The athletes' side is simulated by appending
 * athlete-service's events to the shared store, as the other coach-service tests do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshPostgres.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoachPagesTest {
    private static final PainReport PAIN_FREE = PainReport.NONE;
    private static final PainReport SHARP = new PainReport(new PainScore(6), "lower back", PainQuality.SHARP);
    private static final PainReport RADIATING = new PainReport(new PainScore(5), "left leg", PainQuality.RADIATING);
    private static final Instant DAY_1 = Instant.parse("2024-10-01T18:00:00Z");
    private static final Instant DAY_2 = Instant.parse("2024-10-02T18:00:00Z");
    private static final Instant DAY_3 = Instant.parse("2024-10-03T18:00:00Z");
    private static final String HOSTILE = "<script>alert('x')</script>";

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    EmailDigests digests;

    AthleteSide athletes;

    @BeforeAll
    void athletesSide() {
        athletes = new AthleteSide(eventStore);
        http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void theRosterPutsRedFlagsFirstThenPainThenTheRestEachWithItsStatusInWords() {
        CoachApi coach = CoachApi.register(http, "Roster pages coach");
        AthleteId calm = athletes.registers("Calm Carla");
        AthleteId sore = athletes.registers("Sore Sam");
        AthleteId flagged = athletes.registers("Flagged Fred");
        AthleteId stranger = athletes.registers("Stranger Stu");
        for (AthleteId athlete : new AthleteId[]{calm, sore, flagged}) {
            athletes.grants(athlete, coach);
        }
        athletes.logsSet(flagged, "deadlift", Load.lb(315), RADIATING, DAY_1);
        athletes.logsSet(sore, "deadlift", Load.lb(275), SHARP, DAY_2);
        athletes.logsSet(calm, "deadlift", Load.lb(225), PAIN_FREE, DAY_3);  // trained last, yet last on the list
        athletes.logsSet(stranger, "deadlift", Load.lb(100), RADIATING, DAY_3);
        awaitCoaching(coach, calm, sore, flagged);
        PageClient browser = new PageClient(http, "coach").withToken(coach.token());

        await().untilAsserted(() -> {
            String html = browser.page("/coach/");
            assertThat(html).contains("Flagged Fred", "Sore Sam", "Calm Carla").doesNotContain("Stranger Stu");
            assertThat(html.indexOf("Flagged Fred")).isLessThan(html.indexOf("Sore Sam"));
            assertThat(html.indexOf("Sore Sam")).isLessThan(html.indexOf("Calm Carla"));
            assertThat(html).contains("Red flag: stop", "Pain reported", "Progressing");
        });
        String html = browser.page("/coach/");
        assertThat(html).contains("href=\"/coach/athletes/" + flagged + "\"", "3 Oct 2024, 18:00 UTC", "6/10 sharp");

        // the poll: nothing changed, nothing swapped; a change, the list again
        String version = between(html, "/coach/roster?since=", "&");
        EntityExchangeResult<String> unchanged = browser.get("/coach/roster?since=" + version + "&from=0")
                .expectStatus().isOk().expectBody(String.class).returnResult();
        assertThat(unchanged.getResponseHeaders().getFirst("HX-Reswap")).isEqualTo("none");
        athletes.logsSet(calm, "deadlift", Load.lb(235), PAIN_FREE, DAY_3.plusSeconds(3600));
        await().untilAsserted(() -> assertThat(browser.page("/coach/roster?since=" + version + "&from=0"))
                .contains("Calm Carla", "3 Oct 2024, 19:00 UTC"));
    }

    @Test
    void theCueFormRefusesWhatTheApiRefusesNextToItsFieldsAndAssignsNothingThenAssigns() {
        CoachApi coach = CoachApi.register(http, "Cue pages coach");
        AthleteId mark = markWithHisMax(coach);
        PageClient browser = new PageClient(http, "coach").withToken(coach.token());
        String page = "/coach/athletes/" + mark;
        long before = events();

        EntityExchangeResult<String> refused = htmx(browser, page, page + "/cues",
                Map.of("text", " ", "exercise", "Dead Lift", "fault", "slouching"));
        assertThat(refused.getStatus().value()).isEqualTo(422);
        assertThat(refused.getResponseBody())
                .contains("id=\"cue-error-text\"", "is required")
                .contains("id=\"cue-error-exercise\"", "must be a slug")
                .contains("id=\"cue-error-fault\"")
                .contains("aria-describedby=\"cue-error-text\"", "value=\"Dead Lift\"");
        assertThat(events()).isEqualTo(before);
        EntityExchangeResult<String> plain = plain(browser, page, page + "/cues", Map.of("exercise", "deadlift"));
        assertThat(plain.getStatus().value()).isEqualTo(422);
        assertThat(plain.getResponseBody()).contains("id=\"cue-error-text\"", "is required");
        assertThat(events()).isEqualTo(before);

        // a form without its CSRF token is refused before it is read
        browser.page(page);
        browser.post(page + "/cues", null, Map.of("text", "chest up", "exercise", "deadlift")).expectStatus().isForbidden();
        assertThat(events()).isEqualTo(before);

        EntityExchangeResult<String> assigned = htmx(browser, page, page + "/cues",
                Map.of("text", "chest up " + HOSTILE, "exercise", "deadlift", "fault", "hips_rise_too_fast"));
        assertThat(assigned.getStatus().value()).isEqualTo(200);
        assertThat(assigned.getResponseBody()).contains("assigned").doesNotContain(HOSTILE)
                .contains("&lt;script&gt;");
        await().untilAsserted(() -> assertThat(coach.ok("/api/v1/athletes/" + mark + "/progress?exercise=deadlift")
                .get("activeCues").toString()).contains("chest up"));
        // the timeline and the standing print the hostile text as text
        String athletePage = browser.page(page);
        assertThat(athletePage).doesNotContain(HOSTILE).contains("chest up &lt;script&gt;alert(");
    }

    @Test
    void theDeloadPreviewShowsTheMarkCaseLoadsExactAndRoundedAndOnlyTheConfirmPrescribes() {
        CoachApi coach = CoachApi.register(http, "Deload pages coach");
        AthleteId mark = markWithHisMax(coach);
        PageClient browser = new PageClient(http, "coach").withToken(coach.token());
        String page = "/coach/athletes/" + mark;
        long before = events();

        // no reference max given: the heaviest logged, 365 lb, as the API takes it
        EntityExchangeResult<String> preview = htmx(browser, page, page + "/deloads/preview",
                Map.of("exercise", "deadlift", "percent", "50", "referenceMax.value", "", "referenceMax.unit", "lb"));
        assertThat(preview.getStatus().value()).isEqualTo(200);
        assertThat(preview.getResponseBody()).contains("50%", "365 lb", "182.5 lb", "180 lb", "5 lb plate step",
                "Confirm: deload to 180 lb");
        EntityExchangeResult<String> given = htmx(browser, page, page + "/deloads/preview",
                Map.of("exercise", "deadlift", "percent", "50", "referenceMax.value", "365", "referenceMax.unit", "lb"));
        assertThat(given.getResponseBody()).contains("182.5 lb", "180 lb");
        assertThat(events()).isEqualTo(before);

        EntityExchangeResult<String> refused = htmx(browser, page, page + "/deloads/preview",
                Map.of("exercise", "deadlift", "percent", "150", "referenceMax.value", "-5", "referenceMax.unit", "lb"));
        assertThat(refused.getResponseBody()).contains("id=\"deload-error-percent\"", "between 1 and 100")
                .contains("id=\"deload-error-referenceMax").doesNotContain("Confirm:");
        EntityExchangeResult<String> notANumber = htmx(browser, page, page + "/deloads",
                Map.of("exercise", "deadlift", "percent", "half", "referenceMax.value", "365", "referenceMax.unit", "stone"));
        assertThat(notANumber.getResponseBody()).contains("id=\"deload-error-percent\"", "must be a number")
                .contains("id=\"deload-error-referenceMax.unit\"");
        EntityExchangeResult<String> missing = htmx(browser, page, page + "/deloads",
                Map.of("exercise", "deadlift", "percent", "", "referenceMax.value", "", "referenceMax.unit", "lb"));
        assertThat(missing.getResponseBody()).contains("id=\"deload-error-percent\"", "is required");
        assertThat(events()).isEqualTo(before);

        EntityExchangeResult<String> confirmed = htmx(browser, page, page + "/deloads", Map.of("id", UUID.randomUUID().toString(),
                "exercise", "deadlift", "percent", "50", "referenceMax.value", "365", "referenceMax.unit", "lb"));
        assertThat(confirmed.getResponseBody()).contains("Deload prescribed: 50% of 365 lb, 180 lb on the bar (exact 182.5 lb)");
        await().untilAsserted(() -> {
            JsonNode progress = coach.ok("/api/v1/athletes/" + mark + "/progress?exercise=deadlift");
            assertThat(progress.get("deload").get("roundedLoad").decimalValue()).isEqualByComparingTo("180");
            assertThat(progress.get("deload").get("exactLoad").decimalValue()).isEqualByComparingTo("182.5");
        });
        await().untilAsserted(() -> assertThat(browser.page(page))
                .contains("Deload prescribed", "50%: 180 lb (exact 182.5 lb)"));
    }

    @Test
    void theClearanceFormRefusesNextToItsFieldsThenLiftsTheRedFlag() {
        CoachApi coach = CoachApi.register(http, "Clearance pages coach");
        AthleteId zed = athletes.registers("Zed");
        athletes.grants(zed, coach);
        athletes.logsSet(zed, "deadlift", Load.kg(140), RADIATING, DAY_1);
        awaitCoaching(coach, zed);
        PageClient browser = new PageClient(http, "coach").withToken(coach.token());
        String page = "/coach/athletes/" + zed;
        await().untilAsserted(() -> assertThat(browser.page(page)).contains("Red flag: stop", "Clear to train again"));
        long before = events();

        EntityExchangeResult<String> refused = htmx(browser, page, page + "/clearances",
                Map.of("exercise", "", "notes", "x".repeat(2001)));
        assertThat(refused.getResponseBody()).contains("id=\"clearance-error-exercise\"", "is required")
                .contains("id=\"clearance-error-notes\"", "at most 2000 characters");
        assertThat(events()).isEqualTo(before);

        EntityExchangeResult<String> cleared = htmx(browser, page, page + "/clearances",
                Map.of("exercise", "deadlift", "notes", "Seen by a physiotherapist"));
        assertThat(cleared.getResponseBody()).contains("Deadlift: cleared to train again.");
        await().untilAsserted(() -> assertThat(browser.page(page)).doesNotContain("Red flag: stop"));
    }

    @Test
    void anAthletesPageIsNotFoundUnlessTheyGrantedThisCoachAndSignedOutIsSentToSignIn() {
        CoachApi coach = CoachApi.register(http, "Private pages coach");
        AthleteId granted = athletes.registers("Granted");
        AthleteId stranger = athletes.registers("Stranger");
        athletes.grants(granted, coach);
        athletes.logsSet(stranger, "deadlift", Load.lb(200), PAIN_FREE, DAY_1);
        awaitCoaching(coach, granted);
        PageClient browser = new PageClient(http, "coach").withToken(coach.token());

        assertThat(browser.page("/coach/athletes/" + granted)).contains("Granted");
        assertThat(status(browser, "/coach/athletes/" + stranger)).isEqualTo(404);
        assertThat(status(browser, "/coach/athletes/" + UUID.randomUUID())).isEqualTo(404);
        assertThat(status(browser, "/coach/athletes/not-an-id")).isEqualTo(404);
        long before = events();
        EntityExchangeResult<String> cue = htmx(browser, "/coach/", "/coach/athletes/" + stranger + "/cues",
                Map.of("text", "chest up", "exercise", "deadlift"));
        assertThat(cue.getStatus().value()).isEqualTo(404);
        EntityExchangeResult<String> deload = htmx(browser, "/coach/", "/coach/athletes/" + stranger + "/deloads/preview",
                Map.of("exercise", "deadlift", "percent", "50", "referenceMax.value", "", "referenceMax.unit", "lb"));
        assertThat(deload.getStatus().value()).isEqualTo(404);
        assertThat(deload.getResponseBody()).doesNotContain("200 lb");
        assertThat(events()).isEqualTo(before);

        athletes.revokes(granted, coach);
        awaitClosed(coach, granted);
        await().untilAsserted(() -> assertThat(status(browser, "/coach/athletes/" + granted)).isEqualTo(404));
        assertThat(browser.page("/coach/")).doesNotContain("/coach/athletes/" + granted);

        http.get().uri("/coach/athletes/" + granted).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isSeeOther()
                .expectHeader().value("Location", location -> assertThat(location).startsWith("/coach/sign-in"));
        http.get().uri("/coach/").accept(MediaType.TEXT_HTML).exchange().expectStatus().isSeeOther();
    }

    @Test
    void storedTextIsPrintedAsTextEverywhere() {
        CoachApi coach = CoachApi.register(http, "Escaping coach");
        AthleteId hostile = athletes.registers(HOSTILE);
        athletes.grants(hostile, coach);
        athletes.logsSet(hostile, "deadlift", Load.lb(200), new PainReport(new PainScore(2), HOSTILE, PainQuality.SORENESS), DAY_1);
        awaitCoaching(coach, hostile);
        coach.created("/api/v1/athletes/" + hostile + "/cues", "{\"text\":\"" + HOSTILE.replace("'", "\\u0027") + "\",\"exercise\":\"deadlift\"}");
        PageClient browser = new PageClient(http, "coach").withToken(coach.token());

        await().untilAsserted(() -> assertThat(browser.page("/coach/athletes/" + hostile)).contains("Cue assigned"));
        for (String html : new String[]{browser.page("/coach/"), browser.page("/coach/athletes/" + hostile)}) {
            assertThat(html).doesNotContain(HOSTILE).contains("&lt;script&gt;alert(");
        }
    }

    @Test
    void theTimelineIsNewestFirstAPageAtATimeWithTheOlderItemsBehindALink() {
        CoachApi coach = CoachApi.register(http, "Paging coach");
        AthleteId paged = athletes.registers("Paged");
        athletes.grants(paged, coach);
        for (int i = 0; i <= 26; i++) {
            athletes.logsSet(paged, "deadlift", Load.lb(100 + i), PAIN_FREE, DAY_1.plusSeconds(3600L * i));
        }
        awaitCoaching(coach, paged);
        PageClient browser = new PageClient(http, "coach").withToken(coach.token());
        String page = "/coach/athletes/" + paged;

        await().untilAsserted(() -> assertThat(browser.page(page)).contains("Deadlift 126 lb ×"));
        // the access granted now, then the sets from the latest: 25 items, the oldest three behind the link
        String html = browser.page(page);
        assertThat(html.indexOf("Access granted")).isLessThan(html.indexOf("Deadlift 126 lb ×"));
        assertThat(html.indexOf("Deadlift 126 lb ×")).isLessThan(html.indexOf("Deadlift 125 lb ×"));
        assertThat(html).contains("Deadlift 103 lb ×", "Older entries").doesNotContain("Deadlift 102 lb ×");
        String older = between(html, "hx-get=\"" + page + "/timeline?before=", "\"");
        String rest = browser.page(page + "/timeline?before=" + older);
        assertThat(rest).contains("Deadlift 102 lb ×", "Deadlift 100 lb ×").doesNotContain("Deadlift 103 lb ×", "Older entries");
        assertThat(rest.indexOf("Deadlift 102 lb ×")).isLessThan(rest.indexOf("Deadlift 100 lb ×"));
        assertThat(browser.page(page + "?before=" + older)).contains("Deadlift 101 lb ×").doesNotContain("Deadlift 126 lb ×");
    }

    @Test
    void theAthletePageStreamsEachNewItemRenderedAndTheStandingAgain() {
        CoachApi coach = CoachApi.register(http, "Live pages coach");
        AthleteId mark = markWithHisMax(coach);
        PageClient browser = new PageClient(http, "coach").withToken(coach.token());
        String html = browser.page("/coach/athletes/" + mark);
        String stream = between(html, "sse-connect=\"", "\"").replace("&amp;", "&");
        assertThat(stream).startsWith("/coach/athletes/" + mark + "/stream?after=");

        Flux<ServerSentEvent<String>> events = http.get().uri(stream).cookie("hinge_session", coach.token())
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                }).getResponseBody().filter(e -> e.data() != null);
        StepVerifier.create(events)
                .then(() -> athletes.logsSet(mark, "deadlift", Load.lb(185), PAIN_FREE, Instant.now().minusSeconds(60)))
                .assertNext(e -> {
                    assertThat(e.event()).isEqualTo("item");
                    assertThat(e.data()).contains("<li", "class=\"item", "Deadlift 185 lb");
                })
                .assertNext(e -> {
                    assertThat(e.event()).isEqualTo("status");
                    assertThat(e.data()).contains("Deadlift", "Latest pain");
                })
                .thenCancel()
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void theInvitePageShowsTheApisCodeAndLinkAndMakesANewOne() {
        CoachApi coach = CoachApi.register(http, "Invite pages coach");
        PageClient browser = new PageClient(http, "coach").withToken(coach.token());
        JsonNode invite = coach.ok("/api/v1/me/invite");

        String html = browser.page("/coach/invite");
        assertThat(html).contains("value=\"" + invite.get("code").asText() + "\"", invite.get("url").asText(),
                "<label", "for=\"invite-code\"", "Copy link");
        EntityExchangeResult<String> replaced = htmx(browser, "/coach/invite", "/coach/invite", Map.of());
        assertThat(replaced.getResponseBody()).contains("A new code").doesNotContain(invite.get("code").asText());
        assertThat(coach.ok("/api/v1/me/invite").get("code").asText()).isNotEqualTo(invite.get("code").asText());
    }

    @Test
    void anOfferByEmailIsListedAndAcceptedFromTheRosterPage() {
        String email = "offered+" + UUID.randomUUID() + "@example.com";
        JsonNode registered = http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"" + email + "\",\"password\":\"correct horse battery\",\"displayName\":\"Offered coach\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String token = registered.get("token").asText();
        AthleteId olga = athletes.registers("Olga " + HOSTILE);
        AccessOfferId offer = new AccessOfferId(UUID.randomUUID());
        athletes.append(olga, new CoachAccessOfferedEvent(olga, offer, digests.of(email), Instant.now()));
        PageClient browser = new PageClient(http, "coach").withToken(token);

        await().untilAsserted(() -> assertThat(new PageClient(http, "coach").withToken(token).page("/coach/offers"))
                .contains("Olga &lt;script&gt;", "/coach/offers/" + offer + "/accept"));
        EntityExchangeResult<String> accepted = htmx(browser, "/coach/offers", "/coach/offers/" + offer + "/accept", Map.of());
        assertThat(accepted.getResponseBody()).contains("Offer accepted").doesNotContain("/coach/offers/" + offer + "/accept");
        assertThat(jdbc.sql("select count(*) from domain_event_entry where payload_type like '%CoachAccessOfferAcceptedEvent'")
                .query(Long.class).single()).isPositive();
        await().untilAsserted(() -> assertThat(htmx(browser, "/coach/offers", "/coach/offers/" + offer + "/accept",
                Map.of()).getResponseBody()).contains("no longer open"));
    }

    /** Mark, who pulled 365 lb with sharp pain, granted to {@code coach}. */
    private AthleteId markWithHisMax(CoachApi coach) {
        AthleteId mark = athletes.registers("Mark");
        athletes.grants(mark, coach);
        athletes.logsSet(mark, "deadlift", Load.lb(365), SHARP, DAY_1);
        awaitCoaching(coach, mark);
        await().untilAsserted(() -> assertThat(coach.ok("/api/v1/athletes/" + mark + "/progress?exercise=deadlift")
                .get("referenceMax").decimalValue()).isEqualByComparingTo("365"));
        return mark;
    }

    private long events() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    private void awaitCoaching(CoachApi coach, AthleteId... athletes) {
        for (AthleteId athlete : athletes) {
            await().untilAsserted(() -> {
                assertThat(relationshipEvents(coach, athlete, RelationshipOpenedEvent.class))
                        .isGreaterThan(relationshipEvents(coach, athlete, RelationshipClosedEvent.class));
                coach.get("/api/v1/athletes/" + athlete + "/timeline").expectStatus().isOk();
            });
        }
    }

    private void awaitClosed(CoachApi coach, AthleteId athlete) {
        await().untilAsserted(() -> assertThat(relationshipEvents(coach, athlete, RelationshipClosedEvent.class))
                .isEqualTo(relationshipEvents(coach, athlete, RelationshipOpenedEvent.class)));
    }

    private long relationshipEvents(CoachApi coach, AthleteId athlete, Class<?> type) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type = ?")
                .params(Relationships.idOf(new CoachId(coach.id()), athlete).toString(), type.getName())
                .query(Long.class).single();
    }

    /** A form posted as htmx posts it, with the CSRF token of the page it is on. */
    private static EntityExchangeResult<String> htmx(PageClient browser, String from, String path, Map<String, String> form) {
        return browser.htmxPost(path, browser.csrfFrom(from), form).expectBody(String.class).returnResult();
    }

    /** A form posted by a browser without script. */
    private static EntityExchangeResult<String> plain(PageClient browser, String from, String path, Map<String, String> form) {
        return browser.post(path, browser.csrfFrom(from), form).expectBody(String.class).returnResult();
    }

    private static int status(PageClient browser, String path) {
        return browser.get(path).expectBody(String.class).returnResult().getStatus().value();
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("'" + start + "' in the page").isNotNegative();
        from += start.length();
        return text.substring(from, text.indexOf(end, from));
    }
}
