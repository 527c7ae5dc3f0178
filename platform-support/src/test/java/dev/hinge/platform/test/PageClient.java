package dev.hinge.platform.test;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's part in page tests over real HTTP: it keeps the session and CSRF cookies a browser would, reads the CSRF
 * token from a page's form as a browser submits it, and posts forms. One per person; {@code section} is the service's
 * ({@code athlete} or {@code coach}).
 */
public final class PageClient {
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private final WebTestClient http;
    private final String section;
    private String session;
    private String csrfCookie;

    public PageClient(WebTestClient http, String section) {
        this.http = http;
        this.section = section;
    }

    /** Signs up through the sign-up form; the session cookie is kept. */
    public PageClient signUp(String email, String password, String displayName) {
        String token = csrfFrom("/" + section + "/sign-up");
        EntityExchangeResult<byte[]> result = post("/" + section + "/sign-up", token,
                Map.of("email", email, "password", password, "displayName", displayName))
                .expectStatus().isSeeOther().expectBody().returnResult();
        keep(result);
        assertThat(session).as("a session after signing up").isNotNull();
        return this;
    }

    /** Signs in through the sign-in form; the session cookie is kept. */
    public PageClient signIn(String email, String password) {
        String token = csrfFrom("/" + section + "/sign-in");
        keep(post("/" + section + "/sign-in", token, Map.of("email", email, "password", password))
                .expectStatus().isSeeOther().expectBody().returnResult());
        assertThat(session).as("a session after signing in").isNotNull();
        return this;
    }

    /** Takes a session from a token the API issued (a shortcut for tests whose subject is not signing in). */
    public PageClient withToken(String token) {
        this.session = token;
        return this;
    }

    public String session() {
        return session;
    }

    /** The CSRF cookie this browser holds (the token a form sends is its masked form). */
    public String csrfCookie() {
        return csrfCookie;
    }

    /** A GET with this browser's cookies. */
    public WebTestClient.ResponseSpec get(String path) {
        return http.get().uri(path).cookies(this::cookies).accept(MediaType.TEXT_HTML).exchange();
    }

    /** The page's HTML, expecting 200. */
    public String page(String path) {
        EntityExchangeResult<String> result = get(path).expectStatus().isOk().expectBody(String.class).returnResult();
        keep(result);
        return result.getResponseBody();
    }

    /** The CSRF token of the form on this page, as a browser would send it. */
    public String csrfFrom(String path) {
        EntityExchangeResult<String> result = get(path).expectStatus().isOk().expectBody(String.class).returnResult();
        keep(result);
        Matcher matcher = CSRF_FIELD.matcher(result.getResponseBody());
        assertThat(matcher.find()).as("a CSRF field on " + path).isTrue();
        return matcher.group(1);
    }

    /** A form post (URL-encoded) with the CSRF token as its field, and the cookies. */
    public WebTestClient.ResponseSpec post(String path, String csrf, Map<String, String> fields) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        if (csrf != null) {
            form.add("_csrf", csrf);
        }
        return http.post().uri(path).cookies(this::cookies).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.TEXT_HTML).body(BodyInserters.fromFormData(form)).exchange();
    }

    /** A form post as htmx sends it: the CSRF token in the header, {@code HX-Request} set. */
    public WebTestClient.ResponseSpec htmxPost(String path, String csrf, Map<String, String> fields) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach(form::add);
        return http.post().uri(path).cookies(this::cookies).header("HX-Request", "true")
                .header("X-CSRF-TOKEN", csrf).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.TEXT_HTML).body(BodyInserters.fromFormData(form)).exchange();
    }

    private void cookies(MultiValueMap<String, String> cookies) {
        if (session != null) {
            cookies.set("hinge_session", session);
        }
        if (csrfCookie != null) {
            cookies.set("hinge_csrf", csrfCookie);
        }
    }

    /** Keeps the cookies an answer set, as a browser does (an expired one is dropped). */
    public void keep(EntityExchangeResult<?> result) {
        MultiValueMap<String, ResponseCookie> set = result.getResponseCookies();
        ResponseCookie sessionCookie = set.getFirst("hinge_session");
        if (sessionCookie != null) {
            session = sessionCookie.getMaxAge().isZero() || sessionCookie.getValue().isEmpty() ? null : sessionCookie.getValue();
        }
        ResponseCookie csrf = set.getFirst("hinge_csrf");
        if (csrf != null) {
            csrfCookie = csrf.getMaxAge().isZero() ? null : csrf.getValue();
        }
    }
}
