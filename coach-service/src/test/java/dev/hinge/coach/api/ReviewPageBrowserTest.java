package dev.hinge.coach.api;

import dev.hinge.kernel.coaching.CueAssignedEvent;
import dev.hinge.kernel.coaching.Relationships;
import dev.hinge.kernel.coaching.VideoReviewedEvent;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.training.Load;
import dev.hinge.kernel.training.SetId;
import dev.hinge.kernel.training.VideoId;
import dev.hinge.platform.test.Browser;
import dev.hinge.platform.test.FreshPostgres;
import dev.hinge.platform.videos.VideoFormat;
import dev.hinge.platform.videos.VideoKey;
import dev.hinge.platform.videos.VideoStore;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * A coach reviews an uploaded lift in headless Chromium: plays it, slows it to 0.5x, steps frames with the keys,
 * seeks, marks a fault at a fractional second, sees its marker appear and jump, and assigns a suggested cue in one
 * click. Screenshots of the queue and the review page at 1280 and 375 px go to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshPostgres.class)
@AutoConfigureWebTestClient(timeout = "PT30S")
class ReviewPageBrowserTest {
    @LocalServerPort
    int port;
    @Autowired
    WebTestClient http;
    @Autowired
    EventStore eventStore;
    @Autowired
    VideoStore store;

    Browser browser;

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aCoachPlaysStepsMarksAFaultAtAFractionalSecondAndAssignsASuggestedCue() throws Exception {
        AthleteSide athletes = new AthleteSide(eventStore);
        CoachApi dana = CoachApi.register(http, "Dana");
        AthleteId mark = athletes.registers("Mark");
        athletes.grants(mark, dana);
        SetId set = athletes.logsSet(mark, "deadlift", Load.lb(365), null, Instant.parse("2026-10-01T18:00:00Z"));
        VideoId video = athletes.uploadsVideo(mark, set, "deadlift", Instant.parse("2026-10-01T18:05:00Z"));
        Path upload = Files.write(Files.createTempFile("upload", ".part"), TestVideos.twoSecondsAt30Fps());
        assertThat(store.keep(new VideoKey(mark, video), VideoFormat.MP4, upload)).isTrue();
        await().untilAsserted(() -> assertThat(dana.reviewQueue("").get("items")).hasSize(1));

        browser = Browser.open();
        WebDriver page = browser.driver();
        String base = "http://localhost:" + port;
        page.get(base + "/coach/sign-in");
        page.manage().addCookie(new Cookie.Builder("hinge_session", dana.token()).path("/coach").isHttpOnly(true).build());
        JavascriptExecutor js = (JavascriptExecutor) page;
        WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(20));

        page.get(base + "/coach/reviews");
        WebElement link = page.findElement(By.cssSelector("a[href='/coach/videos/" + video + "']"));
        assertThat(link.getText()).contains("Mark", "Deadlift", "365 lb × 5");
        browser.assertAccessible("review queue");
        browser.screenshots("coach-review-queue");
        link.click();

        wait.until(d -> ((Number) js.executeScript("return document.getElementById('review-video').readyState")).intValue() >= 2);
        assertThat(page.findElement(By.id("duration")).getText()).isEqualTo("2.000");

        // play, then slow motion
        page.findElement(By.id("play-pause")).click();
        wait.until(d -> time(js) > 0.2);
        page.findElement(By.cssSelector(".speed[data-rate='0.5']")).click();
        assertThat(((Number) js.executeScript("return document.getElementById('review-video').playbackRate")).doubleValue())
                .isEqualTo(0.5);
        assertThat(page.findElement(By.cssSelector(".speed[data-rate='0.5']")).getAttribute("aria-pressed")).isEqualTo("true");

        page.findElement(By.id("play-pause")).click();
        wait.until(d -> (Boolean) js.executeScript("return document.getElementById('review-video').paused"));

        // seek with the seek bar, then step frames with '.' and ','
        js.executeScript("var s = document.getElementById('seek'); s.value = '1'; s.dispatchEvent(new Event('input'));");
        wait.until(d -> Math.abs(time(js) - 1.0) < 0.001);
        page.findElement(By.tagName("body")).sendKeys(".");
        wait.until(d -> (Boolean) js.executeScript("return document.getElementById('review-video').paused"));
        wait.until(d -> Math.abs(time(js) - (1.0 + 1.0 / 30)) < 0.002);
        page.findElement(By.tagName("body")).sendKeys(".");
        wait.until(d -> Math.abs(time(js) - (1.0 + 2.0 / 30)) < 0.002);
        page.findElement(By.tagName("body")).sendKeys(",");
        wait.until(d -> Math.abs(time(js) - (1.0 + 1.0 / 30)) < 0.002);
        String shown = page.findElement(By.id("current-time")).getText();
        assertThat(shown).matches("1\\.03[34]");

