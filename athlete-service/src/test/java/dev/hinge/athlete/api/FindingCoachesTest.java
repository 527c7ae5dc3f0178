package dev.hinge.athlete.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hinge.kernel.access.CoachInviteCodeIssuedEvent;
import dev.hinge.kernel.access.InviteCode;
import dev.hinge.kernel.account.CoachRegisteredEvent;
import dev.hinge.kernel.account.DisplayName;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.platform.test.FreshPostgres;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Instant;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An athlete finds a coach by the coach's invite code, and sees whom they granted access, since when. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshPostgres.class)
class FindingCoachesTest {
    private static final Random RANDOM = new Random();

    @Autowired
    WebTestClient http;
    @Autowired
    EventStore eventStore;

    @Test
    void anAthleteGrantsByInviteCodeAndSeesTheCoachByName() {
        CoachId coach = coachRegisters("Coach Carter");
        InviteCode code = codeIssued(coach, 1);
        AthleteApi athlete = AthleteApi.register(http, "Invited");

        String typed = code.value().substring(0, 5).toLowerCase() + "-" + code.value().substring(5);
        await().untilAsserted(() -> athlete.post("/api/v1/me/coaches",
                        "{\"inviteCode\":\"" + typed + "\",\"at\":\"2026-10-01T18:00:00Z\"}")
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.coachId").isEqualTo(coach.toString())
                .jsonPath("$.athleteId").isEqualTo(athlete.id().toString()));

        await().untilAsserted(() -> athlete.get("/api/v1/me/coaches").expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].coachId").isEqualTo(coach.toString())
                .jsonPath("$.items[0].displayName").isEqualTo("Coach Carter")
                .jsonPath("$.items[0].since").isEqualTo("2026-10-01T18:00:00Z")
                .jsonPath("$.next").isEmpty());

        athlete.delete("/api/v1/me/coaches/" + coach).expectStatus().isNoContent();
        await().untilAsserted(() -> athlete.get("/api/v1/me/coaches").expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(0));
    }

    @Test
    void aReplacedCodeNoLongerFindsTheCoach() {
        CoachId coach = coachRegisters("Coach Rotating");
        InviteCode old = codeIssued(coach, 1);
        InviteCode current = codeIssued(coach, 2);
        AthleteApi athlete = AthleteApi.register(http, "Late");

        await().untilAsserted(() -> athlete.post("/api/v1/me/coaches", "{\"inviteCode\":\"" + current + "\"}")
                .expectStatus().isCreated());
        athlete.post("/api/v1/me/coaches", "{\"inviteCode\":\"" + old + "\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("inviteCode")
                .jsonPath("$.errors[0].message").isEqualTo("is not a coach's current invite code");
    }

    @Test
    void aGrantNamesExactlyOneCoach() {
        AthleteApi athlete = AthleteApi.register(http, "Unsure");
        refused(athlete, "{}", "coachId");
        refused(athlete, "{\"inviteCode\":\"AAAAAAAAAA\",\"coachId\":\"" + UUID.randomUUID() + "\"}", "inviteCode");
        refused(athlete, "{\"inviteCode\":\"ILLEGAL0\"}", "inviteCode");
        refused(athlete, "{\"inviteCode\":\"" + InviteCode.generate(RANDOM) + "\"}", "inviteCode");
        refused(athlete, "{\"inviteCode\":7}", "inviteCode");
        athlete.get("/api/v1/me/coaches").expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
    }

    @Test
    void theListIsPagedAndOnlyEverTheAthletesOwn() {
        AthleteApi athlete = AthleteApi.register(http, "Well coached");
        AthleteApi other = AthleteApi.register(http, "Other");
        CoachId first = coachRegisters("First");
        CoachId second = coachRegisters("Second");
        grant(athlete, first, "2026-10-01T18:00:00Z");
        grant(athlete, second, "2026-10-02T18:00:00Z");

        await().untilAsserted(() -> assertThat(athlete.get("/api/v1/me/coaches?limit=1").expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("next").isNull()).isFalse());
        JsonNode page = athlete.get("/api/v1/me/coaches?limit=1").expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(page.get("items").get(0).get("displayName").asText()).isEqualTo("First");
        athlete.get("/api/v1/me/coaches?limit=1&cursor=" + page.get("next").asText()).expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].displayName").isEqualTo("Second")
                .jsonPath("$.next").isEmpty();
        athlete.get("/api/v1/me/coaches?limit=0").expectStatus().isBadRequest();

        other.get("/api/v1/me/coaches").expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
        http.get().uri("/api/v1/me/coaches").exchange().expectStatus().isUnauthorized();
    }

    private static void refused(AthleteApi athlete, String body, String field) {
        athlete.post("/api/v1/me/coaches", body).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo(field);
    }

    private void grant(AthleteApi athlete, CoachId coach, String at) {
        await().untilAsserted(() -> athlete.post("/api/v1/me/coaches", "{\"coachId\":\"" + coach + "\",\"at\":\"" + at + "\"}")
                .expectStatus().isCreated());
    }

    private CoachId coachRegisters(String name) {
        CoachId coach = new CoachId(UUID.randomUUID());
        eventStore.publish(new GenericDomainEventMessage<>("Coach", coach.toString(), 0,
                new CoachRegisteredEvent(coach, new DisplayName(name), Instant.now())));
        return coach;
    }

    private InviteCode codeIssued(CoachId coach, long sequence) {
        InviteCode code = InviteCode.generate(RANDOM);
        eventStore.publish(new GenericDomainEventMessage<>("Coach", coach.toString(), sequence,
                new CoachInviteCodeIssuedEvent(coach, code, Instant.now())));
        return code;
    }
}
