package dev.hinge.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.UUID;

/** Someone registered with one of the services, calling it over HTTP with their token. */
record Person(WebTestClient http, UUID id, String token) {

    static Person register(WebTestClient http, String name) {
        return register(http, name, name.toLowerCase().replace(' ', '.') + "+" + UUID.randomUUID() + "@example.com");
    }

    static Person register(WebTestClient http, String name, String email) {
        JsonNode body = http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"" + email + "\",\"password\":\"correct horse battery\",\"displayName\":\"" + name + "\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        return new Person(http, UUID.fromString(body.get("id").asText()), body.get("token").asText());
    }

    WebTestClient.ResponseSpec post(String path, String json) {
        return http.post().uri(path).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json).exchange();
    }

    JsonNode created(String path, String json) {
        return post(path, json).expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    WebTestClient.ResponseSpec get(String path) {
        return http.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }

    JsonNode ok(String path) {
        return get(path).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    WebTestClient.ResponseSpec delete(String path) {
        return http.delete().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }

    /** As another service sees this person's token (an athlete calling coach-service, say). */
    Person on(WebTestClient other) {
        return new Person(other, id, token);
    }
}
