package dev.hinge.athlete.operations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hinge.platform.test.FreshPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator sees: the Prometheus scrape (processor lag, commands by type and outcome, HTTP latency histograms,
 * dead letters) and info (version, commit), both behind the admin credential; health stays open.
 */
@AutoConfigureObservability(tracing = false) // tests leave metrics exporters off unless asked
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hinge.admin.password=" + OperatorEndpointsTest.ADMIN_PASSWORD)
@ContextConfiguration(initializers = FreshPostgres.class)
class OperatorEndpointsTest {
    static final String ADMIN_PASSWORD = "an operator's long password";
    private static final String GROUP = "athlete.read-models";

    @Autowired
    WebTestClient http;
    @Autowired
    DataSource dataSource;

    @BeforeEach
    void slowMachine() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void onlyTheOperatorReadsMetricsAndInfoWhileHealthStaysOpen() {
        for (String path : List.of("/actuator/prometheus", "/actuator/info", "/actuator/metrics")) {
            http.get().uri(path).exchange().expectStatus().isUnauthorized();
            http.get().uri(path).headers(h -> h.setBasicAuth("admin", "not the password")).exchange()
                    .expectStatus().isUnauthorized();
            http.get().uri(path).headers(h -> h.setBasicAuth("admin", ADMIN_PASSWORD)).exchange()
                    .expectStatus().isOk();
        }
        String token = register("Token holder");
        http.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isUnauthorized();
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            http.get().uri(path).exchange().expectStatus().isOk();
        }
    }

    @Test
    void infoShowsTheVersionAndTheCommit() {
        JsonNode info = admin().get().uri("/actuator/info").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(info.at("/build/version").asText()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(info.at("/build/artifact").asText()).isEqualTo("athlete-service");
        assertThat(info.at("/git/commit/id").asText()).matches("[0-9a-f]{7,40}");
    }

    @Test
    void theScrapeCountsCommandsByTypeAndOutcomeAndTimesHttpRequests() {
        String token = register("Counted");
        logSet(token);
        http.delete().uri("/api/v1/me/coaches/" + UUID.randomUUID()).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isNotFound();

        String scrape = scrape();
        assertThat(value(scrape, "hinge_commands_seconds_count", "command=\"LogSetCommand\"", "outcome=\"success\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "hinge_commands_seconds_count", "command=\"RevokeCoachAccessCommand\"",
                "outcome=\"failure\"", "exception=\"DomainException\"")).isEqualTo(1);
        assertThat(value(scrape, "http_server_requests_seconds_bucket", "uri=\"/api/v1/me/sets\"", "method=\"POST\"",
                "status=\"201\"", "le=\"+Inf\"")).isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "hinge_dead_letters", "group=\"" + GROUP + "\"")).isZero();
        assertThat(scrape).contains("application=\"athlete-service\"");
    }

    /** A projection held up by a lock on its table: the lag counts the events it has not handled, then drops to 0. */
    @Test
    void theLagCountsTheEventsAProcessingGroupHasNotHandledYet() throws Exception {
        String token = register("Lagging");
        await().untilAsserted(() -> assertThat(lag(scrape())).isZero());
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("lock table athlete_timeline_item in exclusive mode");
            }
            logSet(token);
            logSet(token);
            await().untilAsserted(() -> assertThat(lag(scrape())).isGreaterThanOrEqualTo(2));
            holder.rollback();
        }
        await().untilAsserted(() -> assertThat(lag(scrape())).isZero());
    }

    private String register(String name) {
        String email = name.toLowerCase().replace(' ', '.') + "+" + UUID.randomUUID() + "@example.com";
        return http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"" + email + "\",\"password\":\"correct horse battery\",\"displayName\":\"" + name + "\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("token").asText();
    }

    private void logSet(String token) {
        http.post().uri("/api/v1/me/sets").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"exercise\":\"deadlift\",\"load\":{\"value\":100,\"unit\":\"kg\"},\"reps\":5}")
                .exchange().expectStatus().isCreated();
    }

    private WebTestClient admin() {
        return http.mutate().defaultHeaders(h -> h.setBasicAuth("admin", ADMIN_PASSWORD)).build();
    }

    private String scrape() {
        return admin().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /** The group's lag summed over both its segments; each segment must report a number. */
    private static double lag(String scrape) {
        return value(scrape, "hinge_processor_lag", "group=\"" + GROUP + "\"", "segment=\"0\"")
                + value(scrape, "hinge_processor_lag", "group=\"" + GROUP + "\"", "segment=\"1\"");
    }

    /** The value of the one sample of {@code metric} whose labels include every one of {@code labels}. */
    private static double value(String scrape, String metric, String... labels) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(metric) + "\\{([^}]*)} (\\S+)$").matcher(scrape);
        Double found = null;
        while (line.find()) {
            String have = line.group(1);
            if (List.of(labels).stream().allMatch(have::contains)) {
                assertThat(found).as("one sample of %s with %s", metric, List.of(labels)).isNull();
                found = Double.parseDouble(line.group(2));
            }
        }
        assertThat(found).as("a sample of %s with %s in the scrape", metric, List.of(labels)).isNotNull();
        assertThat(found).as("%s %s", metric, List.of(labels)).isNotNaN();
        return found;
    }
}
