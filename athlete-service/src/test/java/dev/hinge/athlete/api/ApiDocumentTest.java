package dev.hinge.athlete.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hinge.platform.test.ApiDocumentChecks;
import dev.hinge.platform.test.FreshPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * athlete-service explains itself: its OpenAPI document and Swagger UI are served without a token, list every route
 * the running service answers, require the bearer token Swagger UI's Authorize button sends, and give each answer its
 * shape, checked here against what the routes really answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshPostgres.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocumentTest {
    WebTestClient http;

    /** Registration hashes a password and a machine running several builds is slow: more than the default 5 s. */
    @Autowired
    void client(WebTestClient client) {
        http = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }
    @Autowired
    ApplicationContext context;
    @Autowired
    ObjectMapper json;

    JsonNode document;

    @BeforeAll
    void readTheDocumentWithoutAToken() throws Exception {
        // the first read builds the document: slow on a busy machine
        byte[] body = http.mutate().responseTimeout(Duration.ofSeconds(60)).build().get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().returnResult().getResponseBody();
        document = json.readTree(body);
    }

    @Test
    void theDocumentAndSwaggerUiAreServedWithoutAToken() {
        assertThat(document.path("openapi").asText()).startsWith("3.");
        assertThat(document.at("/info/title").asText()).isEqualTo("Hinge athlete-service");
        String ui = http.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection()
                .returnResult(String.class).getResponseHeaders().getLocation().getPath();
        assertThat(ui).isEqualTo("/swagger-ui/index.html");
        // Spring Security's default headers (nosniff, DENY framing, no-cache) leave Swagger UI working; it needs no
        // framing, but its scripts are files and its styles partly inline: a Content-Security-Policy added here must
        // allow 'self' scripts and inline styles on these paths
        http.get().uri(ui).exchange().expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().doesNotExist("Content-Security-Policy");
        http.get().uri("/swagger-ui/swagger-ui-bundle.js").exchange().expectStatus().isOk();
        http.get().uri("/swagger-ui/swagger-initializer.js").exchange().expectStatus().isOk()
                .expectBody(String.class).value(script -> assertThat(script).contains("/v3/api-docs/swagger-config"));
        http.get().uri("/v3/api-docs/swagger-config").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.url").isEqualTo("/v3/api-docs");
    }

    @Test
    void everyRouteTheServiceAnswersIsInTheDocument() {
        ApiDocumentChecks.assertEveryRouteIsDocumented(context, document);
    }

    @Test
    void everyRouteButRegistrationAndLoginRequiresTheBearerToken() {
        ApiDocumentChecks.assertEveryRouteButSignInNeedsTheBearerToken(document);
    }

    @Test
    void everyAnswerHasItsShapeAndEveryErrorIsAProblem() {
        ApiDocumentChecks.assertEveryAnswerHasItsShape(document);
    }

    /** What Swagger UI does: the example body of the documented login, its token sent as the bearer scheme says. */
    @Test
    void theTokenOfTheDocumentedLoginOpensTheRoutesTheDocumentGuards() {
        String email = "mark+" + UUID.randomUUID() + "@example.com";
        http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(example("RegisterRequest").replace("mark@example.com", email))
                .exchange().expectStatus().isCreated();
        String token = http.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(example("TokenRequest").replace("mark@example.com", email))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("token").asText();
        http.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.email").isEqualTo(email);
        http.get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
    }

    /** The documented answers name exactly the fields the routes answer: the Mark case's set, video and pain report. */
    @Test
    void theDocumentedAnswersNameTheFieldsTheRoutesAnswer() {
        AthleteApi mark = AthleteApi.register(http, "Mark");
        JsonNode set = answer(mark.post("/api/v1/me/sets", example("LogSetRequest")));
        assertFieldsDocumented("POST /api/v1/me/sets", set);
        JsonNode video = answer(mark.post("/api/v1/me/sets/" + set.get("id").asText() + "/videos",
                example("AttachVideoRequest")));
        assertFieldsDocumented("POST /api/v1/me/sets/{setId}/videos", video);
        assertFieldsDocumented("POST /api/v1/me/pain-reports",
                answer(mark.post("/api/v1/me/pain-reports", example("ReportPainRequest"))));
        assertFieldsDocumented("GET /api/v1/me/timeline", answer(mark.get("/api/v1/me/timeline")));
        assertFieldsDocumented("GET /api/v1/me/progress", answer(mark.get("/api/v1/me/progress?exercise=deadlift")));
    }

    private String example(String schema) {
        return ApiDocumentChecks.example(document, schema);
    }

    private void assertFieldsDocumented(String route, JsonNode answer) {
        ApiDocumentChecks.assertAnswerIsDocumented(document, route, answer);
    }

    private static JsonNode answer(WebTestClient.ResponseSpec response) {
        return response.expectStatus().is2xxSuccessful().expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
