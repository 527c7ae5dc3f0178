package dev.hinge.athlete.processing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hinge.platform.test.FreshPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.UUID;

/**
 * Two writers of one aggregate: another instance appended the athlete's next event behind this instance's aggregate
 * cache. The loser's append hits the (aggregate, sequence) unique constraint and answers 409, never 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshPostgres.class)
class ConcurrentAppendTest {
    private static final String SET = """
            {"exercise":"deadlift","load":{"value":315,"unit":"lb"},"reps":5,"performedAt":"2026-10-01T18:00:00Z"}""";

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anAppendThatLosesTheRaceForAnAggregateIsAConflict() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        JsonNode registered = http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"race+" + UUID.randomUUID() + "@example.com\",\"password\":\"correct horse battery\",\"displayName\":\"Race\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String athlete = registered.get("id").asText();
        String token = registered.get("token").asText();
        logSet(token).expectStatus().isCreated();

        // the other writer: the athlete's next event, appended without this instance knowing
        jdbc.sql("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                                payload_type, payload_revision, payload, meta_data)
                select ?, aggregate_identifier, sequence_number + 1, type, time_stamp, payload_type, payload_revision,
                       payload, meta_data
                from domain_event_entry where aggregate_identifier = ? order by sequence_number desc limit 1""")
                .params(UUID.randomUUID().toString(), athlete).update();

        logSet(token).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:hinge:problem:concurrent-change");
    }

    private WebTestClient.ResponseSpec logSet(String token) {
        return http.post().uri("/api/v1/me/sets").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(SET).exchange();
    }
}
