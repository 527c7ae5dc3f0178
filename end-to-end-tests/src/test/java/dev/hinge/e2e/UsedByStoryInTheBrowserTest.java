package dev.hinge.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hinge.e2e.pages.AthleteCoachesPage;
import dev.hinge.e2e.pages.AthleteHomePage;
import dev.hinge.e2e.pages.Chromium;
import dev.hinge.e2e.pages.CoachAthletePage;
import dev.hinge.e2e.pages.CoachInvitePage;
import dev.hinge.e2e.pages.ProgressPage;
import dev.hinge.e2e.pages.ReviewPage;
import dev.hinge.e2e.pages.ReviewQueuePage;
import dev.hinge.e2e.pages.RosterPage;
import dev.hinge.e2e.pages.SignUpPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.File;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The whole used-by story in two headless chromium browsers, against both services on real PostgreSQL: an athlete
 * signs up, gives a coach access with the coach's invite code, logs a painful set with a real uploaded video; the
 * coach finds it, plays it, seeks, steps a frame, marks a fault at a fractional second, assigns a suggested cue and
 * deloads to 50%; the athlete's open page shows the cue and the deload without a reload; the Mark case's chart is
 * drawn with its points and lines for both; a second coach cannot open the video. Every main page is checked with
 * axe-core (no serious or critical violation) and saved as PNG at 1280 and 375 px under target/screenshots/.
 * <p>
 * The selectors and routes live in the page objects of {@code dev.hinge.e2e.pages}, one per page.
 */
class UsedByStoryInTheBrowserTest {
    private static final Logger log = LoggerFactory.getLogger(UsedByStoryInTheBrowserTest.class);
    private static final String PASSWORD = "correct horse battery staple";

    static TwoServices services;

    @TempDir
    Path work;

    private final List<String> pageProblems = new ArrayList<>();

    @BeforeAll
    static void start() {
        services = TwoServices.get();
    }

    @Test
    void anAthleteAndACoachDoTheWholeStoryInTheirBrowsers() throws Exception {
        File video = testVideo(work);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String athleteName = "Mark " + unique;
        String coachName = "Coach " + unique;

        try (Chromium coach = Chromium.start(base(services.coachService));
             Chromium athlete = Chromium.start(base(services.athleteService))) {

            // The coach signs up and reads the invite code to hand out.
            SignUpPage coachSignUp = SignUpPage.open(coach, "coach");
            checkPage(coach, "coach-sign-up");
            coachSignUp.signUp(coachName, "coach+" + unique + "@example.com", PASSWORD);
            String inviteCode = CoachInvitePage.open(coach).code();
            checkPage(coach, "coach-invite");
            Person coachPerson = personOf(services.coachHttp(), coach);

            // The athlete signs up and gives the coach access with the code.
            SignUpPage athleteSignUp = SignUpPage.open(athlete, "athlete");
            checkPage(athlete, "athlete-sign-up");
            athleteSignUp.signUp(athleteName, "mark+" + unique + "@example.com", PASSWORD);
            Person athletePerson = personOf(services.athleteHttp(), athlete);
            AthleteCoachesPage coaches = AthleteCoachesPage.open(athlete);
            coaches.grantByInviteCode(inviteCode, coachName);
            assertThat(coaches.coaches()).contains(coachName);
            checkPage(athlete, "athlete-coaches");

            // The athlete logs a painful set with its video, uploaded from the page.
            AthleteHomePage home = AthleteHomePage.open(athlete);
            String logged = home.logSet(new AthleteHomePage.PainfulSet("deadlift", "365", "lb", "5", "9", "6", "sharp",
                    "lower back", List.of("grip", "core_braced"), "felt it at the top", video));
            assertThat(logged).contains("365");
            athlete.waitUntil(Duration.ofSeconds(30), d -> home.itemClasses().stream()
                    .anyMatch(c -> c.contains("video_attached")) ? Boolean.TRUE : null);
            JsonNode attached = await().atMost(Duration.ofSeconds(30)).until(
                    () -> item(athletePerson.ok("/api/v1/me/timeline?limit=50"), "video_attached"), item -> item != null);
            String videoId = attached.at("/data/id").asText();
            assertThat(attached.at("/data/url").asText()).isEqualTo("/api/v1/videos/" + videoId);

            // The coach finds the athlete on the roster and the video in the review queue.
            RosterPage.openListing(coach, athleteName);
            checkPage(coach, "coach-roster");
            ReviewQueuePage queue = ReviewQueuePage.openListing(coach, athleteName);
            checkPage(coach, "coach-review-queue");

            // The review: play, slow motion, seek, a frame on, mark the fault there, assign a suggested cue.
            ReviewPage review = queue.review(athleteName);
            String source = URI.create(review.videoSource()).getPath(); // the player's file, in the page session
            assertThat(review.duration()).isCloseTo(2.0, within(0.1));
            review.playAWhile();
            review.slowMotion("0.25");
            assertThat(review.playbackRate()).isEqualTo(0.25);
            review.seekTo(1.5);
            review.nextFrame();
            double frame = review.currentTime();
            assertThat(frame).as("one frame (1/30 s) after 1.5 s").isCloseTo(1.5 + 1.0 / 30, within(0.02));
            String at = review.markFault("hips_rise_too_fast");
            BigDecimal atSecond = new BigDecimal(at);
            assertThat(atSecond.scale()).as("seconds to the millisecond: " + at).isEqualTo(3);
            assertThat(atSecond.remainder(BigDecimal.ONE).signum()).as("a fractional second: " + at).isPositive();
            assertThat(atSecond.doubleValue()).isCloseTo(frame, within(0.002));
            assertThat(review.markerTimes()).contains(at);
            assertThat(review.faultLines()).anyMatch(line -> line.contains(at));
            // recorded to the millisecond, as both APIs answer it
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode reviewed = item(coachPerson.ok("/api/v1/athletes/" + athletePerson.id() + "/timeline?limit=50"), "video_reviewed");
                assertThat(reviewed).isNotNull();
                assertThat(reviewed.at("/data/faults/0/fault").asText()).isEqualTo("hips_rise_too_fast");
                assertThat(reviewed.at("/data/faults/0/atSecond").decimalValue()).isEqualByComparingTo(atSecond);
            });
            List<String> suggested = review.suggestedCues();
            assertThat(suggested).isNotEmpty();
            String cue = between(suggested.get(0), '“', '”');
            athlete.script("window.hingeStillTheSamePage = 'yes'"); // gone if the athlete's page were loaded again
            assertThat(review.assignSuggested(cue)).contains(cue);
            checkPage(coach, "coach-review");

