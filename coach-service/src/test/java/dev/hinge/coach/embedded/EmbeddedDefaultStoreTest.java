package dev.hinge.coach.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newcomer's path for coach-service: with no database configured it migrates and runs on the embedded H2
 * file store (what {@code bin/run} gives). Its schema once used a column name and a partial index H2 refuses; this
 * keeps the default store starting. Every other integration test runs on PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hinge.data-dir=target/embedded-default-store", "server.shutdown=immediate"})
@AutoConfigureWebTestClient(timeout = "PT30S") // the first registration on a cold H2 store, on a busy CI machine
class EmbeddedDefaultStoreTest {
    private static final Path DATA = Path.of("target/embedded-default-store");

    @Autowired
    WebTestClient http;

    @Value("${spring.datasource.url}")
    String url;

    @BeforeAll
    static void startFresh() throws IOException {
        FileSystemUtils.deleteRecursively(DATA);
    }

    @Test
    void migratesAndServesOnTheH2FileInTheDataFolder() {
        assertThat(url).startsWith("jdbc:h2:file:" + DATA.toAbsolutePath());
        JsonNode coach = http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"coach@example.com\",\"password\":\"correct horse battery\",\"displayName\":\"Coach\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String token = coach.get("token").asText();
        http.get().uri("/api/v1/me/athletes").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
        http.get().uri("/api/v1/me/review-queue").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }
}
