package dev.hinge.athlete.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.training.VideoId;
import dev.hinge.platform.test.FreshPostgres;
import dev.hinge.platform.test.Videos;
import dev.hinge.platform.videos.VideoKey;
import dev.hinge.platform.videos.VideoProperties;
import dev.hinge.platform.videos.VideoStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Uploading a real video to a set, and playing it back with ranges, over real HTTP with real tokens and PostgreSQL.
 * The size limit is set to 64 KB here so that "too large" needs no large body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hinge.videos.max-size=64KB",
                "hinge.videos.folder=target/test-data/upload-test/videos",
                "hinge.videos.uploads=target/test-data/upload-test/uploads"})
@ContextConfiguration(initializers = FreshPostgres.class)
@AutoConfigureWebTestClient(timeout = "PT30S") // registrations hash passwords: slow on a busy CI machine
class VideoUploadTest {
    private static final String SET = """
            {"exercise":"deadlift","load":{"value":365,"unit":"lb"},"reps":5,"performedAt":"2026-10-01T18:00:00Z"}""";

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    VideoStore store;
    @Autowired
    VideoProperties properties;
    @LocalServerPort
    int port;

    long videoEvents() {
        return jdbc.sql("select count(*) from domain_event_entry where payload_type like '%VideoAttachedEvent'")
                .query(Long.class).single();
    }

