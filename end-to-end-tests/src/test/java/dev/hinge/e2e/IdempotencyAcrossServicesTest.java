package dev.hinge.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An {@code Idempotency-Key} belongs to one service: the same key and body on the other service is a new request. */
class IdempotencyAcrossServicesTest {
    static WebTestClient athletes;
    static WebTestClient coaches;

    @BeforeAll
    static void start() {
        TwoServices services = TwoServices.get();
        athletes = services.athleteHttp();
        coaches = services.coachHttp();
    }

    static JsonNode register(WebTestClient service, String body, String key) {
        return service.post().uri("/api/v1/auth/register").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void theSameKeyAndBodyOnCoachServiceRegistersACoachNotTheAthletesAnswer() {
        String body = "{\"email\":\"both.sides+" + UUID.randomUUID() + "@example.com\",\"password\":\"correct horse battery\","
                + "\"displayName\":\"Both Sides\"}";
        String key = UUID.randomUUID().toString();

        JsonNode athlete = register(athletes, body, key);
        JsonNode coach = register(coaches, body, key);

        assertThat(athlete.get("role").asText()).isEqualTo("athlete");
        assertThat(coach.get("role").asText()).isEqualTo("coach");
        assertThat(coach.get("id")).isNotEqualTo(athlete.get("id"));
        coaches.get().uri("/api/v1/me").headers(h -> h.setBearerAuth(coach.get("token").asText())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.role").isEqualTo("coach");
        assertThat(register(coaches, body, key).get("id")).isEqualTo(coach.get("id"));
        assertThat(register(athletes, body, key).get("id")).isEqualTo(athlete.get("id"));
    }
}
