package dev.hinge.athlete.api;

import dev.hinge.platform.test.FreshPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A request no route takes is told so, token or not: an unknown path is a 404 problem, a known path with another
 * method a 405 problem with {@code Allow}; a query parameter the route does not read is a 400 naming it. A real route
 * still needs its token first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshPostgres.class)
class UnknownRequestsTest {
    private static final String SET = "{\"exercise\":\"deadlift\",\"load\":{\"value\":365,\"unit\":\"lb\"},\"reps\":5}";

    WebTestClient http;

    /** Registration hashes a password and a machine running several builds is slow: more than the default 5 s. */
    @Autowired
    void client(WebTestClient client) {
        http = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    List<Consumer<HttpHeaders>> everyKindOfCaller(AthleteApi athlete) {
        String forged = athlete.token().substring(0, athlete.token().length() - 4) + "AAAA";
        return List.of(h -> {
        }, h -> h.setBearerAuth(athlete.token()), h -> h.setBearerAuth(forged), h -> h.setBasicAuth("admin", "guess"));
    }

    @Test
    void anUnknownPathIsA404ProblemWithOrWithoutAToken() {
        AthleteApi mark = AthleteApi.register(http, "Lost");
        for (String path : List.of("/api/v1/nothing", "/api/v1/me/nothing", "/api/v1/me/", "/nothing",
                "/actuator/nothing", "/api/v1/me/timeline/stream/more")) {
            for (Consumer<HttpHeaders> caller : everyKindOfCaller(mark)) {
                http.get().uri(path).headers(caller).exchange().expectStatus().isNotFound()
                        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody().jsonPath("$.type").isEqualTo("urn:hinge:problem:http-404")
                        .jsonPath("$.status").isEqualTo(404);
            }
        }
        http.get().uri("/api/v1/nothing").accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aKnownPathWithAnotherMethodIsA405ProblemThatSaysWhichMethodsItTakes() {
        AthleteApi mark = AthleteApi.register(http, "Wrong");
        for (Consumer<HttpHeaders> caller : everyKindOfCaller(mark)) {
            http.method(HttpMethod.PUT).uri("/api/v1/me/sets").headers(caller).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(SET).exchange().expectStatus().isEqualTo(405)
                    .expectHeader().valueEquals(HttpHeaders.ALLOW, "POST")
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("urn:hinge:problem:http-405");
            http.delete().uri("/api/v1/me/timeline").headers(caller).exchange().expectStatus().isEqualTo(405);
        }
    }

    @Test
    void aRealRouteStillNeedsItsTokenBeforeAnythingElse() {
        http.get().uri("/api/v1/me/timeline").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/v1/me/timeline?limt=5").exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/v1/me/sets").contentType(MediaType.APPLICATION_JSON).bodyValue(SET).exchange()
                .expectStatus().isUnauthorized();
        http.get().uri("/api/v1/me/timeline/stream").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isUnauthorized();
        http.get().uri("/actuator/deadletters").exchange().expectStatus().isUnauthorized();
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void anUnknownQueryParameterIsA400NamingItAndRecordsNothing() {
        AthleteApi mark = AthleteApi.register(http, "Typo");
        mark.get("/api/v1/me/timeline?limt=5&limit=5&exercise=deadlift").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:hinge:problem:validation")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("limt")
                .jsonPath("$.errors[0].message").isEqualTo("is not a query parameter of this route");
        mark.get("/api/v1/me?verbose=true&x").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("verbose")
                .jsonPath("$.errors[1].field").isEqualTo("x");
        mark.post("/api/v1/me/sets?dryRun=true", SET.replace("365", "366")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("dryRun");
        http.get().uri("/api/v1/me/timeline/stream?lastEventId=1").headers(h -> h.setBearerAuth(mark.token()))
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("lastEventId");

        // the refused set was not recorded: once the next one is on the timeline, it is alone there
        mark.logSet(SET);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(mark.timeline("?limit=5&exercise=deadlift").get("items")).hasSize(1));
        assertThat(mark.timeline("").get("items").get(0).at("/data/load/value").asInt()).isEqualTo(365);
    }
}
