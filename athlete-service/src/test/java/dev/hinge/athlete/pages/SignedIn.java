package dev.hinge.athlete.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An athlete in a browser, as far as the server can tell: the page session cookie holding the token the API's sign-up
 * answered, and the CSRF cookie and token a page hands out, sent back as a browser and htmx would.
 */
record SignedIn(WebTestClient http, UUID id, String token, String csrfCookie, String csrfHeader, String csrfToken) {
    static final String SESSION = "hinge_session";
    static final String CSRF = "hinge_csrf";
    private static final Pattern HX_HEADERS = Pattern.compile("\\{\"([^\"]+)\":\"([^\"]+)\"}");

    static SignedIn register(WebTestClient http, String name) {
        String email = name.toLowerCase().replace(' ', '.') + "+" + UUID.randomUUID() + "@example.com";
        JsonNode body = http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"" + email + "\",\"password\":\"correct horse battery\",\"displayName\":\"" + name + "\"}")
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String token = body.get("token").asText();
        EntityExchangeResult<String> page = http.get().uri("/athlete/coaches").cookie(SESSION, token).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        ResponseCookie csrf = page.getResponseCookies().getFirst(CSRF);
        assertThat(csrf).as("the CSRF cookie").isNotNull();
        Document html = Jsoup.parse(page.getResponseBody());
        Matcher header = HX_HEADERS.matcher(html.body().attr("hx-headers"));
        assertThat(header.find()).as("the CSRF header on <body>: " + html.body().attr("hx-headers")).isTrue();
        return new SignedIn(http, UUID.fromString(body.get("id").asText()), token, csrf.getValue(), header.group(1),
                header.group(2));
    }

    WebTestClient.ResponseSpec get(String path) {
        return http.get().uri(path).cookie(SESSION, token).exchange();
    }

    /** A page's HTML, 200. */
    Document page(String path) {
        return Jsoup.parse(get(path).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    /** As htmx sends a form: the CSRF token in its header, {@code HX-Request}. */
    WebTestClient.ResponseSpec htmxPost(String path, MultipartBodyBuilder form) {
        return http.post().uri(path).cookie(SESSION, token).cookie(CSRF, csrfCookie).header(csrfHeader, csrfToken)
                .header("HX-Request", "true").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form.build())).exchange();
    }

    /** As a browser sends a plain form: the CSRF token as a hidden field. */
    WebTestClient.ResponseSpec formPost(String path, MultiValueMap<String, String> fields) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>(fields);
        form.add("_csrf", csrfToken);
        return http.post().uri(path).cookie(SESSION, token).cookie(CSRF, csrfCookie)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(BodyInserters.fromFormData(form)).exchange();
    }

    WebTestClient.ResponseSpec api(String path) {
        return http.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }

    JsonNode timeline() {
        return api("/api/v1/me/timeline?limit=100").expectStatus().isOk().expectBody(JsonNode.class).returnResult()
                .getResponseBody().get("items");
    }

    static Document html(WebTestClient.ResponseSpec response) {
        return Jsoup.parse(response.expectBody(String.class).returnResult().getResponseBody());
    }
}
