package dev.hinge.athlete.pages;

import dev.hinge.platform.test.FreshPostgres;
import dev.hinge.platform.test.PageClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Page sessions: signing up and in through the forms gives the API's own token in a cookie only the section's pages
 * receive; every form needs its CSRF token; pages carry a Content-Security-Policy without inline script; a page without
 * a session sends the browser to sign in and back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshPostgres.class)
class PageSessionTest {
    static final String PASSWORD = "correct horse battery staple";
    WebTestClient http;

    @Autowired
    void client(WebTestClient client) {
        http = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    static String email() {
        return "lifter-" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void theRootSendsABrowserToTheAthletesPages() {
        http.get().uri("/").exchange().expectStatus().isSeeOther().expectHeader().location("/athlete/");
        http.get().uri("/athlete").exchange().expectStatus().isSeeOther().expectHeader().location("/athlete/");
    }

    @Test
    void theSignInPageCarriesAPolicyWithoutInlineScriptAndAFormToken() {
        var result = http.get().uri("/athlete/sign-in").accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult();
        String policy = result.getResponseHeaders().getFirst("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        assertThat(result.getResponseBody()).contains("name=\"_csrf\"", "<label for=\"email\">", "<label for=\"password\">");
        ResponseCookie csrf = result.getResponseCookies().getFirst("hinge_csrf");
        assertThat(csrf).isNotNull();
        assertThat(csrf.isHttpOnly()).isTrue();
        assertThat(csrf.getSameSite()).isEqualTo("Strict");
        assertThat(csrf.getPath()).isEqualTo("/athlete");
    }

    @Test
    void signingUpOpensASessionInAnHttpOnlyStrictCookieOfTheSectionOnly() {
        PageClient browser = new PageClient(http, "athlete");
        String token = browser.csrfFrom("/athlete/sign-up");
        var result = browser.post("/athlete/sign-up", token,
                        Map.of("email", email(), "password", PASSWORD, "displayName", "Mark"))
                .expectStatus().isSeeOther().expectHeader().location("/athlete/")
                .expectBody().returnResult();
        ResponseCookie session = result.getResponseCookies().getFirst("hinge_session");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        assertThat(session.getPath()).isEqualTo("/athlete");
        assertThat(session.getMaxAge()).isPositive();
        // it is the API's own token: the API takes it as a bearer token
        http.get().uri("/api/v1/me").headers(h -> h.setBearerAuth(session.getValue())).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.displayName").isEqualTo("Mark");
    }

    @Test
    void aFormWithoutItsTokenIsRefusedAndNothingIsRegistered() {
        String email = email();
        new PageClient(http, "athlete").post("/athlete/sign-up", null,
                Map.of("email", email, "password", PASSWORD, "displayName", "Mark")).expectStatus().isForbidden();
        http.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", PASSWORD)).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aSignedInFormWithoutItsTokenIsRefusedAndTheSessionLives() {
        PageClient browser = new PageClient(http, "athlete").signUp(email(), PASSWORD, "Mark");
        browser.post("/athlete/sign-out", null, Map.of()).expectStatus().isForbidden();
        browser.htmxPost("/athlete/sign-out", "not the token", Map.of()).expectStatus().isForbidden();
        http.get().uri("/api/v1/me").headers(h -> h.setBearerAuth(browser.session())).exchange().expectStatus().isOk();
    }

    @Test
    void aRefusedSignUpShowsTheApisReasonBesideTheFieldAndKeepsWhatWasTyped() {
        PageClient browser = new PageClient(http, "athlete");
        String token = browser.csrfFrom("/athlete/sign-up");
        String page = browser.post("/athlete/sign-up", token,
                        Map.of("email", "not an address", "password", "short", "displayName", "<script>alert(1)</script>"))
                .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("id=\"error-email\"", "id=\"error-password\"")
                .contains("value=\"not an address\"")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)</script>");
    }

    @Test
    void aWrongPasswordSaysSoBesideThePassword() {
        PageClient browser = new PageClient(http, "athlete");
        String email = email();
        browser.signUp(email, PASSWORD, "Mark");
        PageClient other = new PageClient(http, "athlete");
        String token = other.csrfFrom("/athlete/sign-in");
        String page = other.post("/athlete/sign-in", token, Map.of("email", email, "password", "not the password at all"))
                .expectStatus().isUnauthorized().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("id=\"error-password\"", "Wrong email or password.");
        other.signIn(email, PASSWORD);
        assertThat(other.session()).isNotNull();
    }

    @Test
    void aPageWithoutASessionSendsTheBrowserToSignInAndBackHtmxIsToldTheSame() {
        PageClient browser = new PageClient(http, "athlete");
        String token = browser.csrfFrom("/athlete/sign-in");
        browser.post("/athlete/sign-out", token, Map.of()).expectStatus().isSeeOther()
                .expectHeader().location("/athlete/sign-in");
        browser.htmxPost("/athlete/sign-out", token, Map.of()).expectStatus().isUnauthorized()
                .expectHeader().valueEquals("HX-Redirect", "/athlete/sign-in");
    }

    @Test
    void signingOutEndsTheSessionAndTheTokensIssuedBefore() {
        PageClient browser = new PageClient(http, "athlete").signUp(email(), PASSWORD, "Mark");
        String session = browser.session();
        String token = browser.csrfFrom("/athlete/sign-in");
        browser.keep(browser.post("/athlete/sign-out", token, Map.of()).expectStatus().isSeeOther()
                .expectHeader().location("/athlete/sign-in").expectBody().returnResult());
        assertThat(browser.session()).isNull();
        http.get().uri("/api/v1/me").headers(h -> h.setBearerAuth(session)).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aSignInPageOnlyReturnsToAPageOfThisSection() {
        String page = http.get().uri("/athlete/sign-in?next=https://evil.example/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("name=\"next\" value=\"/athlete/\"");
    }

    @Test
    void aNextThatCouldNotBeRedirectedToIsReplacedByHome() {
        // a URI template's variable to a redirect, and no URI at all (sent encoded, as a link would carry them)
        for (String next : List.of("/athlete/{x}", "/athlete/a b")) {
            String page = http.get().uri("/athlete/sign-in?next={next}", next).accept(MediaType.TEXT_HTML).exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
            assertThat(page).contains("name=\"next\" value=\"/athlete/\"");
        }
    }

    @Test
    void aLinkFollowedFromAnotherSiteDoesNotSignOut() {
        // a top-level navigation from elsewhere arrives without the Strict cookie: the answer must not delete it
        var answer = http.get().uri("/athlete/invite/K7QM4XTBZR").exchange().expectStatus().isSeeOther()
                .expectBody().returnResult();
        assertThat(answer.getResponseCookies().getFirst("hinge_session")).isNull();
        // a stale cookie that does come is dropped
        var stale = http.get().uri("/athlete/invite/K7QM4XTBZR").cookie("hinge_session", "not.a.token").exchange()
                .expectStatus().isSeeOther().expectBody().returnResult();
        assertThat(stale.getResponseCookies().getFirst("hinge_session").getMaxAge()).isZero();
    }

    @Test
    void aMultipartFormCarriesItsTokenInTheHeaderNotInABodyReadBeforeSignIn() {
        PageClient browser = new PageClient(http, "athlete");
        String token = browser.csrfFrom("/athlete/sign-in");
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("_csrf", token);
        form.part("email", email());
        form.part("password", PASSWORD);
        http.post().uri("/athlete/sign-in").cookies(c -> c.set("hinge_csrf", browser.csrfCookie()))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(form.build()))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void theSharedScriptsAreServedWithoutASession() {
        http.get().uri("/webjars/htmx.org/dist/htmx.min.js").exchange().expectStatus().isOk();
        http.get().uri("/webjars/htmx-ext-sse/sse.js").exchange().expectStatus().isOk();
        http.get().uri("/webjars/echarts/dist/echarts.min.js").exchange().expectStatus().isOk();
        http.get().uri("/assets/hinge.css").exchange().expectStatus().isOk();
        http.get().uri("/athlete/assets/athlete.js").exchange().expectStatus().isOk();
    }
}
