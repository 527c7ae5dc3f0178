package dev.hinge.athlete.api;

import dev.hinge.platform.test.FreshPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * The database goes away under a running service: its database stops accepting connections and every open one is
 * terminated (the shared PostgreSQL server itself keeps running). Requests then answer 503 problem+json with
 * Retry-After, never 500, whether the failure shows in a controller or in the security filter that reads the
 * account; once the database is back, requests succeed again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.hikari.connection-timeout=1000"})
@ContextConfiguration(initializers = FreshPostgres.class)
@DirtiesContext
class DatabaseOutageTest {
    @Autowired
    WebTestClient http;
    @Value("${spring.datasource.url}")
    String url;
    @Value("${spring.datasource.username}")
    String username;
    @Value("${spring.datasource.password}")
    String password;

    String database() {
        String path = url.substring(url.indexOf('/', "jdbc:postgresql://".length()) + 1);
        return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    }

    /** The same server's maintenance database: still reachable while ours is blocked. */
    Connection admin() throws SQLException {
        return DriverManager.getConnection(url.replace("/" + database(), "/postgres"), username, password);
    }

    void block() throws SQLException {
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            statement.execute("alter database " + database() + " with allow_connections false");
            statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database() + "'");
        }
    }

    @AfterEach
    void unblock() throws SQLException {
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            statement.execute("alter database " + database() + " with allow_connections true");
        }
    }

    WebTestClient.ResponseSpec register() {
        return http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"outage+" + UUID.randomUUID() + "@example.com\",\"password\":\"correct horse battery\",\"displayName\":\"Outage\"}")
                .exchange();
    }

    @Test
    void whileTheDatabaseIsUnreachableRequestsAre503WithRetryAfterAndAfterwardsTheyWork() throws SQLException {
        AthleteApi athlete = AthleteApi.register(http, "Outage");
        athlete.logSet("{\"exercise\":\"deadlift\",\"load\":{\"value\":100,\"unit\":\"kg\"},\"reps\":5}");

        block();

        register().expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                .expectBody().jsonPath("$.status").isEqualTo(503).jsonPath("$.type").isEqualTo("urn:hinge:problem:database-unavailable");
        athlete.post("/api/v1/me/sets", "{\"exercise\":\"deadlift\",\"load\":{\"value\":110,\"unit\":\"kg\"},\"reps\":5}")
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER);
        athlete.get("/api/v1/me/timeline").expectStatus().isEqualTo(503)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER);

        unblock();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> register().expectStatus().isCreated());
        athlete.get("/api/v1/me").expectStatus().isOk();
    }
}
