package dev.hinge.athlete.pages;

import dev.hinge.kernel.access.CoachInviteCodeIssuedEvent;
import dev.hinge.kernel.access.InviteCode;
import dev.hinge.kernel.account.CoachRegisteredEvent;
import dev.hinge.kernel.account.DisplayName;
import dev.hinge.kernel.coaching.CueAssignedEvent;
import dev.hinge.kernel.coaching.CueId;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.platform.test.Browser;
import dev.hinge.platform.test.FreshPostgres;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An athlete in headless Chromium: signs up, logs a set with pain and a real video made by ffmpeg, sees it in the
 * timeline (live, then playable), and a cue a coach assigns appears on the home page without a reload. Screenshots of
 * home, timeline and coaches at 1280 and 375 px go to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hinge.videos.folder=target/test-data/browser-test/videos",
                "hinge.videos.uploads=target/test-data/browser-test/uploads"})
@ContextConfiguration(initializers = FreshPostgres.class)
class AthleteBrowserTest {
    private static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anAthleteLogsASetWithPainAndAVideoAndSeesItAndTheirCoachsCueLive(@TempDir Path folder) throws Exception {
        Path video = video(folder);
        String base = "http://localhost:" + port;
        try (Browser browser = Browser.open()) {
            WebDriver page = browser.driver();
            browser.get(base + "/athlete/sign-up");
            page.findElement(By.id("displayName")).sendKeys("Mark Browser");
            String email = "mark+" + UUID.randomUUID() + "@example.com";
            page.findElement(By.id("email")).sendKeys(email);
            page.findElement(By.id("password")).sendKeys("correct horse battery");
            page.findElement(By.cssSelector("main button[type=submit]")).click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("set-form")));
            assertThat(page.getCurrentUrl()).isEqualTo(base + "/athlete/");
            assertThat(page.findElement(By.id("cue-panel")).getText()).contains("No cues");

            WebElement load = page.findElement(By.id("load-value"));
            load.clear();
            load.sendKeys("140");
            page.findElement(By.id("reps")).sendKeys("5");
            new Select(page.findElement(By.id("pain-score"))).selectByValue("3");
            new Select(page.findElement(By.id("pain-quality"))).selectByValue("soreness");
            page.findElement(By.id("pain-location")).sendKeys("lower back");
            page.findElement(By.name("checklist.grip")).click();
            page.findElement(By.id("notes")).sendKeys("<script>alert('x')</script> felt solid");
            page.findElement(By.id("video-file")).sendKeys(video.toAbsolutePath().toString());
            // what the progress bar showed while the file went up (athlete.js sets it from htmx's progress events)
            browser.script("window.shown = []; document.addEventListener('htmx:xhr:progress', function () {"
                    + " var bar = document.querySelector('#set-form progress.upload-progress');"
                    + " if (bar && !bar.hidden) { window.shown.push(bar.value); } });");
            page.findElement(By.cssSelector("#set-form button.primary")).click();

            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#set-form [role=status]"), "Logged: Deadlift 140 kg × 5, pain 3/10"));
            assertThat(browser.<java.util.List<Number>>script("return window.shown;")).as("the upload's progress")
                    .isNotEmpty().last().satisfies(value -> assertThat(value.intValue()).isEqualTo(100));
            // the live timeline puts the set and then its video on top, no reload
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline-items li.video_attached video")));
            assertThat(page.findElement(By.cssSelector("#timeline-items")).getText())
                    .contains("Deadlift 140 kg × 5, pain 3/10", "<script>alert('x')</script> felt solid");
            assertThat(page.findElement(By.id("load-value")).getAttribute("value")).as("the next set repeats").isEqualTo("140");

            UUID athlete = jdbc.sql("select id from account where display_name = 'Mark Browser'").query(UUID.class).single();
            eventStore.publish(new GenericDomainEventMessage<>("CoachingRelationship", UUID.randomUUID().toString(), 0,
                    new CueAssignedEvent(new AthleteId(athlete), new CoachId(UUID.randomUUID()), new CueId(UUID.randomUUID()),
                            "Push the floor away", Exercise.DEADLIFT, null, null, null, Instant.now())));
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#cue-panel .cue-text"),
                    "Push the floor away"));
            top(browser);
            browser.screenshots("athlete-home");
            browser.assertAccessible("athlete home");

            browser.get(base + "/athlete/timeline");
            WebElement player = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.video_attached video")));
            browser.waiting().until(driver -> ((Number) browser.script("return arguments[0].readyState;", player)).intValue() >= 1);
            assertThat(((Number) browser.script("return arguments[0].duration;", player)).doubleValue()).isBetween(0.9, 1.1);
            top(browser);
            browser.screenshots("athlete-timeline");
            browser.assertAccessible("athlete timeline");

            // the coach's invite link: which coach, one tap to grant
            CoachId coach = new CoachId(UUID.randomUUID());
            InviteCode code = InviteCode.generate(new Random());
            eventStore.publish(new GenericDomainEventMessage<>("Coach", coach.toString(), 0,
                    new CoachRegisteredEvent(coach, new DisplayName("Dana Reyes"), Instant.now())));
            eventStore.publish(new GenericDomainEventMessage<>("Coach", coach.toString(), 1,
                    new CoachInviteCodeIssuedEvent(coach, code, Instant.now())));
            await().until(() -> {
                browser.get(base + "/athlete/invite/" + code.value());
                return page.findElement(By.tagName("h1")).getText().equals("Dana Reyes invites you");
            });
            page.findElement(By.cssSelector("main form button.primary")).click();
            browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main [role=status]"),
                    "Access granted"));
            await().until(() -> {
                browser.get(base + "/athlete/coaches");
                return page.findElements(By.cssSelector(".coach .name")).stream().anyMatch(e -> e.getText().equals("Dana Reyes"));
            });
            page.findElement(By.id("invite-code")).sendKeys("nope");
            page.findElement(By.cssSelector("main form button.primary")).click();
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("error-inviteCode")));
            top(browser);
            browser.screenshots("athlete-coaches");
            browser.assertAccessible("athlete coaches");
        }
    }

    /** What a person sees first: the page from its top (a form's answer leaves it scrolled to the form). */
    private static void top(Browser browser) {
        browser.script("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur();");
    }

    /** One second of ffmpeg's test picture, H.264 in MP4, as a phone would record it (only smaller). */
    private static Path video(Path folder) throws IOException, InterruptedException {
        assertThat(FFMPEG).as("ffmpeg (Debian's ffmpeg package) makes the test video").isExecutable();
        Path out = folder.resolve("lift.mp4");
        Process ffmpeg = new ProcessBuilder(FFMPEG.toString(), "-loglevel", "error", "-y", "-f", "lavfi",
                "-i", "testsrc=duration=1:size=160x120:rate=30", "-pix_fmt", "yuv420p", out.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("ffmpeg.log").toFile()).start();
        assertThat(ffmpeg.waitFor(60, TimeUnit.SECONDS)).as("ffmpeg finishes").isTrue();
        assertThat(ffmpeg.exitValue()).as(Files.readString(folder.resolve("ffmpeg.log"))).isZero();
        return out;
    }
}
