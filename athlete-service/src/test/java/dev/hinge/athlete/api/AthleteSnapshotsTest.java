package dev.hinge.athlete.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hinge.kernel.account.CoachRegisteredEvent;
import dev.hinge.kernel.account.DisplayName;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.platform.test.FreshPostgres;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
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
import static org.awaitility.Awaitility.await;

/**
 * Snapshots every 5 events, with the aggregate cache on (as in production): the cache keeps counting towards the
 * next snapshot, and an athlete read back from a snapshot answers as before (a repeat's answer is read back from
 * the history at the position the snapshot recorded).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "hinge.snapshot-threshold=5")
@ContextConfiguration(initializers = FreshPostgres.class)
class AthleteSnapshotsTest {
    @Autowired
    WebTestClient http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    Cache aggregateCache;

    @Test
    void theCachedAthleteIsSnapshottedEveryFiveEventsItHandles() {
        AthleteApi athlete = AthleteApi.register(http, "Counted");
        assertThat(aggregateCache.containsKey(athlete.id().toString())).isTrue();

        for (int set = 1; set <= 3; set++) {
            athlete.logSet(set(UUID.randomUUID(), 200 + set));  // one event each, the athlete served from the cache
        }
        assertThat(snapshots(athlete)).isEmpty();
        athlete.logSet(set(UUID.randomUUID(), 204));
        assertThat(snapshots(athlete)).containsExactly(4L);  // registration + 4 sets; taken before the answer came

        for (int set = 5; set <= 9; set++) {
            athlete.logSet(set(UUID.randomUUID(), 200 + set));
        }
        // 5 more events: the cached athlete kept its count. (Loaded from the store for each command, the snapshot
        // read back would count as one event too, and the next one would come at 8.) The newer replaces the older.
        assertThat(snapshots(athlete)).containsExactly(9L);
    }

    @Test
    void anAthleteReadFromASnapshotAnswersRepeatsGrantsAndRevokesAsBefore() {
        AthleteApi athlete = AthleteApi.register(http, "Snapshotted");
        CoachId coach = new CoachId(UUID.randomUUID());
        eventStore.publish(new GenericDomainEventMessage<>("Coach", coach.toString(), 0,
                new CoachRegisteredEvent(coach, new DisplayName("Coach Carter"), Instant.now())));
        await().untilAsserted(() -> athlete.post("/api/v1/me/coaches", "{\"coachId\":\"" + coach + "\"}")
                .expectStatus().isCreated());
        UUID filmed = UUID.randomUUID();
        JsonNode filmedSet = athlete.logSet(set(filmed, 315).replace("}}", "},\"videoUrl\":\"https://example.com/a.mp4\"}"));
        UUID painReport = UUID.randomUUID();
        String pain = "{\"id\":\"" + painReport + "\",\"score\":2,\"quality\":\"soreness\",\"location\":\"hamstrings\"}";
        athlete.post("/api/v1/me/pain-reports", pain).expectStatus().isCreated();
        assertThat(snapshots(athlete)).containsExactly(4L);  // registration, grant, set + video, pain

        aggregateCache.removeAll();
        // what the repository reads first: the snapshot, then only the events after it (none yet)
        assertThat(firstEventRead(athlete).getPayloadType().getSimpleName()).isEqualTo("Athlete");
        assertThat(events(athlete)).isEqualTo(5);

        JsonNode repeated = athlete.logSet(set(filmed, 405).replace("}}", "},\"videoUrl\":\"https://example.com/b.mp4\"}"));
        assertThat(repeated.get("load").get("value").asInt()).isEqualTo(315);
        assertThat(repeated.get("videoId").asText()).isEqualTo(filmedSet.get("videoId").asText());
        assertThat(repeated.get("videoUrl").asText()).isEqualTo("https://example.com/a.mp4");
        athlete.post("/api/v1/me/pain-reports", pain.replace("\"score\":2", "\"score\":3")).expectStatus().isCreated()
                .expectBody().jsonPath("$.score").isEqualTo(2);
        athlete.post("/api/v1/me/coaches", "{\"coachId\":\"" + coach + "\"}").expectStatus().isCreated();
        assertThat(events(athlete)).isEqualTo(5);  // repeats, and a grant the athlete had already given

        athlete.post("/api/v1/me/sets/" + filmed + "/videos", "{\"url\":\"https://example.com/c.mp4\"}")
                .expectStatus().isCreated();  // the set is known: no 404
        athlete.logSet(set(UUID.randomUUID(), 235));
        athlete.delete("/api/v1/me/coaches/" + coach).expectStatus().isNoContent();
        athlete.delete("/api/v1/me/coaches/" + coach).expectStatus().isNotFound();
        assertThat(jdbc.sql("select sequence_number from domain_event_entry where aggregate_identifier = ? order by 1")
                .param(athlete.id().toString()).query(Long.class).list()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void aSnapshotOfAnotherRevisionOfTheAthleteIsIgnored() {
        AthleteApi athlete = AthleteApi.register(http, "Revised");
        UUID first = UUID.randomUUID();
        athlete.logSet(set(first, 200));
        for (int set = 2; set <= 4; set++) {
            athlete.logSet(set(UUID.randomUUID(), 200 + set));
        }
        assertThat(snapshots(athlete)).containsExactly(4L);
        jdbc.sql("update snapshot_event_entry set payload_revision = '0' where aggregate_identifier = ?")
                .param(athlete.id().toString()).update();
        aggregateCache.removeAll();

        assertThat(firstEventRead(athlete).getSequenceNumber()).isZero();
        long before = events(athlete);
        assertThat(athlete.logSet(set(first, 300)).get("load").get("value").asInt()).isEqualTo(200);
        assertThat(events(athlete)).isEqualTo(before);
    }

    private List<Long> snapshots(AthleteApi athlete) {
        return jdbc.sql("select sequence_number from snapshot_event_entry where aggregate_identifier = ?")
                .param(athlete.id().toString()).query(Long.class).list();
    }

    private long events(AthleteApi athlete) {
        return jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ?")
                .param(athlete.id().toString()).query(Long.class).single();
    }

    private DomainEventMessage<?> firstEventRead(AthleteApi athlete) {
        DomainEventMessage<?> first = eventStore.readEvents(athlete.id().toString()).next();
        first.getPayload();  // deserialized here, so a snapshot that cannot be read fails the test
        return first;
    }

    private static String set(UUID id, int pounds) {
        return "{\"id\":\"" + id + "\",\"exercise\":\"deadlift\",\"load\":{\"value\":" + pounds + ",\"unit\":\"lb\"},"
                + "\"reps\":5,\"performedAt\":\"2026-10-01T18:00:00Z\",\"pain\":{\"score\":0,\"quality\":\"none\"}}";
    }
}