        // typing '.' in a field does not step
        double before = time(js);
        page.findElement(By.id("fault-note")).sendKeys("knees. hips.");
        assertThat(time(js)).isCloseTo(before, within(0.0005));

        // mark the fault here: a fractional second, to the millisecond
        page.findElement(By.id("mark-fault")).click();
        String at = page.findElement(By.id("atSecond")).getAttribute("value");
        assertThat(at).matches("1\\.03[34]").isEqualTo(shown);
        new Select(page.findElement(By.id("fault"))).selectByValue("hips_rise_too_fast");
        page.findElement(By.cssSelector("#fault-form button[type='submit']")).click();
        WebElement marker = wait.until(d -> d.findElements(By.cssSelector("#markers .marker[data-at='" + at + "']"))
                .stream().findFirst().orElse(null));
        wait.until(d -> marker.isDisplayed());
        assertThat(page.findElement(By.id("fault-list")).getText()).contains("Hips rise too fast", at + " s", "knees. hips.");
        assertThat(page.findElement(By.id("atSecond")).getAttribute("value")).isEmpty();

        // seek away, then the marker jumps back to its moment
        js.executeScript("var s = document.getElementById('seek'); s.value = '0.2'; s.dispatchEvent(new Event('input'));");
        wait.until(d -> Math.abs(time(js) - 0.2) < 0.001);
        marker.click();
        wait.until(d -> Math.abs(time(js) - Double.parseDouble(at)) < 0.001);

        // a suggested cue, one click away
        page.findElement(By.xpath("//button[normalize-space()='Assign “chest up”']")).click();
        wait.until(d -> d.findElement(By.id("cue-form")).getText().contains("Assigned the cue “chest up”."));
        browser.assertAccessible("review page");
        browser.screenshots("coach-review");

        // a linked video is a link, and its fault form takes a typed second
        SetId other = athletes.logsSet(mark, "deadlift", Load.lb(315), null, Instant.parse("2026-10-02T18:00:00Z"));
        VideoId linked = athletes.attachesVideo(mark, other, "deadlift", Instant.parse("2026-10-02T18:05:00Z"));
        await().untilAsserted(() -> assertThat(dana.reviewQueue("").get("items")).hasSize(1));
        page.get(base + "/coach/videos/" + linked);
        assertThat(page.findElements(By.tagName("video"))).isEmpty();
        assertThat(page.findElement(By.cssSelector("a.video-link")).getAttribute("href"))
                .isEqualTo("https://example.com/" + linked + ".mp4");
        new Select(page.findElement(By.id("fault"))).selectByValue("bar_drifts_forward");
        page.findElement(By.id("atSecond")).sendKeys("0.75");
        page.findElement(By.cssSelector("#fault-form button[type='submit']")).click();
        wait.until(d -> d.findElement(By.id("fault-list")).getText().contains("0.750 s"));
        browser.assertAccessible("linked video review");
        browser.screenshots("coach-review-linked");

        VideoReviewedEvent reviewed = recorded(dana, mark, VideoReviewedEvent.class).get(0);
        assertThat(reviewed.faults().get(0).atSecond().toPlainString()).isEqualTo(at);
        CueAssignedEvent cue = recorded(dana, mark, CueAssignedEvent.class).get(0);
        assertThat(cue.text()).isEqualTo("chest up");
        assertThat(cue.atSecond()).isEqualTo(new BigDecimal(at));
    }

    private static double time(JavascriptExecutor js) {
        return ((Number) js.executeScript("return document.getElementById('review-video').currentTime")).doubleValue();
    }

    private <T> List<T> recorded(CoachApi coach, AthleteId athlete, Class<T> type) {
        return StreamSupport.stream(eventStore.readEvents(Relationships.idOf(new CoachId(coach.id()), athlete).toString())
                        .asStream().spliterator(), false)
                .map(EventMessage::getPayload).filter(type::isInstance).map(type::cast).toList();
    }
}
