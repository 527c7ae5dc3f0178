package dev.hinge.coach.pages;

import dev.hinge.kernel.account.Role;
import dev.hinge.platform.security.Tokens;
import dev.hinge.platform.test.FreshPostgres;
import dev.hinge.platform.test.PageClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * coach-service's page sessions: the coach's section is {@code /coach}, its session cookie reaches only those pages, the API takes it as
 * the coach's own token, and an athlete's token, even a valid one, is no coach's session.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshPostgres.class)
class CoachPageSessionTest {
    WebTestClient http;
    @Autowired
    Tokens tokens;
    @Autowired
    JdbcClient jdbc;

    @Autowired
    void client(WebTestClient client) {
        http = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void theRootSendsABrowserToTheCoachsPages() {
        http.get().uri("/").exchange().expectStatus().isSeeOther().expectHeader().location("/coach/");
    }

    @Test
    void aCoachSignsUpIntoASessionOfTheCoachSectionOnly() {
        PageClient browser = new PageClient(http, "coach");
        String token = browser.csrfFrom("/coach/sign-up");
        var result = browser.post("/coach/sign-up", token, Map.of("email", "dana-" + UUID.randomUUID() + "@example.com",
                        "password", "correct horse battery staple", "displayName", "Coach Dana"))
                .expectStatus().isSeeOther().expectHeader().location("/coach/").expectBody().returnResult();
        ResponseCookie session = result.getResponseCookies().getFirst("hinge_session");
        assertThat(session.getPath()).isEqualTo("/coach");
        http.get().uri("/api/v1/me").headers(h -> h.setBearerAuth(session.getValue())).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.role").isEqualTo("coach");
    }

    @Test
    void anAthletesTokenIsNoCoachsSession() {
        UUID mark = UUID.randomUUID();
        jdbc.sql("insert into account (id, role, email, password_hash, display_name, created_at) values (?, 'ATHLETE', ?, 'x', 'Mark', now())")
                .params(mark, mark + "@example.com").update();
        PageClient browser = new PageClient(http, "coach").withToken(tokens.issue(mark, Role.ATHLETE, 0).token());
        var result = browser.get("/coach/").expectStatus().isSeeOther()
                .expectHeader().location("/coach/sign-in?next=/coach/").expectBody().returnResult();
        assertThat(result.getResponseCookies().getFirst("hinge_session").getMaxAge()).isZero();
    }
}
