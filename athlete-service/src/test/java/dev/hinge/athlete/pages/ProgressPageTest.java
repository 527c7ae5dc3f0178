package dev.hinge.athlete.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hinge.kernel.coaching.CueAssignedEvent;
import dev.hinge.kernel.coaching.CueId;
import dev.hinge.kernel.coaching.Deload;
import dev.hinge.kernel.coaching.DeloadId;
import dev.hinge.kernel.coaching.DeloadPrescribedEvent;
import dev.hinge.kernel.coaching.Percent;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.Load;
import dev.hinge.platform.test.Browser;
import dev.hinge.platform.test.FreshPostgres;
import dev.hinge.platform.test.PageClient;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.HtmlUtils;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The athlete's progress page over real HTTP with a real session cookie: the Mark case's numbers and chart (its JSON
 * in the page, eight points), the live route, what another athlete and no session get, and the chart drawn by
 * ECharts in headless Chromium at 1280 and 375 px.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshPostgres.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgressPageTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern CHART = Pattern.compile("data-chart=\"([^\"]*)\"");
    static final Pattern LIVE = Pattern.compile("id=\"progress-live\"[^>]*?hx-get=\"([^\"]*)\"");
    static final int[] CLIMB = {185, 205, 225, 245, 265, 285, 295};
    static final List<String> CUES = List.of("chest up", "push the floor away", "drag the bar up your legs");

    WebTestClient http;
    @Autowired
    EventStore eventStore;
    @LocalServerPort
    int port;

    /** Mark's session token and id, after the Mark case is entered. */
    String mark;
    UUID markId;

    @Autowired
    void client(WebTestClient client) {
        http = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @BeforeAll
    void theMarkCase() {
        JsonNode registered = register("Mark");
        mark = registered.get("token").asText();
        markId = UUID.fromString(registered.get("id").asText());
        AthleteId athlete = new AthleteId(markId);
        CoachId coach = new CoachId(UUID.randomUUID());
        Instant deloadAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofDays(28));
        logSet(mark, 365, "{\"score\":6,\"location\":\"lower back\",\"quality\":\"sharp\"}", deloadAt.minus(Duration.ofDays(2)));
        for (int i = 0; i < CUES.size(); i++) {
            coachAppends(new CueAssignedEvent(athlete, coach, new CueId(UUID.randomUUID()), CUES.get(i), Exercise.DEADLIFT,
                    null, null, null, deloadAt.minus(Duration.ofDays(1)).plus(Duration.ofMinutes(i))));
        }
        coachAppends(new DeloadPrescribedEvent(athlete, coach, DeloadId.of(UUID.randomUUID()), Exercise.DEADLIFT,
                Deload.of(Percent.of("50"), Load.lb(365)), deloadAt));
        for (int i = 0; i < CLIMB.length; i++) {
            logSet(mark, CLIMB[i], "{\"score\":0,\"quality\":\"none\"}", deloadAt.plus(Duration.ofDays(1 + 4L * i)));
        }
        await().untilAsserted(() -> assertThat(chart(page(mark, "/athlete/progress?exercise=deadlift")).get("points")).hasSize(8));
    }

    @Test
    void theMarkCaseShowsItsNumbersAndItsChartWithEightPoints() {
        String page = page(mark, "/athlete/progress?exercise=deadlift");
        JsonNode chart = chart(page);

        List<Integer> loads = new ArrayList<>();
        chart.get("points").forEach(p -> loads.add(p.get("load").asInt()));
        assertThat(loads).containsExactly(365, 185, 205, 225, 245, 265, 285, 295);
        assertThat(chart.at("/points/0/pain").asInt()).isEqualTo(6);
        assertThat(chart.at("/points/0/painQuality").asText()).isEqualTo("sharp");
        assertThat(chart.at("/points/7/pain").asInt()).isZero();
        assertThat(chart.get("unit").asText()).isEqualTo("lb");
        assertThat(chart.get("referenceMax").decimalValue()).isEqualByComparingTo("365");
        assertThat(chart.get("deloadLevel").decimalValue()).isEqualByComparingTo("180");
        assertThat(chart.get("markers").findValuesAsText("label"))
                .containsExactly("chest up", "push the floor away", "drag the bar up your legs", "scale to 50%");
        List<Integer> best = new ArrayList<>();
        chart.get("painFreeBest").forEach(s -> best.add(s.get("load").asInt()));
        assertThat(best).containsExactly(185, 205, 225, 245, 265, 285, 295);

        // the numbers the API's progress answers, and the chart in words and in a table for screen readers
        assertThat(page).contains("<h1>Deadlift progress</h1>", "progressing", "365 lb", "scale to 50%: 180 lb", "295 lb",
                "80.8%", "increase to 310 lb", "<figcaption>", "Deadlift load over time: 8 sets",
                "Best pain-free load 295 lb (80.8% of the reference max).");
        assertThat(count(page, "class=\"chart__row\"")).isEqualTo(8);
        assertThat(page).contains("<option value=\"deadlift\" selected=\"selected\">Deadlift</option>");
        // scripts are files: the page carries none inline
        assertThat(page).contains("src=\"/assets/chart.js\"");
        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(page).find()).isFalse();
    }

    @Test
    void theLiveRouteAnswersNothingWhileThePageIsCurrentAndTheSectionOnceItChanged() {
        String page = page(mark, "/athlete/progress?exercise=deadlift");
        String live = HtmlUtils.htmlUnescape(matched(LIVE, page));
        assertThat(live).startsWith("/athlete/progress/live?exercise=deadlift&v=");

        new PageClient(http, "athlete").withToken(mark).get(live).expectStatus().isNoContent();
        String changed = new PageClient(http, "athlete").withToken(mark).get("/athlete/progress/live?exercise=deadlift&v=stale")
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(changed).contains("<section id=\"progress-live\"").doesNotContain("<html");
        assertThat(chart(changed).get("points")).hasSize(8);
    }

    @Test
    void anotherAthleteSeesOnlyTheirOwnEmptyChart() {
        String other = register("Someone else").get("token").asText();

        String page = page(other, "/athlete/progress?exercise=deadlift");

        assertThat(chart(page).get("points")).isEmpty();
        assertThat(page).contains("No deadlift sets logged yet.").doesNotContain("365 lb");
    }

    @Test
    void withoutASessionTheBrowserIsSentToSignIn() {
        http.get().uri("/athlete/progress?exercise=deadlift").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isSeeOther()
                .expectHeader().value("Location", location -> assertThat(location).startsWith("/athlete/sign-in?next="));
        http.get().uri("/athlete/progress/live?exercise=deadlift").header("HX-Request", "true").exchange()
                .expectHeader().value("HX-Redirect", location -> assertThat(location).startsWith("/athlete/sign-in"));
    }

    @Test
    void storedTextIsEscapedInTheCaptionAndTheChartsJson() {
        JsonNode registered = register("Hostile");
        AthleteId athlete = new AthleteId(UUID.fromString(registered.get("id").asText()));
        String token = registered.get("token").asText();
        logSet(token, 200, "{\"score\":0,\"quality\":\"none\"}", Instant.now().minus(Duration.ofDays(2)));
        coachAppends(new CueAssignedEvent(athlete, new CoachId(UUID.randomUUID()), new CueId(UUID.randomUUID()),
                "<script>alert(1)</script>", Exercise.DEADLIFT, null, null, null, Instant.now().minus(Duration.ofDays(1))));

        await().untilAsserted(() -> assertThat(chart(page(token, "/athlete/progress?exercise=deadlift")).get("markers")).hasSize(1));
        String page = page(token, "/athlete/progress?exercise=deadlift");
        assertThat(page).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(chart(page).at("/markers/0/label").asText()).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void theBrowserDrawsTheMarkCaseChart() {
        http.get().uri("/assets/chart.js").exchange().expectStatus().isOk();
        http.get().uri("/assets/chart.css").exchange().expectStatus().isOk();
        try (Browser browser = Browser.open()) {
            String base = "http://localhost:" + port;
            browser.get(base + "/athlete/sign-in");
            browser.driver().manage().addCookie(new Cookie.Builder("hinge_session", mark).path("/athlete").isHttpOnly(true).build());
            browser.get(base + "/athlete/progress?exercise=deadlift");
            WebElement canvas = browser.driver().findElement(By.cssSelector("[data-chart]"));
            browser.waiting().until(d -> Boolean.TRUE.equals(browser.script(
                    "return !!(window.echarts && echarts.getInstanceByDom(arguments[0]));", canvas)));

            // the chart's data in the DOM
            JsonNode data = parse(canvas.getAttribute("data-chart"));
            assertThat(data.get("points")).hasSize(8);
            assertThat(browser.driver().findElements(By.cssSelector("tr.chart__row"))).hasSize(8);
            // and what ECharts drew from it
            Map<String, Object> drawn = browser.script("""
                    var option = echarts.getInstanceByDom(arguments[0]).getOption();
                    var sets = option.series[0], best = option.series[1];
                    var lines = sets.markLine.data;
                    return {series: option.series.length, points: sets.data.length, best: best.data.length,
                            step: String(best.step),
                            horizontal: lines.filter(function (l) { return l.yAxis !== undefined; }).length,
                            vertical: lines.filter(function (l) { return l.xAxis !== undefined; }).length,
                            firstColor: sets.data[0].itemStyle.color, lastColor: sets.data[7].itemStyle.color,
                            width: window.innerWidth};""", canvas);
            assertThat(drawn).containsEntry("series", 2L).containsEntry("points", 8L).containsEntry("best", 7L)
                    .containsEntry("step", "end").containsEntry("horizontal", 2L).containsEntry("vertical", 4L);
            assertThat(drawn.get("firstColor")).isNotEqualTo(drawn.get("lastColor"));
            assertThat(browser.<Long>script("return document.querySelectorAll('[data-chart] canvas').length;", canvas))
                    .isEqualTo(1L);

            browser.screenshots("athlete-progress");
            // at 375 px the chart fits the window and is drawn again for it
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(375, 900));
            browser.script("window.dispatchEvent(new Event('resize'));");
            browser.waiting().until(d -> "true".equals(canvas.getAttribute("data-chart-narrow")));
            Number chartWidth = browser.script("return arguments[0].getBoundingClientRect().width;", canvas);
            Number pageWidth = browser.script("return document.documentElement.clientWidth;");
            assertThat(chartWidth.doubleValue()).isLessThanOrEqualTo(pageWidth.doubleValue());
            // nothing of the chart (its screen-reader table included) widens the page past the phone's width
            Number scrollWidth = browser.script("return document.documentElement.scrollWidth;");
            assertThat(scrollWidth.intValue()).isLessThanOrEqualTo(pageWidth.intValue());
            browser.assertAccessible("the athlete's progress page");

            // a set logged while the page is open shows on it without a reload
            String live = register("Live").get("token").asText();
            logSet(live, 200, "{\"score\":0,\"quality\":\"none\"}", Instant.now().minus(Duration.ofDays(3)));
            await().untilAsserted(() -> assertThat(chart(page(live, "/athlete/progress?exercise=deadlift")).get("points")).hasSize(1));
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
            browser.driver().manage().deleteCookieNamed("hinge_session");
            browser.driver().manage().addCookie(new Cookie.Builder("hinge_session", live).path("/athlete").isHttpOnly(true).build());
            browser.get(base + "/athlete/progress?exercise=deadlift");
            browser.script("window.hingeBeforeLiveUpdate = true;");
            logSet(live, 210, "{\"score\":2,\"quality\":\"soreness\"}", Instant.now().minus(Duration.ofDays(1)));
            browser.waiting().withTimeout(Duration.ofSeconds(30)).until(d -> Long.valueOf(2).equals(browser.script("""
                    var el = document.querySelector('[data-chart]');
                    var chart = el && window.echarts && echarts.getInstanceByDom(el);
                    return chart ? chart.getOption().series[0].data.length : -1;""")));
            assertThat(browser.<Boolean>script("return window.hingeBeforeLiveUpdate === true;")).as("no reload").isTrue();
            assertThat(parse(browser.driver().findElement(By.cssSelector("[data-chart]")).getAttribute("data-chart"))
                    .at("/points/1/pain").asInt()).isEqualTo(2);
        }
    }

    private JsonNode register(String name) {
        String email = name.toLowerCase().replace(' ', '.') + "+" + UUID.randomUUID() + "@example.com";
        return http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", "correct horse battery", "displayName", name))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private void logSet(String token, int pounds, String pain, Instant performedAt) {
        http.post().uri("/api/v1/me/sets").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"exercise\":\"deadlift\",\"load\":{\"value\":" + pounds + ",\"unit\":\"lb\"},\"reps\":5,"
                        + "\"performedAt\":\"" + performedAt + "\",\"pain\":" + pain + "}")
                .exchange().expectStatus().isCreated();
    }

    /** Stands in for coach-service appending to the shared store (its own aggregate, its own sequence). */
    private void coachAppends(Object event) {
        eventStore.publish(new GenericDomainEventMessage<>("CoachingRelationship", UUID.randomUUID().toString(), 0, event));
    }

    private String page(String token, String path) {
        return new PageClient(http, "athlete").withToken(token).page(path);
    }

    static JsonNode chart(String html) {
        return parse(HtmlUtils.htmlUnescape(matched(CHART, html)));
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    static String matched(Pattern pattern, String html) {
        Matcher matcher = pattern.matcher(html);
        assertThat(matcher.find()).as(pattern + " in the page").isTrue();
        return matcher.group(1);
    }

    static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