    static MultipartBodyBuilder file(byte[] bytes, String filename, MediaType declared) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return filename;
            }
        }).contentType(declared);
        return body;
    }

    WebTestClient.ResponseSpec upload(AthleteApi athlete, String setId, MultipartBodyBuilder body) {
        return http.post().uri("/api/v1/me/sets/" + setId + "/videos").headers(h -> h.setBearerAuth(athlete.token()))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build())).exchange();
    }

    JsonNode uploaded(AthleteApi athlete, String setId, MultipartBodyBuilder body) {
        return upload(athlete, setId, body).expectStatus().isCreated().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
    }

    String setOf(AthleteApi athlete) {
        return athlete.logSet(SET).get("id").asText();
    }

    WebTestClient.ResponseSpec play(String token, String url, String range) {
        return http.get().uri(url).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token);
            }
            if (range != null) {
                h.set(HttpHeaders.RANGE, range);
            }
        }).exchange();
    }

    byte[] bytes(WebTestClient.ResponseSpec response) {
        byte[] body = response.expectBody(byte[].class).returnResult().getResponseBody();
        return body == null ? new byte[0] : body;
    }

    long filesUnder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void anUploadedMp4IsRecordedWithThePlatformsUrlAndPlaysBackWhole() {
        AthleteApi mark = AthleteApi.register(http, "Mark");
        String set = setOf(mark);
        byte[] mp4 = Videos.bytes(Videos.MP4);
        MultipartBodyBuilder body = file(mp4, "IMG_0001.MOV", MediaType.APPLICATION_OCTET_STREAM);
        body.part("note", "side view");
        body.part("at", "2026-10-01T18:05:00Z");

        JsonNode video = uploaded(mark, set, body);
        String id = video.get("id").asText();
        assertThat(video.get("setId").asText()).isEqualTo(set);
        assertThat(video.get("url").asText()).isEqualTo("/api/v1/videos/" + id);
        assertThat(video.get("note").asText()).isEqualTo("side view");

        EntityExchangeResult<byte[]> played = play(mark.token(), video.get("url").asText(), null)
                .expectStatus().isOk()
                .expectHeader().contentType("video/mp4")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "private")
                .expectHeader().valueEquals(HttpHeaders.ACCEPT_RANGES, "bytes")
                .expectHeader().contentLength(mp4.length)
                .expectBody(byte[].class).returnResult();
        assertThat(played.getResponseBody()).isEqualTo(mp4);

        await().untilAsserted(() -> assertThat(mark.timeline("?limit=10").get("items")).hasSize(2));
        JsonNode item = mark.timeline("?limit=10").get("items").get(1);
        assertThat(item.get("type").asText()).isEqualTo("video_attached");
        assertThat(item.get("data").get("url").asText()).isEqualTo("/api/v1/videos/" + id);
        assertThat(item.get("at").asText()).isEqualTo("2026-10-01T18:05:00Z");
    }

    @Test
    void aWebmIsPlayedAsWebmWhateverTypeAndNameItWasSentWith() {
        AthleteApi mark = AthleteApi.register(http, "Mark");
        JsonNode video = uploaded(mark, setOf(mark), file(Videos.bytes(Videos.WEBM), "lift.mp4", MediaType.valueOf("video/mp4")));
        play(mark.token(), video.get("url").asText(), null).expectStatus().isOk().expectHeader().contentType("video/webm");
    }

    @Test
    void rangesLetAPlayerSeek() {
        AthleteApi mark = AthleteApi.register(http, "Mark");
        byte[] mp4 = Videos.bytes(Videos.MP4);
        String url = uploaded(mark, setOf(mark), file(mp4, "lift.mp4", MediaType.valueOf("video/mp4"))).get("url").asText();
        int n = mp4.length;

        assertThat(bytes(play(mark.token(), url, "bytes=0-99").expectStatus().isEqualTo(206)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes 0-99/" + n)
                .expectHeader().contentLength(100)
                .expectHeader().contentType("video/mp4")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "private")))
                .isEqualTo(Arrays.copyOfRange(mp4, 0, 100));
        assertThat(bytes(play(mark.token(), url, "bytes=1000-1499").expectStatus().isEqualTo(206)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes 1000-1499/" + n)))
                .isEqualTo(Arrays.copyOfRange(mp4, 1000, 1500));
        assertThat(bytes(play(mark.token(), url, "bytes=-300").expectStatus().isEqualTo(206)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes " + (n - 300) + "-" + (n - 1) + "/" + n)))
                .isEqualTo(Arrays.copyOfRange(mp4, n - 300, n));
        assertThat(bytes(play(mark.token(), url, "bytes=2000-").expectStatus().isEqualTo(206)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes 2000-" + (n - 1) + "/" + n)))
                .isEqualTo(Arrays.copyOfRange(mp4, 2000, n));
        // a range past the end is cut at the end
        assertThat(bytes(play(mark.token(), url, "bytes=" + (n - 10) + "-" + (n + 5000)).expectStatus().isEqualTo(206)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes " + (n - 10) + "-" + (n - 1) + "/" + n)))
                .isEqualTo(Arrays.copyOfRange(mp4, n - 10, n));

        for (String unsatisfiable : new String[]{"bytes=" + n + "-", "bytes=" + (n + 100) + "-" + (n + 200), "bytes=-0",
                "bytes=500-100", "bytes=abc", "lines=1-2"}) {
            play(mark.token(), url, unsatisfiable).expectStatus().isEqualTo(416)
                    .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes */" + n)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }

        http.head().uri(url).headers(h -> {
            h.setBearerAuth(mark.token());
            h.set(HttpHeaders.RANGE, "bytes=0-9");
        }).exchange().expectStatus().isEqualTo(206)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes 0-9/" + n)
                .expectHeader().contentType("video/mp4");
    }

    @Test
    void textRenamedMp4IsRefusedNamingTheFileAndNothingIsKeptOrRecorded() throws IOException {
        AthleteApi mark = AthleteApi.register(http, "Mark");
        String set = setOf(mark);
        long events = videoEvents();
        long kept = filesUnder(properties.folder());
        byte[] text = "Squat day. Felt good, no pain. This is a text file, not a video.\n".repeat(20)
                .getBytes(StandardCharsets.UTF_8);

        upload(mark, set, file(text, "lift.mp4", MediaType.valueOf("video/mp4")))
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("file");
        // shorter than the bytes a format is recognised by
        upload(mark, set, file("hi".getBytes(StandardCharsets.UTF_8), "lift.mp4", MediaType.valueOf("video/mp4")))
                .expectStatus().isEqualTo(415).expectBody().jsonPath("$.errors[0].field").isEqualTo("file");

        assertThat(videoEvents()).isEqualTo(events);
        assertThat(filesUnder(properties.folder())).isEqualTo(kept);
        assertThat(filesUnder(properties.uploads())).isZero();
    }

    @Test
    void aFileOverTheLimitIsRefusedWith413WhileItArrivesAndNothingIsKept() throws IOException {
        AthleteApi mark = AthleteApi.register(http, "Mark");
        String set = setOf(mark);
        long events = videoEvents();
        long kept = filesUnder(properties.folder());
        byte[] big = Arrays.copyOf(Videos.bytes(Videos.MP4), 200 * 1024); // a real mp4's start, 200 KB > 64 KB

        upload(mark, set, file(big, "long.mp4", MediaType.valueOf("video/mp4")))
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("file")
                .jsonPath("$.errors[0].message").isEqualTo("must be at most 65536B");

        assertThat(videoEvents()).isEqualTo(events);
        assertThat(filesUnder(properties.folder())).isEqualTo(kept);
        assertThat(filesUnder(properties.uploads())).isZero();
    }

    @Test
    void aBodyDeclaredFarOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        AthleteApi mark = AthleteApi.register(http, "Mark");
        String set = setOf(mark);
        String boundary = "hinge-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.mp4\"\r\n"
                + "Content-Type: video/mp4\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(Arrays.copyOf(Videos.bytes(Videos.MP4), 2 * 1024 * 1024));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/me/sets/" + set + "/videos"))
                .header("Authorization", "Bearer " + mark.token())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(java.time.Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"field\":\"file\"");
        assertThat(filesUnder(properties.uploads())).isZero();
    }

    @Test
    void aRequestWithoutAFileOrWithPartsOfItsOwnNamesThem() {
        AthleteApi mark = AthleteApi.register(http, "Mark");
        String set = setOf(mark);
        MultipartBodyBuilder noFile = new MultipartBodyBuilder();
        noFile.part("note", "forgot the video");
        upload(mark, set, noFile).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("file");

        MultipartBodyBuilder extra = file(Videos.bytes(Videos.MP4), "lift.mp4", MediaType.valueOf("video/mp4"));
        extra.part("coachId", UUID.randomUUID().toString());
        upload(mark, set, extra).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("coachId");

        MultipartBodyBuilder badTime = file(Videos.bytes(Videos.MP4), "lift.mp4", MediaType.valueOf("video/mp4"));
        badTime.part("at", "yesterday");
        upload(mark, set, badTime).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("at");

        upload(mark, "not-a-uuid", file(Videos.bytes(Videos.MP4), "lift.mp4", MediaType.valueOf("video/mp4")))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("setId");
    }

    /** Malformed multipart the way a hand-rolled client sends it: a 400 naming what is wrong, never a 500. */
    @Test
    void aPartWithoutANameIsA400() {
        AthleteApi mark = AthleteApi.register(http, "Mark");
        String set = setOf(mark);
        String boundary = "hinge-test-boundary";
        String nameless = "--" + boundary + "\r\nContent-Disposition: form-data\r\n\r\nside view\r\n--" + boundary + "--\r\n";
        raw(mark, set, boundary, nameless).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("file");
    }

    private WebTestClient.ResponseSpec raw(AthleteApi athlete, String setId, String boundary, String body) {
        return http.post().uri("/api/v1/me/sets/" + setId + "/videos").headers(h -> h.setBearerAuth(athlete.token()))
                .contentType(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary))
                .bodyValue(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).exchange();
    }

    @Test
    void anUploadToASetNotInTheLogIsNotFoundAndLeavesNoFile() throws IOException {
        AthleteApi mark = AthleteApi.register(http, "Mark");
        long kept = filesUnder(properties.folder());
        long events = videoEvents();
        upload(mark, UUID.randomUUID().toString(), file(Videos.bytes(Videos.MP4), "lift.mp4", MediaType.valueOf("video/mp4")))
                .expectStatus().isNotFound();
        assertThat(videoEvents()).isEqualTo(events);
        assertThat(filesUnder(properties.folder())).isEqualTo(kept);
        assertThat(filesUnder(properties.uploads())).isZero();
    }

    @Test
    void aRepeatedIdempotencyKeyAnswersTheFirstUploadAndKeepsOneVideo() throws IOException {
        AthleteApi mark = AthleteApi.register(http, "Mark");
        String set = setOf(mark);
        long events = videoEvents();
        long kept = filesUnder(properties.folder());
        String key = UUID.randomUUID().toString();
        JsonNode first = http.post().uri("/api/v1/me/sets/" + set + "/videos").headers(h -> h.setBearerAuth(mark.token()))
                .header("Idempotency-Key", key).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(file(Videos.bytes(Videos.MP4), "a.mp4", MediaType.valueOf("video/mp4")).build()))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode again = http.post().uri("/api/v1/me/sets/" + set + "/videos").headers(h -> h.setBearerAuth(mark.token()))
                .header("Idempotency-Key", key).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(file(Videos.bytes(Videos.MP4), "a.mp4", MediaType.valueOf("video/mp4")).build()))
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(again).isEqualTo(first);
        http.post().uri("/api/v1/me/sets/" + set + "/videos").headers(h -> h.setBearerAuth(mark.token()))
                .header("Idempotency-Key", key).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(file(Videos.bytes(Videos.WEBM), "a.mp4", MediaType.valueOf("video/mp4")).build()))
                .exchange().expectStatus().isEqualTo(422);

        assertThat(videoEvents()).isEqualTo(events + 1);
        assertThat(filesUnder(properties.folder())).isEqualTo(kept + 1);
        assertThat(filesUnder(properties.uploads())).isZero();
    }

    @Test
    void onlyTheAthleteThemselvesCanPlayTheirVideo() {
        AthleteApi mark = AthleteApi.register(http, "Mark");
        AthleteApi other = AthleteApi.register(http, "Other");
        String url = uploaded(mark, setOf(mark), file(Videos.bytes(Videos.MP4), "lift.mp4", MediaType.valueOf("video/mp4")))
                .get("url").asText();

        play(other.token(), url, null).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        play(other.token(), url, "bytes=0-9").expectStatus().isNotFound();
        play(null, url, null).expectStatus().isUnauthorized();
        play(mark.token(), "/api/v1/videos/" + UUID.randomUUID(), null).expectStatus().isNotFound();
        play(mark.token(), "/api/v1/videos/not-a-uuid", null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("videoId");
    }

    @Test
    void aLinkedVideoStaysALink() {
        AthleteApi mark = AthleteApi.register(http, "Mark");
        JsonNode video = mark.post("/api/v1/me/sets/" + setOf(mark) + "/videos", "{\"url\":\"https://youtu.be/abc123\"}")
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(video.get("url").asText()).isEqualTo("https://youtu.be/abc123");
        play(mark.token(), "/api/v1/videos/" + video.get("id").asText(), null).expectStatus().isNotFound();
        assertThat(store.find(new VideoKey(new AthleteId(mark.id()), new VideoId(UUID.fromString(video.get("id").asText())))))
                .isEmpty();
    }
}
