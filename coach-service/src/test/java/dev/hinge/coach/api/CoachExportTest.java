package dev.hinge.coach.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hinge.kernel.coaching.CueAssignedEvent;
import dev.hinge.kernel.coaching.CueId;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.pain.PainQuality;
import dev.hinge.kernel.pain.PainReport;
import dev.hinge.kernel.pain.PainScore;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.Load;
import dev.hinge.kernel.training.WeightUnit;
import dev.hinge.platform.test.Csv;
import dev.hinge.platform.test.FreshPostgres;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A coach downloads a granted athlete's sets as CSV and prints a progress summary; nobody else gets either. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshPostgres.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoachExportTest {
    private static final Instant DAY_0 = Instant.parse("2026-10-01T18:00:00Z");
    private static final int SETS = 30;

    @Autowired
    WebTestClient http;
    @Autowired
    EventStore eventStore;

    AthleteSide athletes;
    CoachApi coach;
    AthleteId athlete;

    @BeforeAll
    void anAthleteWhoGrantedAccess() {
        http = http.mutate().responseTimeout(Duration.ofMinutes(1)).build();
        athletes = new AthleteSide(eventStore);
        coach = CoachApi.register(http, "Coach Export");
        athlete = athletes.registers("Mark <b>&</b>");
        athletes.grants(athlete, coach);
        for (int i = 0; i < SETS; i++) {
            PainReport pain = i % 3 == 0 ? null : i % 3 == 1 ? PainReport.NONE
                    : new PainReport(new PainScore(2), "lower back, left", PainQuality.SORENESS);
            athletes.logsSet(athlete, "deadlift", i % 2 == 0 ? Load.lb(185 + i * 5) : Load.of("82.5", WeightUnit.KG),
                    pain, DAY_0.plus(Duration.ofDays(i)));
        }
        athletes.append(athlete, new CueAssignedEvent(athlete, new CoachId(coach.id()), new CueId(UUID.randomUUID()),
                "chest <up>", Exercise.DEADLIFT, null, null, null, DAY_0));
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(coach.timeline(athlete, "?limit=500")
                .get("items")).hasSize(SETS + 2));
    }

    @Test
    void theSetsCsvHoldsEverySetFieldByFieldAsOnTheTimeline() {
        byte[] body = coach.get("/api/v1/athletes/" + athlete + "/export?format=csv").expectStatus().isOk()
                .expectHeader().contentType("text/csv;charset=UTF-8")
                .expectHeader().value("Content-Disposition", d -> assertThat(d)
                        .startsWith("attachment; filename=\"hinge-sets-" + athlete + "-").endsWith(".csv\""))
                .expectBody().returnResult().getResponseBody();
        List<List<String>> rows = Csv.parse(new String(body, StandardCharsets.UTF_8));

        List<JsonNode> sets = new ArrayList<>();
        coach.timeline(athlete, "?limit=500").get("items").forEach(item -> {
            if (item.get("type").asText().equals("set_logged")) {
                sets.add(item.get("data"));
            }
        });
        assertThat(rows).hasSize(SETS + 1);
        for (int i = 0; i < SETS; i++) {
            List<String> row = rows.get(i + 1);
            JsonNode set = sets.get(i);
            assertThat(row.get(0)).isEqualTo(set.get("id").asText());
            assertThat(row.get(1)).isEqualTo(set.get("performedAt").asText());
            assertThat(new BigDecimal(row.get(3))).isEqualByComparingTo(set.get("load").get("value").decimalValue());
            assertThat(row.get(4)).isEqualTo(set.get("load").get("unit").asText());
            assertThat(row.get(7)).isEqualTo(set.get("pain").isNull() ? "" : set.get("pain").get("score").asText());
            assertThat(row.get(9)).isEqualTo(set.get("pain").isNull() ? "" : set.get("pain").get("location").asText(""));
        }
        assertThat(rows.get(1).subList(3, 5)).containsExactly("185", "lb");
        assertThat(rows.get(2).subList(3, 5)).containsExactly("82.5", "kg");
        assertThat(rows.get(3).get(9)).isEqualTo("lower back, left");
    }

    @Test
    void theSummaryIsOnePrintablePageWithStoredTextEscaped() {
        String html = coach.get("/api/v1/athletes/" + athlete + "/summary?exercise=deadlift&asOf=2026-10-31T00:00:00Z")
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().value("Content-Disposition", d -> assertThat(d).startsWith("inline; filename=\"hinge-summary-"))
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(html).contains("<h1>Mark &lt;b&gt;&amp;&lt;/b&gt;: Deadlift</h1>")
                .contains("chest &lt;up&gt;")
                .doesNotContain("<b>&</b>", "<up>")
                .contains("<th>Status</th>")
                .contains("Deadlift 82.5 kg × 5, pain 2/10 soreness (lower back, left)")
                .contains("<th>Latest session's pain</th><td>2/10 soreness on 2026-10-30</td>");
        assertThat(html.split("<tr><td>", -1).length - 1).as("timeline rows").isLessThanOrEqualTo(40);

        String notReported = coach.get("/api/v1/athletes/" + athlete + "/summary?exercise=deadlift&asOf=2026-10-28T19:00:00Z")
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(notReported).contains("<th>Latest session's pain</th><td>not reported</td>");
        coach.get("/api/v1/athletes/" + athlete + "/summary").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("exercise");
    }

    @Test
    void onlyAGrantedCoachGetsTheExportOrTheSummary() {
        CoachApi stranger = CoachApi.register(http, "Stranger");
        CoachApi former = CoachApi.register(http, "Former");
        AthleteId other = athletes.registers("Other");
        athletes.grants(other, former);
        await().untilAsserted(() -> former.get("/api/v1/athletes/" + other + "/timeline").expectStatus().isOk());
        athletes.revokes(other, former);
        await().untilAsserted(() -> former.get("/api/v1/athletes/" + other + "/timeline").expectStatus().isNotFound());

        for (String route : List.of("/export?format=csv", "/summary?exercise=deadlift")) {
            stranger.get("/api/v1/athletes/" + athlete + route).expectStatus().isNotFound();
            former.get("/api/v1/athletes/" + other + route).expectStatus().isNotFound();
            coach.get("/api/v1/athletes/" + other + route).expectStatus().isNotFound();
            coach.get("/api/v1/athletes/" + UUID.randomUUID() + route).expectStatus().isNotFound();
            http.get().uri("/api/v1/athletes/" + athlete + route).exchange().expectStatus().isUnauthorized();
        }
        coach.get("/api/v1/athletes/" + athlete + "/export").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("format");
        coach.get("/api/v1/athletes/" + athlete + "/export?format=json").expectStatus().isBadRequest();
    }
}
