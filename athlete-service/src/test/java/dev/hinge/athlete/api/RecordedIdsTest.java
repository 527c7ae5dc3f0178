package dev.hinge.athlete.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hinge.kernel.access.CoachAccessGrantedEvent;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.Load;
import dev.hinge.kernel.training.Reps;
import dev.hinge.kernel.training.SetId;
import dev.hinge.kernel.training.SetLoggedEvent;
import dev.hinge.platform.test.FreshPostgres;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ids an athlete logged things under are kept in {@code recorded_id}, beside the events: a row is committed with
 * its event or not at all, and a second row for the same id is refused before anything is appended.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = FreshPostgres.class)
class RecordedIdsTest {
    @Autowired
    WebTestClient http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStore eventStore;

    @Test
    void aLoggedSetIsRecordedAtItsPlaceInTheHistoryAndARepeatIsAnsweredFromThere() {
        AthleteApi athlete = AthleteApi.register(http, "Recorded");
        UUID set = UUID.randomUUID();
        JsonNode first = athlete.logSet(set(set, 200, "https://example.com/a.mp4"));

        assertThat(recorded(athlete)).containsExactlyInAnyOrder("set " + set + " 1",
                "video " + first.get("videoId").asText() + " 2");
        assertThat(athlete.logSet(set(set, 300, null))).isEqualTo(first);
        assertThat(events(athlete)).isEqualTo(3);
    }

    @Test
    void aSetWhoseAppendFailsLeavesNoRecordAndItsRetryIsLogged() {
        AthleteApi athlete = AthleteApi.register(http, "Raced");
        athlete.logSet(set(UUID.randomUUID(), 200, null));
        // another writer takes the athlete's next position in the store, behind the cached athlete's back
        eventStore.publish(new GenericDomainEventMessage<>("Athlete", athlete.id().toString(), 2,
                new CoachAccessGrantedEvent(new AthleteId(athlete.id()), new CoachId(UUID.randomUUID()), Instant.now())));

        UUID set = UUID.randomUUID();
        athlete.post("/api/v1/me/sets", set(set, 210, null)).expectStatus().value(status ->
                assertThat(status).isGreaterThanOrEqualTo(400));
        assertThat(recorded(athlete)).noneMatch(row -> row.contains(set.toString()));
        assertThat(events(athlete)).isEqualTo(3);

        JsonNode retried = athlete.logSet(set(set, 210, null));
        assertThat(retried.get("load").get("value").asInt()).isEqualTo(210);
        assertThat(recorded(athlete)).contains("set " + set + " 3");
        assertThat(events(athlete)).isEqualTo(4);
    }

    @Test
    void aSecondEventRecordingTheSameIdIsRefusedAndNotAppended() {
        AthleteApi athlete = AthleteApi.register(http, "Twice");
        UUID set = UUID.randomUUID();
        athlete.logSet(set(set, 200, null));

        SetLoggedEvent again = new SetLoggedEvent(new AthleteId(athlete.id()), new SetId(set), Exercise.DEADLIFT,
                Load.lb(225), new Reps(5), null, Instant.parse("2026-10-01T18:00:00Z"), null, List.of(), null);
        assertThatThrownBy(() -> eventStore.publish(new GenericDomainEventMessage<>("Athlete", athlete.id().toString(), 2, again)))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(events(athlete)).isEqualTo(2);
        assertThat(recorded(athlete)).containsExactly("set " + set + " 1");
    }

    private List<String> recorded(AthleteApi athlete) {
        return jdbc.sql("select kind || ' ' || client_id || ' ' || sequence_number from recorded_id where aggregate_identifier = ?")
                .param(athlete.id().toString()).query(String.class).list();
    }

    private long events(AthleteApi athlete) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ?")
                .param(athlete.id().toString()).query(Long.class).single();
    }

    private static String set(UUID id, int pounds, String videoUrl) {
        return "{\"id\":\"" + id + "\",\"exercise\":\"deadlift\",\"load\":{\"value\":" + pounds + ",\"unit\":\"lb\"},\"reps\":5"
                + (videoUrl == null ? "" : ",\"videoUrl\":\"" + videoUrl + "\"") + "}";
    }
}
