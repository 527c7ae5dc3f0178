package dev.hinge.coach.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.pain.PainQuality;
import dev.hinge.kernel.pain.PainReport;
import dev.hinge.kernel.pain.PainScore;
import dev.hinge.kernel.training.Load;
import dev.hinge.platform.test.Browser;
import dev.hinge.platform.test.FreshPostgres;
import dev.hinge.platform.test.PageClient;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A coach's page of a granted athlete's progress over real HTTP with a real session cookie: the Mark case as his
 * coach entered it (cues and the deload through the API), the chart's JSON in the page; another coach, a revoked
 * coach and no session are refused as on the API; the chart drawn by ECharts in headless Chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshPostgres.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AthleteProgressPageTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern CHART = Pattern.compile("data-chart=\"([^\"]*)\"");
    static final int[] CLIMB = {185, 205, 225, 245, 265, 285, 295};
    static final List<String> CUES = List.of("chest up", "push the floor away", "drag the bar up your legs");
    static final PainReport SHARP_6 = new PainReport(new PainScore(6), "lower back", PainQuality.SHARP);

    WebTestClient http;
    @Autowired
    EventStore eventStore;
    @LocalServerPort
    int port;

    AthleteSide athletes;
    CoachApi carter;
    AthleteId mark;
    String progress;

    @Autowired
    void client(WebTestClient client) {
        http = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @BeforeAll
    void theMarkCaseAsHisCoachEnteredIt() {
        athletes = new AthleteSide(eventStore);
        carter = CoachApi.register(http, "Coach Carter");
        mark = athletes.registers("Mark");
        athletes.grants(mark, carter);
        progress = "/coach/athletes/" + mark + "/progress?exercise=deadlift";
        Instant deloadAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofDays(28));
        athletes.logsSet(mark, "deadlift", Load.lb(365), SHARP_6, deloadAt.minus(Duration.ofDays(2)));
        String base = "/api/v1/athletes/" + mark;
        await().untilAsserted(() -> carter.get(base + "/progress?exercise=deadlift").expectStatus().isOk()
                .expectBody().jsonPath("$.referenceMax").isEqualTo(365));
        for (int i = 0; i < CUES.size(); i++) {
            carter.created(base + "/cues", "{\"text\":\"%s\",\"exercise\":\"deadlift\",\"at\":\"%s\"}"
                    .formatted(CUES.get(i), deloadAt.minus(Duration.ofDays(1)).plus(Duration.ofMinutes(i))));
        }
        await().untilAsserted(() -> carter.post(base + "/deloads",
                        "{\"exercise\":\"deadlift\",\"instruction\":\"scale to 50%\",\"at\":\"" + deloadAt + "\"}")
                .expectStatus().isCreated());
        for (int i = 0; i < CLIMB.length; i++) {
            athletes.logsSet(mark, "deadlift", Load.lb(CLIMB[i]), PainReport.NONE, deloadAt.plus(Duration.ofDays(1 + 4L * i)));
        }
        await().untilAsserted(() -> {
            JsonNode chart = chart(page(carter, progress));
            assertThat(chart.get("points")).hasSize(8);
            assertThat(chart.get("markers")).hasSize(4);
        });
    }

    @Test
    void theCoachSeesTheMarkCaseNumbersAndChart() {
        String page = page(carter, progress);
        JsonNode chart = chart(page);

        List<Integer> loads = new ArrayList<>();
        chart.get("points").forEach(p -> loads.add(p.get("load").asInt()));
        assertThat(loads).containsExactly(365, 185, 205, 225, 245, 265, 285, 295);
        assertThat(chart.get("referenceMax").decimalValue()).isEqualByComparingTo("365");
        assertThat(chart.get("deloadLevel").decimalValue()).isEqualByComparingTo("180");
        assertThat(chart.get("markers").findValuesAsText("label"))
                .containsExactly("chest up", "push the floor away", "drag the bar up your legs", "scale to 50%");
        assertThat(chart.get("painFreeBest")).hasSize(7);
        assertThat(chart.at("/painFreeBest/6/load").asInt()).isEqualTo(295);
        assertThat(page).contains("<h1>Mark: Deadlift progress</h1>", "progressing", "scale to 50%: 180 lb", "80.8%",
                "increase to 310 lb", "Deadlift load over time: 8 sets");
        assertThat(page).contains("hx-get=\"/coach/athletes/" + mark + "/progress/live?exercise=deadlift&amp;v=");
    }

    @Test
    void anotherCoachGetsTheNotFoundPageAsOnTheApi() {
        CoachApi other = CoachApi.register(http, "Other coach");
        other.get("/api/v1/athletes/" + mark + "/progress?exercise=deadlift").expectStatus().isNotFound();

        String page = new PageClient(http, "coach").withToken(other.token()).get(progress).expectStatus().isNotFound()
                .expectBody(String.class).returnResult().getResponseBody();
        new PageClient(http, "coach").withToken(other.token())
                .get("/coach/athletes/" + mark + "/progress/live?exercise=deadlift").expectStatus().isNotFound();

        assertThat(page).contains("<h1>Not Found</h1>", "Sign out").doesNotContain("data-chart=", "Deadlift load over time");
    }

    @Test
    void aRevokedCoachGetsTheNotFoundPage() {
        CoachApi former = CoachApi.register(http, "Former coach");
        athletes.grants(mark, former);
        await().untilAsserted(() -> new PageClient(http, "coach").withToken(former.token()).get(progress).expectStatus().isOk());

        athletes.revokes(mark, former);

        await().untilAsserted(() -> new PageClient(http, "coach").withToken(former.token()).get(progress)
                .expectStatus().isNotFound());
    }

    @Test
    void withoutASessionTheBrowserIsSentToSignIn() {
        http.get().uri(progress).accept(MediaType.TEXT_HTML).exchange().expectStatus().isSeeOther()
                .expectHeader().value("Location", location -> assertThat(location).startsWith("/coach/sign-in?next="));
    }

    @Test
    void theBrowserDrawsTheMarkCaseChartForTheCoach() {
        try (Browser browser = Browser.open()) {
            String base = "http://localhost:" + port;
            browser.get(base + "/coach/sign-in");
            browser.driver().manage().addCookie(new Cookie.Builder("hinge_session", carter.token()).path("/coach")
                    .isHttpOnly(true).build());
            browser.get(base + progress);
            WebElement canvas = browser.driver().findElement(By.cssSelector("[data-chart]"));
            browser.waiting().until(d -> Boolean.TRUE.equals(browser.script(
                    "return !!(window.echarts && echarts.getInstanceByDom(arguments[0]));", canvas)));

            assertThat(parse(canvas.getAttribute("data-chart")).get("points")).hasSize(8);
            Map<String, Object> drawn = browser.script("""
                    var option = echarts.getInstanceByDom(arguments[0]).getOption();
                    return {points: option.series[0].data.length, lines: option.series[0].markLine.data.length,
                            best: option.series[1].data.length};""", canvas);
            assertThat(drawn).containsEntry("points", 8L).containsEntry("lines", 6L).containsEntry("best", 7L);
            browser.screenshots("coach-athlete-progress");
            browser.assertAccessible("the coach's page of an athlete's progress");
        }
    }

    private String page(CoachApi coach, String path) {
        return new PageClient(http, "coach").withToken(coach.token()).page(path);
    }

    static JsonNode chart(String html) {
        Matcher matcher = CHART.matcher(html);
        assertThat(matcher.find()).as("the chart's data in the page").isTrue();
        return parse(HtmlUtils.htmlUnescape(matcher.group(1)));
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
