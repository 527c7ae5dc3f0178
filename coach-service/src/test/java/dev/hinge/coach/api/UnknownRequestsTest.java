package dev.hinge.coach.api;

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
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A request no route takes is told so, token or not: an unknown path is a 404 problem, a known path with another
 * method a 405 problem with {@code Allow}; a query parameter the route does not read is a 400 naming it. A real route
 * still needs its token first, and a coach still learns nothing of an athlete who did not grant access.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshPostgres.class)
class UnknownRequestsTest {
    private static final String ATHLETE = "/api/v1/athletes/" + UUID.randomUUID();

    WebTestClient http;

    /** Registration hashes a password and a machine running several builds is slow: more than the default 5 s. */
    @Autowired
    void client(WebTestClient client) {
        http = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    List<Consumer<HttpHeaders>> everyKindOfCaller(CoachApi coach) {
        String forged = coach.token().substring(0, coach.token().length() - 4) + "AAAA";
        return List.of(h -> {
        }, h -> h.setBearerAuth(coach.token()), h -> h.setBearerAuth(forged), h -> h.setBasicAuth("admin", "guess"));
    }

    @Test
    void anUnknownPathIsA404ProblemWithOrWithoutAToken() {
        CoachApi dana = CoachApi.register(http, "Lost coach");
        for (String path : List.of("/api/v1/nothing", "/api/v1/athletes", ATHLETE, ATHLETE + "/nothing", "/nothing",
                "/actuator/nothing")) {
            for (Consumer<HttpHeaders> caller : everyKindOfCaller(dana)) {
                http.get().uri(path).headers(caller).exchange().expectStatus().isNotFound()
                        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody().jsonPath("$.type").isEqualTo("urn:hinge:problem:http-404");
            }
        }
    }

    @Test
    void aKnownPathWithAnotherMethodIsA405ProblemThatSaysWhichMethodsItTakes() {
        CoachApi dana = CoachApi.register(http, "Wrong coach");
        for (Consumer<HttpHeaders> caller : everyKindOfCaller(dana)) {
            http.get().uri(ATHLETE + "/deloads").headers(caller).exchange().expectStatus().isEqualTo(405)
                    .expectHeader().valueEquals(HttpHeaders.ALLOW, "POST")
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("urn:hinge:problem:http-405");
        }
    }

    @Test
    void aRealRouteStillNeedsItsTokenAndTellsNothingOfAnAthleteWhoDidNotGrantAccess() {
        http.get().uri(ATHLETE + "/timeline").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri(ATHLETE + "/timeline?limt=5").exchange().expectStatus().isUnauthorized();
        http.method(HttpMethod.POST).uri(ATHLETE + "/deloads").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"exercise\":\"deadlift\",\"percent\":50}").exchange().expectStatus().isUnauthorized();
        CoachApi dana = CoachApi.register(http, "Curious coach");
        dana.get(ATHLETE + "/timeline").expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("urn:hinge:problem:not-found");
    }

    @Test
    void anUnknownQueryParameterIsA400NamingIt() {
        CoachApi dana = CoachApi.register(http, "Typo coach");
        dana.get("/api/v1/me/athletes?limt=5").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("limt")
                .jsonPath("$.errors[0].message").isEqualTo("is not a query parameter of this route");
        dana.get("/api/v1/me/review-queue?limit=5&sort=oldest").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("sort");
        dana.post(ATHLETE + "/deloads?force=true", "{\"exercise\":\"deadlift\",\"percent\":50}").expectStatus()
                .isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("force");
        http.get().uri(ATHLETE + "/timeline/stream?token=x").headers(h -> h.setBearerAuth(dana.token()))
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("token");
        dana.get("/api/v1/me/athletes?limit=5").expectStatus().isOk();
    }
}
