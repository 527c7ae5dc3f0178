package dev.hinge.coach.api;

import dev.hinge.kernel.coaching.RelationshipClosedEvent;
import dev.hinge.kernel.coaching.RelationshipOpenedEvent;
import dev.hinge.kernel.coaching.Relationships;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.platform.test.FreshPostgres;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Snapshots every 5 events, with the aggregate cache on: a coaching relationship read back from a snapshot answers
 * repeats (read back from the history), retires, closes and reopens as before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "hinge.snapshot-threshold=5")
@ContextConfiguration(initializers = FreshPostgres.class)
class CoachingSnapshotsTest {
    @Autowired
    WebTestClient http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    Cache aggregateCache;

    @Test
    void aRelationshipReadFromASnapshotAnswersAsBefore() {
        AthleteSide athletes = new AthleteSide(eventStore);
        CoachApi coach = CoachApi.register(http, "Snapshot coach");
        AthleteId athlete = athletes.registers("Mark");
        athletes.grants(athlete, coach);
        String relationship = Relationships.idOf(new CoachId(coach.id()), athlete).toString();
        String cues = "/api/v1/athletes/" + athlete + "/cues";
        String deloads = "/api/v1/athletes/" + athlete + "/deloads";
        await().untilAsserted(() -> coach.get("/api/v1/athletes/" + athlete + "/timeline").expectStatus().isOk());
        UUID retired = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        UUID deload = UUID.randomUUID();
        coach.created(cues, cue(retired, "brace"));
        coach.delete(cues + "/" + retired).expectStatus().isNoContent();
        coach.created(cues, cue(kept, "chest up"));
        coach.created(deloads, deload(deload, 50));
        assertThat(snapshots(relationship)).containsExactly(4L);  // opened, cue, retired, cue, deload

        aggregateCache.removeAll();
        DomainEventMessage<?> first = eventStore.readEvents(relationship).next();
        assertThat(first.getPayload().getClass().getSimpleName()).isEqualTo("CoachingRelationship");

        assertThat(coach.created(cues, cue(kept, "knees out")).get("text").asText()).isEqualTo("chest up");
        assertThat(coach.created(deloads, deload(deload, 60)).get("percent").asInt()).isEqualTo(50);
        coach.delete(cues + "/" + retired).expectStatus().isNoContent();
        assertThat(sequences(relationship)).hasSize(5);  // repeats, and a cue retired before

        coach.created(cues, cue(UUID.randomUUID(), "hips down"));
        athletes.revokes(athlete, coach);
        await().untilAsserted(() -> assertThat(sequences(relationship)).hasSize(7));
        athletes.grants(athlete, coach);
        await().untilAsserted(() -> assertThat(sequences(relationship)).hasSize(8));
        assertThat(jdbc.sql("select payload_type from domain_event_entry where aggregate_identifier = ? order by sequence_number")
                .param(relationship).query(String.class).list())
                .endsWith(RelationshipClosedEvent.class.getName(), RelationshipOpenedEvent.class.getName());
        assertThat(sequences(relationship)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    private List<Long> snapshots(String relationship) {
        return jdbc.sql("select sequence_number from snapshot_event_entry where aggregate_identifier = ?")
                .param(relationship).query(Long.class).list();
    }

    private List<Long> sequences(String relationship) {
        return jdbc.sql("select sequence_number from domain_event_entry where aggregate_identifier = ? order by 1")
                .param(relationship).query(Long.class).list();
    }

    private static String cue(UUID id, String text) {
        return "{\"id\":\"" + id + "\",\"text\":\"" + text + "\",\"exercise\":\"deadlift\"}";
    }

    private static String deload(UUID id, int percent) {
        return "{\"id\":\"" + id + "\",\"exercise\":\"deadlift\",\"percent\":" + percent
                + ",\"referenceMax\":{\"value\":365,\"unit\":\"lb\"}}";
    }
}
