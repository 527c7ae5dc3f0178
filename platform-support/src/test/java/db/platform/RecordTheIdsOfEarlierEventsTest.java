package db.platform;

import dev.hinge.platform.test.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** V31 on a store that already holds events: their ids are recorded where they sit, as the services would have. */
class RecordTheIdsOfEarlierEventsTest {

    @Test
    void theIdsOfEventsStoredBeforeTheTableAreRecordedAtTheirSequence() {
        TestDatabase.Connection db = TestDatabase.fresh();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(), db.username(), db.password());
        JdbcClient jdbc = JdbcClient.create(dataSource);
        platform(dataSource).target("30").load().migrate();
        String athlete = UUID.randomUUID().toString();
        String relationship = UUID.randomUUID().toString();
        UUID set = UUID.randomUUID();
        UUID video = UUID.randomUUID();
        UUID cue = UUID.randomUUID();
        append(jdbc, athlete, 0, "dev.hinge.kernel.account.AthleteRegisteredEvent",
                "{\"athleteId\":{\"value\":\"" + athlete + "\"},\"displayName\":{\"value\":\"Mark\"},\"at\":\"2026-10-01T18:00:00Z\"}");
        append(jdbc, athlete, 1, "dev.hinge.kernel.training.SetLoggedEvent",
                "{\"athleteId\":{\"value\":\"" + athlete + "\"},\"setId\":{\"value\":\"" + set + "\"},\"exercise\":{\"slug\":\"deadlift\"}}");
        append(jdbc, athlete, 2, "dev.hinge.kernel.training.VideoAttachedEvent",
                "{\"athleteId\":{\"value\":\"" + athlete + "\"},\"videoId\":{\"value\":\"" + video + "\"},\"setId\":{\"value\":\"" + set + "\"}}");
        append(jdbc, relationship, 0, "dev.hinge.kernel.coaching.CueAssignedEvent", "{\"cueId\":{\"value\":\"" + cue + "\"}}");
        append(jdbc, relationship, 1, "dev.hinge.kernel.coaching.CueRetiredEvent", "{\"cueId\":{\"value\":\"" + cue + "\"}}");

        platform(dataSource).load().migrate();

        assertThat(jdbc.sql("select aggregate_identifier || ' ' || kind || ' ' || client_id || ' ' || sequence_number from recorded_id")
                .query(String.class).list()).containsExactlyInAnyOrderElementsOf(List.of(
                athlete + " set " + set + " 1",
                athlete + " video " + video + " 2",
                relationship + " cue " + cue + " 0",
                relationship + " cue-retirement " + cue + " 1"));
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration platform(DriverManagerDataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/platform").table("platform_schema_history");
    }

    private static void append(JdbcClient jdbc, String aggregate, long sequence, String type, String payload) {
        jdbc.sql("""
                        insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                            payload_type, payload) values (?, ?, ?, 'Athlete', '2026-10-01T18:00:00Z', ?, ?)""")
                .params(UUID.randomUUID().toString(), aggregate, sequence, type, payload.getBytes(StandardCharsets.UTF_8))
                .update();
    }
}
