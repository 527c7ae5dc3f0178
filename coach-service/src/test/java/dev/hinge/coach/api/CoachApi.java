package dev.hinge.coach.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.UUID;

/** A registered coach talking to coach-service over HTTP, as a client would. */
record CoachApi(WebTestClient http, UUID id, String token) {

    static CoachApi register(WebTestClient http, String name) {
        String email = name.toLowerCase().replace(' ', '.') + "+" + UUID.randomUUID() + "@example.com";
        JsonNode body = http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"" + email + "\",\"password\":\"correct horse battery\",\"displayName\":\"" + name + "\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        return new CoachApi(http, UUID.fromString(body.get("id").asText()), body.get("token").asText());
    }

    WebTestClient.ResponseSpec post(String path, String json) {
        return http.post().uri(path).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json).exchange();
    }

    WebTestClient.ResponseSpec post(String path, String json, String idempotencyKey) {
        return http.post().uri(path).headers(h -> h.setBearerAuth(token)).header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    WebTestClient.ResponseSpec get(String path) {
        return http.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }

    WebTestClient.ResponseSpec delete(String path) {
        return http.delete().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }

    JsonNode created(String path, String json) {
        return post(path, json).expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    JsonNode ok(String path) {
        return get(path).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    JsonNode roster() {
        return ok("/api/v1/me/athletes");
    }

    JsonNode reviewQueue(String query) {
        return ok("/api/v1/me/review-queue" + query);
    }

    JsonNode timeline(Object athlete, String query) {
        return ok("/api/v1/athletes/" + athlete + "/timeline" + query);
    }
}
