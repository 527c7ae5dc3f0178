package dev.hinge.coach.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.training.Load;
import dev.hinge.kernel.training.SetId;
import dev.hinge.kernel.training.VideoId;
import dev.hinge.platform.test.FreshPostgres;
import dev.hinge.platform.test.Videos;
import dev.hinge.platform.videos.VideoFormat;
import dev.hinge.platform.videos.VideoKey;
import dev.hinge.platform.videos.VideoStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A coach plays an athlete's uploaded video from coach-service, at the url the review queue gives, only while the
 * athlete grants them access. The athlete's side is played by appending its events and keeping the file in the same
 * store athlete-service would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshPostgres.class)
@AutoConfigureWebTestClient(timeout = "PT30S") // registrations hash passwords: slow on a busy CI machine
class CoachVideoPlaybackTest {
    @Autowired
    WebTestClient http;
    @Autowired
    EventStore eventStore;
    @Autowired
    VideoStore store;

    /** Mark logs a set and uploads its video; returns its id. */
    VideoId markUploads(AthleteSide athletes, AthleteId mark, byte[] video, VideoFormat format) throws IOException {
        SetId set = athletes.logsSet(mark, "deadlift", Load.lb(365), null, Instant.parse("2026-10-01T18:00:00Z"));
        VideoId id = athletes.uploadsVideo(mark, set, "deadlift", Instant.parse("2026-10-01T18:05:00Z"));
        Path upload = Files.write(Files.createTempFile("upload", ".part"), video);
        assertThat(store.keep(new VideoKey(mark, id), format, upload)).isTrue();
        return id;
    }

    WebTestClient.ResponseSpec play(CoachApi coach, String url, String range) {
        return http.get().uri(url).headers(h -> {
            if (coach != null) {
                h.setBearerAuth(coach.token());
            }
            if (range != null) {
                h.set(HttpHeaders.RANGE, range);
            }
        }).exchange();
    }

    @Test
    void aGrantedCoachPlaysTheUploadFromTheReviewQueueAndSeeksInIt() throws IOException {
        AthleteSide athletes = new AthleteSide(eventStore);
        CoachApi dana = CoachApi.register(http, "Dana");
        AthleteId mark = athletes.registers("Mark");
        athletes.grants(mark, dana);
        byte[] mp4 = Videos.bytes(Videos.MP4);
        VideoId video = markUploads(athletes, mark, mp4, VideoFormat.MP4);

        await().untilAsserted(() -> assertThat(dana.reviewQueue("").get("items")).hasSize(1));
        JsonNode queued = dana.reviewQueue("").get("items").get(0);
        assertThat(queued.get("videoId").asText()).isEqualTo(video.toString());
        String url = queued.get("url").asText();
        assertThat(url).isEqualTo("/api/v1/videos/" + video);

        byte[] whole = play(dana, url, null).expectStatus().isOk()
                .expectHeader().contentType("video/mp4")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "private")
                .expectHeader().valueEquals(HttpHeaders.ACCEPT_RANGES, "bytes")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(whole).isEqualTo(mp4);
        byte[] middle = play(dana, url, "bytes=1200-1299").expectStatus().isEqualTo(206)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes 1200-1299/" + mp4.length)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(middle).isEqualTo(Arrays.copyOfRange(mp4, 1200, 1300));
        play(dana, url, "bytes=" + mp4.length + "-").expectStatus().isEqualTo(416)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes */" + mp4.length);
    }

    @Test
    void noOneElseCanPlayIt() throws IOException {
        AthleteSide athletes = new AthleteSide(eventStore);
        CoachApi dana = CoachApi.register(http, "Dana");
        CoachApi stranger = CoachApi.register(http, "Stranger");
        AthleteId mark = athletes.registers("Mark");
        AthleteId other = athletes.registers("Other");
        athletes.grants(mark, dana);
        athletes.grants(other, stranger);
        String url = "/api/v1/videos/" + markUploads(athletes, mark, Videos.bytes(Videos.WEBM), VideoFormat.WEBM);
        await().untilAsserted(() -> play(dana, url, null).expectStatus().isOk().expectHeader().contentType("video/webm"));

        play(stranger, url, null).expectStatus().isNotFound().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        play(stranger, url, "bytes=0-9").expectStatus().isNotFound();
        play(null, url, null).expectStatus().isUnauthorized();
    }

    @Test
    void aCoachWhoseAccessWasRevokedCanNoLongerPlayIt() throws IOException {
        AthleteSide athletes = new AthleteSide(eventStore);
        CoachApi dana = CoachApi.register(http, "Dana");
        AthleteId mark = athletes.registers("Mark");
        athletes.grants(mark, dana);
        String url = "/api/v1/videos/" + markUploads(athletes, mark, Videos.bytes(Videos.MP4), VideoFormat.MP4);
        await().untilAsserted(() -> play(dana, url, null).expectStatus().isOk());

        athletes.revokes(mark, dana);
        await().untilAsserted(() -> play(dana, url, null).expectStatus().isNotFound());
        play(dana, url, "bytes=0-99").expectStatus().isNotFound();
    }

    @Test
    void aLinkedVideoIsNotPlayedHereItIsALink() {
        AthleteSide athletes = new AthleteSide(eventStore);
        CoachApi dana = CoachApi.register(http, "Dana");
        AthleteId mark = athletes.registers("Mark");
        athletes.grants(mark, dana);
        SetId set = athletes.logsSet(mark, "deadlift", Load.lb(365), null, Instant.parse("2026-10-01T18:00:00Z"));
        VideoId linked = athletes.attachesVideo(mark, set, "deadlift", Instant.parse("2026-10-01T18:05:00Z"));

        await().untilAsserted(() -> assertThat(dana.reviewQueue("").get("items")).hasSize(1));
        assertThat(dana.reviewQueue("").get("items").get(0).get("url").asText()).startsWith("https://example.com/");
        play(dana, "/api/v1/videos/" + linked, null).expectStatus().isNotFound();
    }
}
