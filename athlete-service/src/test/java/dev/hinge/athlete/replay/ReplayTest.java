package dev.hinge.athlete.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hinge.platform.replay.Replays;
import dev.hinge.platform.test.FreshPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Dropping and rebuilding every read model from the event store gives the views the live projections gave. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshPostgres.class)
class ReplayTest {
    @Autowired
    WebTestClient http;
    @Autowired
    Replays replays;
    @Autowired
    JdbcClient jdbc;

    @Test
    void rebuiltViewsEqualTheLiveOnes() {
        JsonNode registered = http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"replay@example.com\",\"password\":\"correct horse battery\",\"displayName\":\"Replay\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String token = registered.get("token").asText();
        for (int day = 1; day <= 6; day++) {
            int pounds = 180 + 10 * day;
            String pain = day == 3 ? "{\"score\":5,\"quality\":\"sharp\",\"location\":\"lower back\"}" : "{\"score\":0,\"quality\":\"none\"}";
            http.post().uri("/api/v1/me/sets").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"exercise\":\"deadlift\",\"load\":{\"value\":" + pounds + ",\"unit\":\"lb\"},\"reps\":5,"
                            + "\"performedAt\":\"2026-10-0" + (7 - day) + "T18:00:00Z\",\"pain\":" + pain + "}")
                    .exchange().expectStatus().isCreated();
        }
        await().untilAsserted(() -> assertThat(timeline(token).get("items")).hasSize(6));
        JsonNode liveTimeline = timeline(token);
        JsonNode liveProgress = progress(token);

        // a row no event made: a rebuild drops it, so this test fails if the replay does nothing
        java.util.UUID athlete = java.util.UUID.fromString(registered.get("id").asText());
        jdbc.sql("insert into athlete_timeline_item (athlete_id, item_id, at, position, type, item) values (?, ?, now(), -1, 'set_logged', '{}')")
                .params(athlete, java.util.UUID.randomUUID()).update();

        replays.replay(List.of("athlete.read-models"));

        assertThat(timeline(token)).isEqualTo(liveTimeline);
        assertThat(progress(token)).isEqualTo(liveProgress);
        assertThat(jdbc.sql("select count(*) from athlete_timeline_item where athlete_id = ?")
                .params(athlete).query(Long.class).single()).isEqualTo(6);
    }

    private JsonNode timeline(String token) {
        return http.get().uri("/api/v1/me/timeline").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private JsonNode progress(String token) {
        return http.get().uri("/api/v1/me/progress?exercise=deadlift&asOf=2026-11-01T00:00:00Z")
                .headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
