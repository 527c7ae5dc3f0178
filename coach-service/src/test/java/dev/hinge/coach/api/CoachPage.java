package dev.hinge.coach.api;

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
 * A coach in a browser, over HTTP: the session cookie holds the token the API's login gave, and each form carries
 * the CSRF token read from the page it is on (with the CSRF cookie that page set), as a browser's would.
 */
final class CoachPage {
    static final String SESSION = "hinge_session";
    static final String CSRF_COOKIE = "hinge_csrf";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private final WebTestClient http;
    private final String token;
    private String csrfCookie;
    private String csrfToken;

    CoachPage(WebTestClient http, String token) {
        this.http = http;
        this.token = token;
    }

    /** GET with the session: the whole answer. */
    EntityExchangeResult<String> get(String path) {
        EntityExchangeResult<String> result = http.get().uri(path).cookie(SESSION, token).accept(MediaType.TEXT_HTML)
                .exchange().expectBody(String.class).returnResult();
        remember(result);
        return result;
    }

    /** The page at {@code path}, which must answer 200. */
    String page(String path) {
        EntityExchangeResult<String> result = get(path);
        assertThat(result.getStatus().value()).as("GET " + path).isEqualTo(200);
        return result.getResponseBody();
    }

    /** A form posted as htmx posts it (with HX-Request), after reading the CSRF token from {@code from}. */
    EntityExchangeResult<String> htmxPost(String from, String path, Map<String, String> form) {
        return post(from, path, form, true);
    }

    /** A plain form post, as a browser without script sends it. */
    EntityExchangeResult<String> plainPost(String from, String path, Map<String, String> form) {
        return post(from, path, form, false);
    }

    private EntityExchangeResult<String> post(String from, String path, Map<String, String> form, boolean htmx) {
        page(from);
        MultiValueMap<String, String> body = new LinkedMultiValueMap<>();
        form.forEach(body::add);
        body.add("_csrf", csrfToken);
        WebTestClient.RequestBodySpec request = http.post().uri(path).cookie(SESSION, token)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML);
        if (csrfCookie != null) {
            request = request.cookie(CSRF_COOKIE, csrfCookie);
        }
        if (htmx) {
            request = request.header("HX-Request", "true");
        }
        EntityExchangeResult<String> result = request.body(BodyInserters.fromFormData(body)).exchange()
                .expectBody(String.class).returnResult();
        remember(result);
        return result;
    }

    private void remember(EntityExchangeResult<String> result) {
        ResponseCookie cookie = result.getResponseCookies().getFirst(CSRF_COOKIE);
        if (cookie != null && !cookie.getValue().isEmpty()) {
            csrfCookie = cookie.getValue();
        }
        String html = result.getResponseBody();
        if (html != null) {
            Matcher m = CSRF_FIELD.matcher(html);
            if (m.find()) {
                csrfToken = m.group(1) != null ? m.group(1) : m.group(2);
            }
        }
    }
}
