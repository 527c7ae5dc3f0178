package dev.hinge.athlete.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import dev.hinge.platform.test.FreshPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

import javax.crypto.SecretKey;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Login throttling, password strength, what a token must hold, logout and password change: over real HTTP on
 * PostgreSQL. Small throttle limits here (3 failures per account, one more every 5 s; 6 per address, one more every
 * 50 s) so a test can wait one out; each test logs in from its own address (X-Forwarded-For, trusted here).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "hinge.login.account.attempts=3", "hinge.login.account.period=PT15S",
        "hinge.login.address.attempts=6", "hinge.login.address.period=PT5M",
        "hinge.login.trust-forwarded-for=true",
        "hinge.idempotency.claim-timeout=PT2S", "hinge.idempotency.cleanup-every=PT0S"})
@ContextConfiguration(initializers = FreshPostgres.class)
class AuthenticationTest {
    private static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired
    WebTestClient http;
    @Autowired
    SecretKey jwtKey;

    record Account(String email, UUID id, String token) {
    }

    Account register(String name) {
        String email = name.toLowerCase().replace(' ', '.') + "+" + UUID.randomUUID() + "@example.com";
        JsonNode body = http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"" + name + "\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        return new Account(email, UUID.fromString(body.get("id").asText()), body.get("token").asText());
    }

    static String newAddress() {
        return "198.51.100." + ADDRESSES.incrementAndGet();
    }

