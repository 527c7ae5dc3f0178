package dev.hinge.athlete.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hinge.athlete.AthleteServiceApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A normal stop as {@code bin/run} and the images do it: athlete-service as its own process on the embedded H2 store,
 * with JSON logs ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}), a set being projected and a live stream open, then
 * SIGTERM. It stops within a few seconds, logs no ERROR (H2 used to close the store under the running processors) and
 * no shutdown-phase timeout (the open stream used to hold the web server's graceful shutdown for its whole 10 s), and
 * the stream ends with a {@code reconnect} event.
 */
class QuietStopTest {
    private static final Path DATA = Path.of("target/quiet-stop");
    private static final Duration STOP_BOUND = Duration.ofSeconds(8);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private Process service;

    @AfterEach
    void killLeftovers() {
        if (service != null && service.isAlive()) {
            service.destroyForcibly();
        }
    }

    @Test
    void aNormalStopIsPromptAndLogsNoErrorWithJsonLogs() throws Exception {
        FileSystemUtils.deleteRecursively(DATA);
        Files.createDirectories(DATA);
        Path log = DATA.resolve("athlete-service.log");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                AthleteServiceApplication.class.getName(), "--server.port=0", "--spring.main.banner-mode=off")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("HINGE_DATA_DIR", DATA.toAbsolutePath().toString());
        builder.environment().put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        builder.environment().remove("SPRING_DATASOURCE_URL");
        service = builder.start();

        int port = await().atMost(Duration.ofMinutes(3)).until(() -> startedOn(log), p -> p > 0);
        String base = "http://127.0.0.1:" + port;
        JsonNode athlete = post(base + "/api/v1/auth/register", null,
                "{\"email\":\"stopping@example.com\",\"password\":\"correct horse battery\",\"displayName\":\"Stopping\"}");
        String token = athlete.get("token").asText();
        List<String> stream = new ArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> open = client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/me/timeline/stream"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofLines());
        CompletableFuture<Void> reading = open.thenAccept(response -> response.body().forEach(line -> {
            synchronized (stream) {
                stream.add(line);
            }
        }));
        post(base + "/api/v1/me/sets", token, "{\"exercise\":\"deadlift\",\"load\":{\"value\":100,\"unit\":\"kg\"},\"reps\":5}");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            synchronized (stream) {
                return stream.stream().anyMatch(line -> line.equals("event:set_logged"));
            }
        });

        long stopping = System.nanoTime();
        service.destroy(); // SIGTERM
        assertThat(service.waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s").isTrue();
        Duration took = Duration.ofNanos(System.nanoTime() - stopping);

        List<String> lines = Files.readAllLines(log);
        List<JsonNode> entries = new ArrayList<>();
        for (String line : lines) {
            assertThat(line).as("every line of the log is a JSON object").startsWith("{");
            entries.add(JSON.readTree(line));
        }
        assertThat(entries).as("the log").isNotEmpty();
        assertThat(entries).allSatisfy(entry -> assertThat(entry.has("@timestamp") && entry.at("/log/level").isTextual()).isTrue());
        assertThat(entries.stream().filter(e -> e.at("/log/level").asText().equals("ERROR")).map(JsonNode::toString))
                .as("ERROR lines").isEmpty();
        assertThat(entries.stream().map(e -> e.path("message").asText()).filter(m -> m.contains("Timed out during shutdown phase")
                || m.contains("Failed shutdown of phase"))).as("shutdown phases that timed out").isEmpty();
        assertThat(took).as("the stop").isLessThan(STOP_BOUND);
        assertThat(service.exitValue()).isEqualTo(143);
        reading.get(5, TimeUnit.SECONDS);
        synchronized (stream) {
            assertThat(stream).contains("event:reconnect");
        }
    }

    /** The port from "Netty started on port N", once the application says it has started; else 0. */
    private static int startedOn(Path log) throws IOException {
        if (!Files.exists(log)) {
            return 0;
        }
        List<String> lines = Files.readAllLines(log);
        if (lines.stream().noneMatch(line -> line.contains("Started AthleteServiceApplication"))) {
            return 0;
        }
        return lines.stream().filter(line -> line.contains("Netty started on port"))
                .map(line -> line.replaceAll(".*Netty started on port (\\d+).*", "$1"))
                .mapToInt(Integer::parseInt).findFirst().orElse(0);
    }

    private JsonNode post(String uri, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s: %s", uri, response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }
}
