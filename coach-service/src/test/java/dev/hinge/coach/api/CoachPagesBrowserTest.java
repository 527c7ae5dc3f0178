package dev.hinge.coach.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hinge.kernel.coaching.RelationshipOpenedEvent;
import dev.hinge.kernel.coaching.Relationships;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.pain.PainQuality;
import dev.hinge.kernel.pain.PainReport;
import dev.hinge.kernel.pain.PainScore;
import dev.hinge.kernel.training.Load;
import dev.hinge.platform.test.Browser;
import dev.hinge.platform.test.FreshPostgres;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A coach in headless Chromium: signs in, finds Mark first among the athletes in pain, opens his page, scales him to
 * 50% with the exact and the rounded load shown before confirming, and sees the deload arrive on his live timeline.
 * Screenshots of the roster, the athlete page (with the preview) and the invite page at 1280 and 375 px go to
 * {@code target/screenshots/}; axe-core finds no serious or critical violation on any of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshPostgres.class)
class CoachPagesBrowserTest {
    private static final Instant DAY_1 = Instant.parse("2024-10-01T18:00:00Z");
    private static final Instant DAY_2 = Instant.parse("2024-10-02T18:00:00Z");
    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;
    @Autowired
    WebTestClient http;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCoachScalesMarkToFiftyPercentSeeingTheExactAndRoundedLoadFirstAndTheDeloadArrivesLive() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        String email = "carter+" + UUID.randomUUID() + "@example.com";
        JsonNode registered = http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"Coach Carter\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        CoachApi coach = new CoachApi(http, UUID.fromString(registered.get("id").asText()), registered.get("token").asText());
        AthleteSide athletes = new AthleteSide(eventStore);
        AthleteId mark = athletes.registers("Mark");
        AthleteId fred = athletes.registers("Fred <script>alert(1)</script>");
        AthleteId carla = athletes.registers("Carla");
        for (AthleteId athlete : new AthleteId[]{mark, fred, carla}) {
            athletes.grants(athlete, coach);
        }
        athletes.logsSet(carla, "back_squat", Load.kg(100), PainReport.NONE, DAY_2);
        athletes.logsSet(fred, "deadlift", Load.kg(140), new PainReport(new PainScore(5), "left leg", PainQuality.RADIATING), DAY_1);
        athletes.logsSet(mark, "deadlift", Load.lb(365), new PainReport(new PainScore(6), "lower back", PainQuality.SHARP), DAY_1);
        for (AthleteId athlete : new AthleteId[]{mark, fred, carla}) {
            await().until(() -> opened(coach, athlete));
        }
        await().untilAsserted(() -> assertThat(coach.roster().get("items")).hasSize(3));
        await().untilAsserted(() -> assertThat(coach.ok("/api/v1/athletes/" + mark + "/progress?exercise=deadlift")
                .get("status").asText()).isEqualTo("pain_reported"));
        String base = "http://localhost:" + port;

        try (Browser browser = Browser.open()) {
            browser.get(base + "/coach/");
            browser.waiting().until(ExpectedConditions.urlContains("/coach/sign-in"));
            browser.driver().findElement(By.id("email")).sendKeys(email);
            browser.driver().findElement(By.id("password")).sendKeys(PASSWORD);
            browser.driver().findElement(By.cssSelector("form button[type=submit].primary")).click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".athlete-list")));

            var names = browser.driver().findElements(By.cssSelector(".athlete-list .athlete-name")).stream()
                    .map(WebElement::getText).toList();
            assertThat(names).containsExactly("Fred <script>alert(1)</script>", "Mark", "Carla");
            assertThat(browser.driver().findElement(By.cssSelector(".athlete-card.status-red_flag .badge")).getText())
                    .isEqualTo("Red flag: stop");
            browser.screenshots("coach-roster");
            browser.assertAccessible("the roster");

            browser.driver().findElement(By.linkText("Mark")).click();
            browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Mark"));
            browser.waiting().until(d -> Boolean.TRUE.equals(browser.script("return typeof htmx !== 'undefined';")));
            browser.screenshots("coach-athlete");
            browser.assertAccessible("the athlete page");

            WebElement percent = browser.driver().findElement(By.id("deload-percent"));
            percent.clear();
            percent.sendKeys("50");
            browser.driver().findElement(By.xpath("//button[normalize-space()='Preview the loads']")).click();
            browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("deload-preview")));
            assertThat(browser.driver().findElement(By.cssSelector("#deload-preview .exact-load")).getText()).isEqualTo("182.5 lb");
            assertThat(browser.driver().findElement(By.cssSelector("#deload-preview .rounded-load")).getText()).isEqualTo("180 lb");
            browser.screenshots("coach-athlete-deload-preview");
            browser.assertAccessible("the deload preview");

            browser.driver().findElement(By.xpath("//button[starts-with(normalize-space(), 'Confirm: deload to 180 lb')]")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#deload .notice"),
                    "Deload prescribed: 50% of 365 lb, 180 lb on the bar (exact 182.5 lb)"));
            // the deload reaches the timeline and the standing without a reload
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#timeline > li.item-deload_prescribed:first-child")));
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("standing"),
                    "50%: 180 lb (exact 182.5 lb)"));
            assertThat(browser.driver().findElements(By.cssSelector("#timeline > li.item-deload_prescribed"))).hasSize(1);

            browser.get(base + "/coach/invite");
            String code = coach.ok("/api/v1/me/invite").get("code").asText();
            assertThat(browser.driver().findElement(By.id("invite-code")).getAttribute("value")).isEqualTo(code);
            browser.screenshots("coach-invite");
            browser.assertAccessible("the invite page");
        }
    }

    private boolean opened(CoachApi coach, AthleteId athlete) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type = ?")
                .params(Relationships.idOf(new CoachId(coach.id()), athlete).toString(), RelationshipOpenedEvent.class.getName())
                .query(Long.class).single() > 0;
    }
}