    WebTestClient.ResponseSpec login(String email, String password, String address) {
        return http.post().uri("/api/v1/auth/token").header("X-Forwarded-For", address)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}").exchange();
    }

    String token(String email, String password, String address) {
        return login(email, password, address).expectStatus().isOk().expectBody(JsonNode.class).returnResult()
                .getResponseBody().get("token").asText();
    }

    WebTestClient.ResponseSpec me(String token) {
        return http.get().uri("/api/v1/me").headers(h -> h.setBearerAuth(token)).exchange();
    }

    @Test
    void theFailureAfterTheAccountsLimitIs429WithRetryAfterAndTheRightPasswordWorksOnceItHasPassed() {
        Account mark = register("Throttled");
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            login(mark.email(), "wrong horse battery", address).expectStatus().isUnauthorized();
        }
        String retryAfter = login(mark.email(), "wrong horse battery", address).expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(429)
                .returnResult().getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER);
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 5);
        login(mark.email(), PASSWORD, address).expectStatus().isEqualTo(429);

        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                login(mark.email(), PASSWORD, address).expectStatus().isOk());
    }

    @Test
    void oneAccountsFailuresDoNotLockAnotherAccountFromTheSameAddressBelowTheAddressLimit() {
        Account first = register("First");
        Account second = register("Second");
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            login(first.email(), "wrong horse battery", address).expectStatus().isUnauthorized();
        }
        for (int i = 0; i < 5; i++) {
            login(first.email(), "wrong horse battery", address).expectStatus().isEqualTo(429);
        }

        login(second.email(), PASSWORD, address).expectStatus().isOk();
        for (int i = 0; i < 3; i++) {
            login(second.email(), "wrong horse battery", address).expectStatus().isUnauthorized();
        }
        // six failures from this address: its limit; a third account from it waits, from elsewhere it does not
        Account third = register("Third");
        login(third.email(), PASSWORD, address).expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER);
        login(third.email(), PASSWORD, newAddress()).expectStatus().isOk();
    }

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaaaa", "1234567890", "          ", "EMAIL"})
    void weakCommonAndEmailPasswordsAreRefusedSayingWhy(String password) {
        String email = "weak+" + UUID.randomUUID() + "@example.com";
        String chosen = password.equals("EMAIL") ? email : password;
        http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"" + email + "\",\"password\":\"" + chosen + "\",\"displayName\":\"Weak\"}")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("password")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).startsWith("is too easy to guess:"));
    }

    @Test
    void aGoodPassphraseIsAccepted() {
        http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"passphrase+" + UUID.randomUUID() + "@example.com\",\"password\":\"plum kettle orbit seventeen\",\"displayName\":\"Good\"}")
                .exchange().expectStatus().isCreated();
    }

    String signed(UnaryOperator<JwtClaimsSet.Builder> claims) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder builder = JwtClaimsSet.builder().issuer("hinge").issuedAt(now)
                .expiresAt(now.plus(Duration.ofHours(1))).claim("role", "athlete").claim("gen", 0);
        return new NimbusJwtEncoder(new ImmutableSecret<>(jwtKey))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.apply(builder).build()))
                .getTokenValue();
    }

    @Test
    void aHandSignedTokenWithEverythingItNeedsIsAccepted() {
        Account mark = register("Signed");
        me(signed(c -> c.subject(mark.id().toString()))).expectStatus().isOk();
    }

    @ParameterizedTest
    @ValueSource(strings = {"no exp", "no iat", "no sub", "sub not a uuid", "other issuer", "lives too long",
            "no generation", "unknown account", "issued in the future"})
    void aTokenWithoutWhatItNeedsIs401NeverAccepted(String flaw) {
        Account mark = register("Flawed");
        String subject = mark.id().toString();
        Instant now = Instant.now();
        String token = signed(c -> switch (flaw) {
            case "no exp" -> c.subject(subject).claims(claims -> claims.remove("exp"));
            case "no iat" -> c.subject(subject).claims(claims -> claims.remove("iat"));
            case "no sub" -> c;
            case "sub not a uuid" -> c.subject("mark");
            case "other issuer" -> c.subject(subject).issuer("someone-else");
            case "lives too long" -> c.subject(subject).expiresAt(now.plus(Duration.ofHours(13)));
            case "no generation" -> c.subject(subject).claims(claims -> claims.remove("gen"));
            case "unknown account" -> c.subject(UUID.randomUUID().toString());
            case "issued in the future" -> c.subject(subject).issuedAt(now.plus(Duration.ofHours(2)))
                    .expiresAt(now.plus(Duration.ofHours(3)));
            default -> throw new IllegalArgumentException(flaw);
        });
        me(token).expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/v1/me/sets").headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"exercise\":\"deadlift\",\"load\":{\"value\":100,\"unit\":\"kg\"},\"reps\":5}")
                .exchange().expectStatus().isUnauthorized();
    }

    @Test
    void logoutRevokesEveryEarlierTokenAndALoginRightAfterWorks() {
        Account mark = register("Logout");
        String address = newAddress();
        String other = token(mark.email(), PASSWORD, address);
        String current = token(mark.email(), PASSWORD, address);

        http.post().uri("/api/v1/auth/logout").headers(h -> h.setBearerAuth(current)).exchange()
                .expectStatus().isNoContent();

        me(current).expectStatus().isUnauthorized().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        me(other).expectStatus().isUnauthorized();
        me(mark.token()).expectStatus().isUnauthorized();
        String fresh = token(mark.email(), PASSWORD, address); // within the same second as the logout, most often
        me(fresh).expectStatus().isOk();
        http.post().uri("/api/v1/auth/logout").exchange().expectStatus().isUnauthorized();
    }

    WebTestClient.ResponseSpec changePassword(String token, String current, String next) {
        return http.post().uri("/api/v1/me/password").headers(h -> h.setBearerAuth(token))
                .header("X-Forwarded-For", newAddress()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\"}").exchange();
    }

    @Test
    void aPasswordChangeNeedsTheCurrentOneAStrongNewOneAndRevokesEarlierTokens() {
        Account mark = register("Changer");
        changePassword(mark.token(), "wrong horse battery", "plum kettle orbit seventeen").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("currentPassword");
        changePassword(mark.token(), PASSWORD, "1234567890").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("newPassword");
        changePassword(mark.token(), PASSWORD, mark.email()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("newPassword");
        me(mark.token()).expectStatus().isOk();

        changePassword(mark.token(), PASSWORD, "plum kettle orbit seventeen").expectStatus().isNoContent();

        me(mark.token()).expectStatus().isUnauthorized();
        String address = newAddress();
        login(mark.email(), PASSWORD, address).expectStatus().isUnauthorized();
        me(token(mark.email(), "plum kettle orbit seventeen", address)).expectStatus().isOk();
    }
}
