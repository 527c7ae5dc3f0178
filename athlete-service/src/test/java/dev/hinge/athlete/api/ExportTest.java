package dev.hinge.athlete.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.hinge.kernel.access.CoachAccessGrantedEvent;
import dev.hinge.kernel.account.CoachRegisteredEvent;
import dev.hinge.kernel.account.DisplayName;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.pain.PainQuality;
import dev.hinge.kernel.pain.PainReport;
import dev.hinge.kernel.pain.PainReportId;
import dev.hinge.kernel.pain.PainReportedEvent;
import dev.hinge.kernel.pain.PainScore;
import dev.hinge.kernel.training.ChecklistItem;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.Load;
import dev.hinge.kernel.training.Reps;
import dev.hinge.kernel.training.Rpe;
import dev.hinge.kernel.training.SetId;
import dev.hinge.kernel.training.SetLoggedEvent;
import dev.hinge.kernel.training.WeightUnit;
import dev.hinge.platform.test.Csv;
import dev.hinge.platform.test.FreshPostgres;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An athlete with 1,000 sets takes their history away: the JSON export holds exactly the timeline's items, and the
 * CSV one row per set, field by field as on the timeline.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshPostgres.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportTest {
    private static final int SETS = 1000;
    private static final Instant START = Instant.parse("2016-01-04T18:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    WebTestClient http;
    @Autowired
    EventStore eventStore;

    AthleteApi lifter;
    CoachId coach;
    /** The lifter's whole timeline, read page by page with GET /api/v1/me/timeline. */
    List<JsonNode> timeline;

    @BeforeAll
    void aLongHistory() {
        http = http.mutate().responseTimeout(Duration.ofMinutes(1))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
        lifter = AthleteApi.register(http, "Ten Years");
        coach = new CoachId(UUID.randomUUID());
        eventStore.publish(new GenericDomainEventMessage<>("Coach", coach.toString(), 0,
                new CoachRegisteredEvent(coach, new DisplayName("Coach Long"), START)));
        AthleteId athlete = new AthleteId(lifter.id());
        List<DomainEventMessage<?>> history = new ArrayList<>();
        history.add(message(athlete, 1, new CoachAccessGrantedEvent(athlete, coach, START.minusSeconds(60))));
        for (int i = 0; i < SETS; i++) {
            history.add(message(athlete, history.size() + 1, set(athlete, i)));
        }
        history.add(message(athlete, history.size() + 1, new PainReportedEvent(athlete, new PainReportId(UUID.randomUUID()),
                new PainReport(new PainScore(3), "lower back", PainQuality.SORENESS), Exercise.DEADLIFT,
                START.plusSeconds(3600L * SETS), "the morning after")));
        eventStore.publish(history);
        // the last item to be projected: then all are (one athlete's events are handled in order)
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                lifter.timeline("?from=" + START.plusSeconds(3600L * SETS)).get("items").size() == 1);
        timeline = pages(lifter, "/api/v1/me/timeline?limit=500");
    }

    /** Every kind of set: no pain answer, pain-free, sore, sharp; kg and lb; with and without RPE, checklist, notes. */
    private static SetLoggedEvent set(AthleteId athlete, int i) {
        PainReport pain = switch (i % 4) {
            case 0 -> null;
            case 1 -> PainReport.NONE;
            case 2 -> new PainReport(new PainScore(2), "glutes, left", PainQuality.SORENESS);
            default -> new PainReport(new PainScore(5), "lower \"back\"", PainQuality.SHARP);
        };
        Load load = i % 2 == 0 ? Load.of("102.125", WeightUnit.KG) : Load.of(String.valueOf(135 + i % 50 * 5), WeightUnit.LB);
        String notes = i % 5 == 0 ? "felt, \"fine\"\nnext line" : i % 7 == 0 ? "=1+1" : null;
        return new SetLoggedEvent(athlete, new SetId(UUID.randomUUID()), i % 3 == 0 ? new Exercise("back_squat") : Exercise.DEADLIFT,
                load, new Reps(1 + i % 10), i % 3 == 1 ? null : new Rpe(new BigDecimal("8.5")),
                START.plusSeconds(3600L * i), pain, i % 2 == 0 ? List.of(ChecklistItem.FEET_POSITION, ChecklistItem.GRIP) : List.of(),
                notes);
    }

    @Test
    void theJsonExportHoldsTheAccountTheCoachesAndEveryTimelineItem() throws IOException {
        EntityExchangeResult<byte[]> result = lifter.get("/api/v1/me/export").expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader().valueEquals("Content-Disposition",
                        "attachment; filename=\"hinge-export-" + LocalDate.now(ZoneOffset.UTC) + ".json\"")
                .expectBody().returnResult();
        JsonNode export = JSON.readTree(result.getResponseBody());

        assertThat(export.get("account").get("id").asText()).isEqualTo(lifter.id().toString());
        assertThat(export.get("account").get("displayName").asText()).isEqualTo("Ten Years");
        assertThat(export.get("account").get("email").asText()).startsWith("ten.years+");
        assertThat(export.get("coaches")).hasSize(1);
        assertThat(export.get("coaches").get(0).get("displayName").asText()).isEqualTo("Coach Long");
        assertThat(export.get("coaches").get(0).get("since").asText()).isEqualTo(START.minusSeconds(60).toString());
        List<JsonNode> items = new ArrayList<>();
        export.get("timeline").forEach(items::add);
        assertThat(items).hasSize(SETS + 2);
        for (int i = 0; i < items.size(); i++) {
            assertThat(items.get(i)).as("item %d", i).isEqualTo(timeline.get(i));
        }
        assertThat(export.get("timeline").findValuesAsText("type")).contains("coach_access_granted", "set_logged", "pain_reported");
    }

    @Test
    void theCsvExportHasOneRowPerSetFieldByFieldAsOnTheTimeline() {
        EntityExchangeResult<byte[]> result = lifter.get("/api/v1/me/export?format=csv").expectStatus().isOk()
                .expectHeader().contentType("text/csv;charset=UTF-8")
                .expectHeader().valueEquals("Content-Disposition",
                        "attachment; filename=\"hinge-sets-" + LocalDate.now(ZoneOffset.UTC) + ".csv\"")
                .expectBody().returnResult();
        String csv = new String(result.getResponseBody(), StandardCharsets.UTF_8);
        assertThat(csv).endsWith("\r\n");
        List<List<String>> rows = Csv.parse(csv);

        assertThat(rows.get(0)).containsExactly("id", "performedAt", "exercise", "loadValue", "loadUnit", "reps", "rpe",
                "painScore", "painQuality", "painLocation", "checklist", "notes");
        List<JsonNode> sets = timeline.stream().filter(i -> i.get("type").asText().equals("set_logged"))
                .map(i -> i.get("data")).toList();
        assertThat(rows).hasSize(SETS + 1);
        for (int i = 0; i < SETS; i++) {
            assertRow(rows.get(i + 1), sets.get(i));
        }
        assertThat(rows.get(1).subList(7, 10)).as("no pain answer: not reported, not 0").containsExactly("", "", "");
        assertThat(rows.get(2).subList(7, 10)).containsExactly("0", "none", "");
        assertThat(rows.get(1).get(11)).isEqualTo("felt, \"fine\"\nnext line");
        assertThat(rows.get(8).get(11)).as("a formula is shown, not run").isEqualTo("'=1+1");
    }

    private static void assertRow(List<String> row, JsonNode set) {
        String id = set.get("id").asText();
        assertThat(row).as(id).hasSize(12);
        assertThat(row.get(0)).isEqualTo(id);
        assertThat(row.get(1)).as(id).isEqualTo(set.get("performedAt").asText());
        assertThat(row.get(2)).as(id).isEqualTo(set.get("exercise").asText());
        assertThat(new BigDecimal(row.get(3))).as(id).isEqualByComparingTo(set.get("load").get("value").decimalValue());
        assertThat(row.get(4)).as(id).isEqualTo(set.get("load").get("unit").asText());
        assertThat(row.get(5)).as(id).isEqualTo(set.get("reps").asText());
        assertThat(row.get(6)).as(id).isEqualTo(set.get("rpe").isNull() ? "" : set.get("rpe").decimalValue().toPlainString());
        JsonNode pain = set.get("pain");
        assertThat(row.get(7)).as(id).isEqualTo(pain.isNull() ? "" : pain.get("score").asText());
        assertThat(row.get(8)).as(id).isEqualTo(pain.isNull() ? "" : pain.get("quality").asText());
        assertThat(row.get(9)).as(id).isEqualTo(pain.isNull() || pain.get("location").isNull() ? "" : pain.get("location").asText());
        List<String> checklist = new ArrayList<>();
        set.get("checklist").forEach(c -> checklist.add(c.asText()));
        assertThat(row.get(10)).as(id).isEqualTo(String.join(";", checklist));
        String notes = set.get("notes").isNull() ? "" : set.get("notes").asText();
        assertThat(row.get(11)).as(id).isEqualTo(notes.startsWith("=") ? "'" + notes : notes);
    }

    @Test
    void anExportIsOnlyEverTheAthletesOwn() throws IOException {
        AthleteApi other = AthleteApi.register(http, "Someone Else");
        JsonNode theirs = JSON.readTree(other.get("/api/v1/me/export").expectStatus().isOk().expectBody()
                .returnResult().getResponseBody());
        assertThat(theirs.get("account").get("id").asText()).isEqualTo(other.id().toString());
        assertThat(theirs.get("timeline")).isEmpty();
        assertThat(theirs.get("coaches")).isEmpty();
        String csv = new String(other.get("/api/v1/me/export?format=csv").expectStatus().isOk().expectBody()
                .returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(Csv.parse(csv)).hasSize(1);

        http.get().uri("/api/v1/me/export").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/v1/me/export?format=csv").exchange().expectStatus().isUnauthorized();
        lifter.get("/api/v1/me/export?format=pdf").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("format");
    }

    private static List<JsonNode> pages(AthleteApi athlete, String path) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = athlete.timeline(path.substring("/api/v1/me/timeline".length())
                    + (cursor == null ? "" : "&cursor=" + cursor));
            ((ArrayNode) page.get("items")).forEach(items::add);
            cursor = page.get("next").isNull() ? null : page.get("next").asText();
        } while (cursor != null);
        return items;
    }

    private static DomainEventMessage<?> message(AthleteId athlete, long sequence, Object event) {
        return new GenericDomainEventMessage<>("Athlete", athlete.toString(), sequence, event);
    }
}
