package dev.hinge.athlete.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hinge.platform.test.FreshPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code Idempotency-Key} over real HTTP on PostgreSQL: scopes, what is (not) kept, expiry, the in-progress 409 and
 * the release of claims whose request is gone. Same settings as {@link AuthenticationTest}: one context for both;
 * here a claim of another process is abandoned after 2 s, and expired keys are cleaned up on every claim.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hinge.login.account.attempts=3", "hinge.login.account.period=PT15S",
        "hinge.login.address.attempts=6", "hinge.login.address.period=PT5M",
        "hinge.login.trust-forwarded-for=true",
        "hinge.idempotency.claim-timeout=PT2S", "hinge.idempotency.cleanup-every=PT0S"})
@ContextConfiguration(initializers = FreshPostgres.class)
class IdempotencyTest {
    private static final String SET = "{\"exercise\":\"deadlift\",\"load\":{\"value\":100,\"unit\":\"kg\"},\"reps\":5}";

    @Autowired
    WebTestClient http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @LocalServerPort
    int port;

    WebTestClient.ResponseSpec register(String email, String password, String key) {
        return http.post().uri("/api/v1/auth/register").header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"displayName\":\"Repeat\"}")
                .exchange();
    }

    JsonNode body(WebTestClient.ResponseSpec response) {
        return response.expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aRepeatedRegistrationWithALongEmailAnswersTheAccountWithANewTokenAndKeepsNoSecret() throws Exception {
        String email = "a.very.long.name.that.goes.on.and.on+" + UUID.randomUUID() + "@example.com";
        assertThat(email.length()).isGreaterThan(64);
        String key = UUID.randomUUID().toString();

        JsonNode first = body(register(email, "correct horse battery", key).expectStatus().isCreated());
        JsonNode again = body(register(email, "correct horse battery", key).expectStatus().isCreated());

        assertThat(again.get("id")).isEqualTo(first.get("id"));
        assertThat(again.get("role").asText()).isEqualTo("athlete");
        assertThat(again.get("token").asText()).isNotEqualTo(first.get("token").asText());
        for (JsonNode answer : new JsonNode[]{first, again}) {
            http.get().uri("/api/v1/me").headers(h -> h.setBearerAuth(answer.get("token").asText())).exchange()
                    .expectStatus().isOk();
        }
        var kept = jdbc.sql("select request_hash, response from idempotent_request where idem_key = ?").param(key)
                .query((rs, n) -> new Object[]{rs.getString(1), new String(rs.getBytes(2), StandardCharsets.UTF_8)}).single();
        assertThat((String) kept[1]).doesNotContain(first.get("token").asText()).doesNotContain(again.get("token").asText())
                .doesNotContain("correct horse battery");
        assertThat(kept[0]).isEqualTo(sha256("{\"email\":\"" + email + "\",\"displayName\":\"Repeat\"}"));

        register(email, "another horse battery", key).expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** Sent as a client sends UTF-8: one byte per char here; "€" is E2 82 AC, a byte a strict firewall calls control. */
    @ParameterizedTest
    @ValueSource(strings = {"cl\u00c3\u00a9", "\u00e2\u0082\u00ac-key", "\u00d0\u00ba\u00d0\u00bb\u00d1\u008e\u00d1\u0087"})
    void aNonAsciiKeyIsA400NamingTheHeader(String utf8Bytes) {
        AthleteApi athlete = AthleteApi.register(http, "Accents");
        athlete.post("/api/v1/me/sets", SET, utf8Bytes).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
        http.post().uri("/api/v1/auth/register").header("Idempotency-Key", utf8Bytes).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"accent+" + UUID.randomUUID() + "@example.com\",\"password\":\"correct horse battery\",\"displayName\":\"A\"}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
    }

    @Test
    void aKeyOlderThan24HoursIsIgnoredAndCleanedUp() {
        AthleteApi athlete = AthleteApi.register(http, "Expiry");
        JsonNode first = body(athlete.post("/api/v1/me/sets", SET, "old-key").expectStatus().isCreated());
        jdbc.sql("update idempotent_request set created_at = ? where idem_key = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusHours(25), "old-key").update();

        // another body with the same key: no longer a 422, the key is free again (and still names the same set)
        JsonNode second = body(athlete.post("/api/v1/me/sets", SET.replace("100", "110"), "old-key").expectStatus().isCreated());
        assertThat(second.get("id")).isEqualTo(first.get("id"));

        jdbc.sql("update idempotent_request set created_at = ? where idem_key = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusHours(25), "old-key").update();
        athlete.post("/api/v1/me/sets", SET, "another-key").expectStatus().isCreated();
        assertThat(jdbc.sql("select count(*) from idempotent_request where idem_key = 'old-key'").query(Long.class).single())
                .isZero();
    }

    /** Holds appends to the event store until closed: a request that logs a set waits, its claim in progress. */
    Connection holdAppends() throws Exception {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("lock table domain_event_entry in share mode");
        }
        return connection;
    }

    CompletableFuture<Integer> postInBackground(AthleteApi athlete, String key) {
        return WebClient.create("http://localhost:" + port).post().uri("/api/v1/me/sets")
                .headers(h -> h.setBearerAuth(athlete.token())).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(SET)
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                .toFuture();
    }

    boolean claimed(String key) {
        return jdbc.sql("select count(*) from idempotent_request where idem_key = ? and status is null").param(key)
                .query(Long.class).single() == 1;
    }

    @Test
    void aRepeatWhileTheFirstRequestRunsIs409AndTheAnswerAfterIt() throws Exception {
        AthleteApi athlete = AthleteApi.register(http, "Impatient");
        CompletableFuture<Integer> first;
        try (Connection held = holdAppends()) {
            first = postInBackground(athlete, "in-progress");
            await().until(() -> claimed("in-progress"));

            athlete.post("/api/v1/me/sets", SET, "in-progress").expectStatus().isEqualTo(409)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("urn:hinge:problem:idempotency-key-in-progress");
            held.rollback();
        }
        await().until(first::isDone);
        assertThat(first.get()).isEqualTo(201);
        athlete.post("/api/v1/me/sets", SET, "in-progress").expectStatus().isCreated();
    }

    @Test
    void aClaimIsReleasedWhenTheClientGoesAway() throws Exception {
        AthleteApi athlete = AthleteApi.register(http, "Gone");
        try (Connection held = holdAppends()) {
            Disposable request = WebClient.create("http://localhost:" + port).post().uri("/api/v1/me/sets")
                    .headers(h -> h.setBearerAuth(athlete.token())).header("Idempotency-Key", "client-gone")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(SET).retrieve().toBodilessEntity().subscribe();
            await().until(() -> claimed("client-gone"));

            request.dispose();

            await().atMost(Duration.ofSeconds(5)).until(() -> !claimed("client-gone"));
            held.rollback();
        }
        athlete.post("/api/v1/me/sets", SET, "client-gone").expectStatus().isCreated();
    }

    @Test
    void aClaimOfAProcessThatIsGoneIsTakenOverAfterTheClaimTimeoutAndAFreshOneIsNot() throws Exception {
        AthleteApi athlete = AthleteApi.register(http, "Crash");
        athlete.post("/api/v1/me/sets", SET, "probe").expectStatus().isCreated();
        String[] probe = jdbc.sql("select scope, request_hash from idempotent_request where idem_key = 'probe'")
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2)}).single();
        String scope = probe[0];
        String hash = probe[1];
        for (String key : new String[]{"crashed", "elsewhere"}) {
            jdbc.sql("insert into idempotent_request (scope, idem_key, request_hash, created_at, owner) values (?, ?, ?, ?, ?)")
                    .params(scope, key, hash, OffsetDateTime.ofInstant(Instant.now().minusSeconds(key.equals("crashed") ? 10 : 0),
                            ZoneOffset.UTC), "another-process").update();
        }

        athlete.post("/api/v1/me/sets", SET, "crashed").expectStatus().isCreated();
        athlete.post("/api/v1/me/sets", SET, "elsewhere").expectStatus().isEqualTo(409);
    }
}
