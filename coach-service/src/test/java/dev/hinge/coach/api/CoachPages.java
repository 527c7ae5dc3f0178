package dev.hinge.coach.api;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coach in the browser, as far as HTTP goes: the page session is the cookie holding the token the API's sign-in
 * gave, and a form posts with the CSRF token its page carries (the layout's {@code hx-headers} on the body) and the
 * CSRF cookie that page set, as htmx would.
 */
record CoachPages(WebTestClient http, CoachApi coach) {
    static final String SESSION = "hinge_session";
    static final String CSRF_COOKIE = "hinge_csrf";
    private static final Pattern HX_HEADERS = Pattern.compile("hx-headers='?\"?(\\{[^}]*\\})");
    private static final Pattern HEADER = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\"([^\"]+)\"");

    /** What a form post needs: the header htmx sends and the cookie it matches. */
    record Csrf(String header, String token, String cookie) {
    }

    WebTestClient.ResponseSpec get(String path) {
        return http.get().uri(path).cookie(SESSION, coach.token()).exchange();
    }

    WebTestClient.ResponseSpec get(String path, String range) {
        return http.get().uri(path).cookie(SESSION, coach.token()).header("Range", range).exchange();
    }

    String html(String path) {
        return get(path).expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /** The CSRF token of the page at {@code path}, as htmx would send it. */
    Csrf csrf(String path) {
        EntityExchangeResult<String> page = get(path).expectStatus().isOk().expectBody(String.class).returnResult();
        String body = page.getResponseBody().replace("&quot;", "\"").replace("&#34;", "\"");
        Matcher headers = HX_HEADERS.matcher(body);
        assertThat(headers.find()).as("hx-headers with the CSRF token on " + path).isTrue();
        Matcher header = HEADER.matcher(headers.group(1));
        assertThat(header.find()).as("a header in " + headers.group(1)).isTrue();
        ResponseCookie cookie = page.getResponseCookies().getFirst(CSRF_COOKIE);
        return new Csrf(header.group(1), header.group(2), cookie == null ? null : cookie.getValue());
    }

    /** An htmx form post. */
    WebTestClient.ResponseSpec post(String path, Csrf csrf, String... fieldsAndValues) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            form.add(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return http.post().uri(path).cookies(c -> {
                    c.add(SESSION, coach.token());
                    if (csrf.cookie() != null) {
                        c.add(CSRF_COOKIE, csrf.cookie());
                    }
                }).header(csrf.header(), csrf.token()).header("HX-Request", "true")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(form)).exchange();
    }

    String postHtml(String path, Csrf csrf, String... fieldsAndValues) {
        return post(path, csrf, fieldsAndValues).expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody();
    }
}
