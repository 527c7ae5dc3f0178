package dev.hinge.athlete.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.UUID;

/** A registered athlete talking to athlete-service over HTTP, as a client would. */
record AthleteApi(WebTestClient http, UUID id, String token) {

    static AthleteApi register(WebTestClient http, String name) {
        String email = name.toLowerCase().replace(' ', '.') + "+" + UUID.randomUUID() + "@example.com";
        JsonNode body = http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"" + email + "\",\"password\":\"correct horse battery\",\"displayName\":\"" + name + "\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        return new AthleteApi(http, UUID.fromString(body.get("id").asText()), body.get("token").asText());
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

    JsonNode logSet(String json) {
        return post("/api/v1/me/sets", json).expectStatus().isCreated().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
    }

    JsonNode timeline(String query) {
        return get("/api/v1/me/timeline" + query).expectStatus().isOk().expectBody(JsonNode.class)
                .returnResult().getResponseBody();
    }
}