            // The deload to 50%: 182.5 lb exactly, 180 lb rounded, shown before confirming.
            CoachAthletePage athletePage = CoachAthletePage.open(coach, athletePerson.id());
            String preview = athletePage.previewDeload("deadlift", "50");
            assertThat(preview).contains("182.5").contains("180");
            checkPage(coach, "coach-athlete");
            athletePage.confirmDeload();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(item(
                    coachPerson.ok("/api/v1/athletes/" + athletePerson.id() + "/timeline?limit=50"), "deload_prescribed")).isNotNull());

            // The athlete's page, open all along, shows the cue and the deload without a reload.
            athlete.waitUntil(Duration.ofSeconds(30), d -> home.cues().contains(cue)
                    && home.deloads().stream().anyMatch(text -> text.contains("180")) ? Boolean.TRUE : null);
            assertThat(athlete.script("return window.hingeStillTheSamePage")).isEqualTo("yes");
            assertThat(athlete.path()).isEqualTo(AthleteHomePage.PATH);
            checkPage(athlete, "athlete-home");
            athlete.open("/athlete/timeline");
            checkPage(athlete, "athlete-timeline");

            // A second coach, never granted, cannot open the video: not by the API, not by the review page's source.
            Person stranger = Person.register(services.coachHttp(), "Second Coach");
            stranger.get("/api/v1/videos/" + videoId).expectStatus().isNotFound();
            for (String path : List.of(source, "/coach/videos/" + videoId)) {
                services.coachHttp().get().uri(path).cookie("hinge_session", stranger.token())
                        .exchange().expectStatus().isNotFound();
            }
            // while the granted coach's session plays it, by ranges
            services.coachHttp().get().uri(source).cookie("hinge_session", coachPerson.token())
                    .header("Range", "bytes=0-99").exchange().expectStatus().isEqualTo(206);

            // The Mark case, entered after the fact, drawn for the coach and for the athlete.
            Person mark = Person.register(services.athleteHttp(), "Mark Case " + unique);
            MarkCaseTest.enter(mark, coachPerson);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    coachPerson.ok("/api/v1/athletes/" + mark.id() + "/progress?exercise=deadlift").at("/bestPainFreeLoad").decimalValue())
                    .isEqualByComparingTo("295"));
            assertMarkChart(ProgressPage.coachs(coach, mark.id(), "deadlift"));
            checkPage(coach, "coach-progress");
            athlete.signInWith("athlete", mark.token());
            assertMarkChart(ProgressPage.athletes(athlete, "deadlift"));
            checkPage(athlete, "athlete-progress");
        }
        assertThat(pageProblems).as("accessibility of the main pages").isEmpty();
    }

    /** The Mark case's chart: 8 sets (the painful 365 and the climb 185..295), both lines, the markers, the best. */
    private static void assertMarkChart(ProgressPage page) {
        JsonNode chart = page.data();
        log.info("The Mark case's chart data: {}", chart);
        assertThat(chart.at("/exercise").asText()).isEqualTo("deadlift");
        assertThat(chart.at("/unit").asText()).isEqualTo("lb");
        List<JsonNode> points = list(chart.at("/points"));
        assertThat(points).hasSize(8);
        assertThat(points.get(0).at("/load").decimalValue()).isEqualByComparingTo("365");
        assertThat(points.get(0).at("/pain").asInt()).isEqualTo(6);
        assertThat(points.stream().skip(1).map(p -> p.at("/load").decimalValue().intValue()).toList())
                .containsExactly(185, 205, 225, 245, 265, 285, 295);
        assertThat(points.stream().skip(1).map(p -> p.at("/pain").asInt())).containsOnly(0);
        assertThat(chart.at("/referenceMax").decimalValue()).isEqualByComparingTo("365");
        assertThat(chart.at("/deloadLevel").decimalValue()).isEqualByComparingTo("180");
        List<JsonNode> markers = list(chart.at("/markers"));
        assertThat(markers.stream().filter(m -> m.at("/kind").asText().equals("deload")).count()).isEqualTo(1);
        assertThat(markers.stream().filter(m -> !m.at("/kind").asText().equals("deload")).count()).isEqualTo(3);
        List<JsonNode> best = list(chart.at("/painFreeBest"));
        assertThat(best).isNotEmpty();
        assertThat(best.get(best.size() - 1).at("/load").decimalValue()).isEqualByComparingTo("295");
        // and drawn: ECharts holds the sets' points and the stepped best line, and the page has the table for readers
        List<Map<String, Object>> series = page.drawnSeries();
        log.info("The Mark case's chart as drawn: {}", series);
        assertThat(series).anyMatch(s -> ((Number) s.get("count")).intValue() == 8);
        assertThat(series).anyMatch(s -> s.get("step") != null);
        assertThat(page.tableRows()).isEqualTo(8);
    }

    /** Saves the page's screenshots at 1280 and 375 px, then runs axe-core; a violation is kept for the end. */
    private void checkPage(Chromium browser, String name) {
        browser.screenshots(name);
        try {
            browser.assertAccessible(name);
        } catch (AssertionError violation) {
            pageProblems.add(violation.getMessage());
        }
    }

    /** A 2-second 160x120 H.264 test picture at 30 frames a second, made by Debian's ffmpeg. */
    static File testVideo(Path dir) throws Exception {
        Path ffmpeg = Path.of("/usr/bin/ffmpeg");
        assertThat(ffmpeg).as("ffmpeg (apt-get install ffmpeg; .ci/run does)").isExecutable();
        Path out = dir.resolve("lift.mp4");
        Process process = new ProcessBuilder(ffmpeg.toString(), "-v", "error", "-nostdin", "-f", "lavfi",
                "-i", "testsrc=duration=2:size=160x120:rate=30", "-pix_fmt", "yuv420p", out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("ffmpeg.log").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ffmpeg finished").isTrue();
        assertThat(process.exitValue()).as(Files.readString(dir.resolve("ffmpeg.log"))).isZero();
        assertThat(Files.size(out)).isBetween(1_000L, 500_000L);
        return out.toFile();
    }

    /** The person a browser is signed in as: the page session holds the same JWT the API takes. */
    private static Person personOf(org.springframework.test.web.reactive.server.WebTestClient http, Chromium browser) throws Exception {
        String token = browser.sessionToken();
        assertThat(token).as("the hinge_session cookie").isNotNull();
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return new Person(http, UUID.fromString(new ObjectMapper().readTree(payload).get("sub").asText()), token);
    }

    private static String base(ConfigurableApplicationContext service) {
        return "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
    }

    private static JsonNode item(JsonNode timeline, String type) {
        return StreamSupport.stream(timeline.get("items").spliterator(), false)
                .filter(i -> i.get("type").asText().equals(type)).findFirst().orElse(null);
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static String between(String text, char open, char close) {
        int start = text.indexOf(open);
        int end = text.indexOf(close, start + 1);
        return start >= 0 && end > start ? text.substring(start + 1, end) : text;
    }
}
