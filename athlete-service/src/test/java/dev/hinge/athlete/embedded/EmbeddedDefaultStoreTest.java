package dev.hinge.athlete.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The newcomer's path: with no database configured the service runs on the embedded H2 file store in the data
 * folder (what {@code bin/run} gives). This tests that default itself; every other integration test runs on
 * PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hinge.data-dir=target/embedded-default-store", "server.shutdown=immediate"})
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
    void runsOnAnH2FileInTheDataFolderAndKeepsTheTokenKeyThere() {
        assertThat(url).startsWith("jdbc:h2:file:" + DATA.toAbsolutePath()).contains("AUTO_SERVER=TRUE");

        JsonNode athlete = http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"newcomer@example.com\",\"password\":\"correct horse battery\",\"displayName\":\"Newcomer\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String token = athlete.get("token").asText();
        http.post().uri("/api/v1/me/sets").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"exercise\":\"deadlift\",\"load\":{\"value\":100,\"unit\":\"kg\"},\"reps\":5}")
                .exchange().expectStatus().isCreated();
        await().untilAsserted(() -> http.get().uri("/api/v1/me/timeline").headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(1));

        assertThat(DATA.resolve("hinge.mv.db")).exists();
        assertThat(Files.exists(DATA.resolve("jwt-secret"))).isTrue();
    }
}
