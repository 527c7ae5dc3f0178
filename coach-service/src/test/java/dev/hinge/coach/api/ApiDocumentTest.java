package dev.hinge.coach.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.pain.PainQuality;
import dev.hinge.kernel.pain.PainReport;
import dev.hinge.kernel.pain.PainScore;
import dev.hinge.kernel.training.Load;
import dev.hinge.kernel.training.SetId;
import dev.hinge.kernel.training.VideoId;
import dev.hinge.platform.test.ApiDocumentChecks;
import dev.hinge.platform.test.FreshPostgres;
import org.axonframework.eventsourcing.eventstore.EventStore;
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
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * coach-service explains itself: its OpenAPI document and Swagger UI are served without a token, list every route
 * the running service answers, require the bearer token Swagger UI's Authorize button sends, and give each answer its
 * shape, checked here against what the routes really answer for the Mark case's review, cue, deload and clearance.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshPostgres.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocumentTest {
    WebTestClient http;
    @Autowired
    ApplicationContext context;
    @Autowired
    ObjectMapper json;
    @Autowired
    EventStore eventStore;

    JsonNode document;

    /** Registration hashes a password and a machine running several builds is slow: more than the default 5 s. */
    @Autowired
    void client(WebTestClient client) {
        http = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

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
        assertThat(document.at("/info/title").asText()).isEqualTo("Hinge coach-service");
        String ui = http.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection()
                .returnResult(String.class).getResponseHeaders().getLocation().getPath();
        assertThat(ui).isEqualTo("/swagger-ui/index.html");
        http.get().uri(ui).exchange().expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
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
        String email = "dana+" + UUID.randomUUID() + "@example.com";
        http.post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(example("RegisterRequest").replace("mark@example.com", email))
                .exchange().expectStatus().isCreated();
        String token = http.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(example("TokenRequest").replace("mark@example.com", email))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("token").asText();
        http.get().uri("/api/v1/me/athletes").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk();
        http.get().uri("/api/v1/me/athletes").exchange().expectStatus().isUnauthorized();
    }

    /** The documented answers name exactly the fields the routes answer: the Mark case from the coach's side. */
    @Test
    void theDocumentedAnswersNameTheFieldsTheRoutesAnswer() {
        AthleteSide athletes = new AthleteSide(eventStore);
        CoachApi dana = CoachApi.register(http, "Coach Dana");
        AthleteId mark = athletes.registers("Mark");
        athletes.grants(mark, dana);
        Instant monday = Instant.parse("2026-09-29T12:00:00Z");
        SetId set = athletes.logsSet(mark, "deadlift", Load.lb(365),
                new PainReport(new PainScore(6), "lower back", PainQuality.SHARP), monday);
        VideoId video = athletes.attachesVideo(mark, set, "deadlift", monday);
        String athlete = "/api/v1/athletes/" + mark;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(dana.reviewQueue("").get("items")).hasSize(1));

        answered(dana, "GET /api/v1/me/athletes", "/api/v1/me/athletes");
        answered(dana, "GET /api/v1/me/review-queue", "/api/v1/me/review-queue");
        posted(dana, "POST /api/v1/athletes/{athleteId}/videos/{videoId}/reviews",
                athlete + "/videos/" + video + "/reviews", "ReviewRequest");
        posted(dana, "POST /api/v1/athletes/{athleteId}/cues", athlete + "/cues", "CueRequest");
        posted(dana, "POST /api/v1/athletes/{athleteId}/deloads", athlete + "/deloads", "DeloadRequest");
        posted(dana, "POST /api/v1/athletes/{athleteId}/clearances", athlete + "/clearances", "ClearanceRequest");
        answered(dana, "GET /api/v1/athletes/{athleteId}/progress", athlete + "/progress?exercise=deadlift");
        answered(dana, "GET /api/v1/athletes/{athleteId}/timeline", athlete + "/timeline");
    }

    private void posted(CoachApi coach, String route, String path, String request) {
        ApiDocumentChecks.assertAnswerIsDocumented(document, route, coach.created(path, example(request)));
    }

    private void answered(CoachApi coach, String route, String path) {
        ApiDocumentChecks.assertAnswerIsDocumented(document, route, coach.ok(path));
    }

    private String example(String schema) {
        return ApiDocumentChecks.example(document, schema);
    }
}
