package dev.hinge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The HTTP calls the benchmark makes, with the JDK's HttpClient (HTTP/1.1; one connection per concurrent caller,
 * kept alive). Only 127.0.0.1.
 */
public final class HingeClient {
    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String PASSWORD = "benchmark password";

    private final HttpClient http;

    public HingeClient() {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newCachedThreadPool(r -> {
                    Thread thread = new Thread(r, "http-client");
                    thread.setDaemon(true);
                    return thread;
                }))
                .build();
    }

    public HttpClient http() {
        return http;
    }

    public record Account(UUID id, String token) {
    }

    /** An answer: status, body, and the time from sending to having read the whole answer. */
    public record Answer(int status, String body, long nanos) {
        public boolean is(int expected) {
            return status == expected;
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }
    }

    public Account register(int port, String email, String displayName) throws IOException, InterruptedException {
        String body = JSON.createObjectNode().put("email", email).put("password", PASSWORD)
                .put("displayName", displayName).toString();
        Answer answer = post(port, "/api/v1/auth/register", null, body);
        if (!answer.is(201)) {
            throw new IllegalStateException("register " + email + " on :" + port + " answered " + answer.status() + ": " + answer.body());
        }
        JsonNode json = answer.json();
        return new Account(UUID.fromString(json.get("id").asText()), json.get("token").asText());
    }

    public Answer grant(int port, Account athlete, UUID coachId) throws IOException, InterruptedException {
        return post(port, "/api/v1/me/coaches", athlete.token(), "{\"coachId\":\"" + coachId + "\"}");
    }

    /** Logs a set as a lifter would (performedAt omitted: now); the answer's id is the set's id. */
    public Answer logSet(int port, Account athlete) throws IOException, InterruptedException {
        return post(port, "/api/v1/me/sets", athlete.token(), setBody(null));
    }

    /** A typical set, pain-free (so no red flag event), with a performedAt when given. */
    public static String setBody(Instant performedAt) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        double kg = 60 + random.nextInt(0, 241) * 0.5;
        return "{\"exercise\":\"deadlift\",\"load\":{\"value\":" + String.format(Locale.ROOT, "%.1f", kg)
                + ",\"unit\":\"kg\"},\"reps\":" + random.nextInt(1, 9) + ",\"rpe\":8"
                + (performedAt == null ? "" : ",\"performedAt\":\"" + performedAt + "\"")
                + ",\"pain\":{\"score\":0,\"quality\":\"none\"},\"checklist\":[],\"notes\":\"benchmark set\"}";
    }

    public Answer post(int port, String path, String token, String json) throws IOException, InterruptedException {
        return post(port, path, token, json, Map.of());
    }

    /** A POST with extra headers (an {@code Idempotency-Key}, say). */
    public Answer post(int port, String path, String token, String json, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), System.nanoTime() - started);
    }

    Answer get(int port, String path, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(port, path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .GET().build();
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), System.nanoTime() - started);
    }

    /** Opens a Server-Sent Events stream; returns once the answer's headers arrived. The caller closes the body. */
    public HttpResponse<InputStream> openStream(int port, String path, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(port, path))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token)
                .GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
