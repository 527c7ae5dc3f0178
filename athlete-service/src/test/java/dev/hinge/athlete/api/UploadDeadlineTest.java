package dev.hinge.athlete.api;

import dev.hinge.platform.test.FreshPostgres;
import dev.hinge.platform.test.Videos;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A video arrives slowly from a phone in a gym: an upload may take longer in all than any other request body
 * ({@code hinge.videos.upload-timeout}), while every other body keeps its short deadline. Timeouts are shortened here
 * (3 s in all, 2 s between reads) and both bodies trickle in for about 6 s, a chunk every 600 ms.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hinge.server.request-timeout=3s", "hinge.server.read-timeout=2s", "hinge.videos.upload-timeout=60s",
                "hinge.videos.folder=target/test-data/deadline-test/videos",
                "hinge.videos.uploads=target/test-data/deadline-test/uploads"})
@ContextConfiguration(initializers = FreshPostgres.class)
@AutoConfigureWebTestClient(timeout = "PT30S")
class UploadDeadlineTest {
    private static final String SET = """
            {"exercise":"deadlift","load":{"value":365,"unit":"lb"},"reps":5,"performedAt":"2026-10-01T18:00:00Z"}""";
    private static final int CHUNKS = 10;
    private static final long PAUSE_MS = 600;

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    void aSlowUploadOutlastsTheRequestTimeoutAndIsStored() throws Exception {
        AthleteApi mark = AthleteApi.register(http, "Slow upload");
        String setId = mark.logSet(SET).get("id").asText();
        String boundary = "hinge-boundary-7d3f";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lift.mp4\"\r\n"
                + "Content-Type: video/mp4\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(Videos.bytes(Videos.MP4));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        String head = "POST /api/v1/me/sets/" + setId + "/videos HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + mark.token() + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: "
                + body.size() + "\r\nConnection: close\r\n\r\n";

        long started = System.nanoTime();
        String answer = trickle(head, body.toByteArray());

        assertThat((System.nanoTime() - started) / 1_000_000).as("ms the upload took").isGreaterThan(4_000);
        assertThat(answer).startsWith("HTTP/1.1 201");
        assertThat(jdbc.sql("select count(*) from domain_event_entry where payload_type like '%VideoAttachedEvent'"
                + " and aggregate_identifier = ?").param(mark.id().toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anyOtherBodyStillHasItsShortDeadlineAndNothingIsRecorded() throws Exception {
        AthleteApi mark = AthleteApi.register(http, "Slow set");
        byte[] body = (SET + " ".repeat(200)).getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/v1/me/sets HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + mark.token()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";

        String answer = trickle(head, body);

        assertThat(answer).satisfiesAnyOf(a -> assertThat(a).startsWith("HTTP/1.1 408"), a -> assertThat(a).isEmpty());
        assertThat(jdbc.sql("select count(*) from domain_event_entry where payload_type like '%SetLoggedEvent'"
                + " and aggregate_identifier = ?").param(mark.id().toString()).query(Long.class).single()).isZero();
    }

    /** Sends the head at once and the body in chunks with pauses; returns what the server answered (may be nothing). */
    private String trickle(String head, byte[] body) throws IOException, InterruptedException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            int chunk = (body.length + CHUNKS - 1) / CHUNKS;
            try {
                for (int from = 0; from < body.length; from += chunk) {
                    Thread.sleep(PAUSE_MS);
                    out.write(Arrays.copyOfRange(body, from, Math.min(body.length, from + chunk)));
                    out.flush();
                }
            } catch (SocketException closed) {
                // the server gave up on the body and closed: read what it said before
            }
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (SocketException reset) {
            return "";
        }
    }
}
