package dev.hinge.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code bin/run} as a newcomer runs it, on the embedded default store: it refuses a busy port and says how to choose
 * another, says a service is up only once that service's own process answers its health, prints the two page
 * addresses (each answers with its sign-in page), and stops both quietly.
 */
class RunScriptTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path work;

    @Test
    void aBusyPortIsRefusedWithItsNumberAndTheSettingThatChoosesAnother() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Process run = run(taken.getLocalPort(), freePort(taken.getLocalPort()));

            assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(run.exitValue()).isEqualTo(1);
            assertThat(output()).contains("Port " + taken.getLocalPort() + " (for athlete-service) is already in use")
                    .contains("ATHLETE_PORT=<port> bin/run");
        }
    }

    @Test
    void bothServicesAreUpWhenTheirOwnHealthAnswersAndAStopIsQuiet() throws Exception {
        int athlete = freePort(0);
        int coach = freePort(athlete);
        Process run = run(athlete, coach);
        try {
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                    .until(() -> output().contains("Hinge is running") || !run.isAlive());
            assertThat(output()).contains("athlete-service is up on http://localhost:" + athlete)
                    .contains("coach-service is up on http://localhost:" + coach).contains("Hinge is running");
            for (int port : List.of(athlete, coach)) {
                assertThat(health(port)).as("health on " + port).isEqualTo(200);
            }
            // the two page addresses a person opens, each answering with its sign-in page (or a redirect to it)
            assertThat(output()).contains("http://localhost:" + athlete + "/athlete/")
                    .contains("http://localhost:" + coach + "/coach/");
            assertSignInAnswers(athlete, "athlete");
            assertSignInAnswers(coach, "coach");
        } finally {
            run.destroy(); // SIGTERM, as a terminal's Ctrl-C ends up: bin/run stops both services
            assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("bin/run ended after its services").isTrue();
        }
        for (int port : List.of(athlete, coach)) {
            assertThat(listening(port)).as("nothing listens on " + port + " any more").isFalse();
        }
        for (String service : List.of("athlete-service", "coach-service")) {
            assertThat(Files.readAllLines(work.resolve("data").resolve(service + ".log")))
                    .as(service + " logged no ERROR on a normal stop").noneMatch(line -> line.contains(" ERROR "));
        }
    }

    private Process run(int athletePort, int coachPort) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", "bin/run").directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("run.out").toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("ATHLETE_PORT", Integer.toString(athletePort));
        builder.environment().put("COACH_PORT", Integer.toString(coachPort));
        builder.environment().put("HINGE_DATA_DIR", work.resolve("data").toString());
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_DATASOURCE"));
        builder.environment().put("JAVA_OPTS", "-Xmx256m");
        return builder.start();
    }

    private String output() throws IOException {
        Path out = work.resolve("run.out");
        return Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
    }

    /** A person who is not signed in opening {@code /<section>/} lands on the section's sign-in page. */
    private static void assertSignInAnswers(int port, String section) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/" + section + "/"))
                .header("Accept", "text/html").timeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> page = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() / 100 == 3) {
            assertThat(page.headers().firstValue("Location")).as("where /" + section + "/ redirects")
                    .hasValueSatisfying(location -> assertThat(location).contains("/" + section + "/sign-in"));
            request = HttpRequest.newBuilder(URI.create("http://localhost:" + port).resolve(page.headers().firstValue("Location").orElseThrow()))
                    .header("Accept", "text/html").timeout(Duration.ofSeconds(10)).build();
            page = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        }
        assertThat(page.statusCode()).as("the " + section + "'s sign-in page").isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<form").containsIgnoringCase("password");
    }

    private static int health(int port) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** A port nobody listens on, below Linux's ephemeral range (where outgoing connections take theirs). */
    private static int freePort(int notThis) throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            if (port == notThis) {
                continue;
            }
            try (ServerSocket probe = new ServerSocket(port)) {
                return probe.getLocalPort();
            } catch (IOException taken) {
                // another
            }
        }
        throw new IOException("no free port between 20000 and 32000");
    }
}
