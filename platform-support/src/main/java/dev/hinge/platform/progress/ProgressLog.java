package dev.hinge.platform.progress;

import dev.hinge.kernel.progress.ProgressFold;
import dev.hinge.kernel.progress.ProgressView;
import dev.hinge.kernel.training.Exercise;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import dev.hinge.platform.axon.BatchedInserts;
import dev.hinge.platform.axon.StorePosition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The progress read model both services keep (each in its own table): the events the kernel's fold reads, per
 * athlete. A view is folded when asked, because it depends on the moment asked about ({@code asOf}, weeks since
 * the deload); late events simply join the log and the fold puts them in their place.
 */
public class ProgressLog {
    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final String table;

    private final BatchedInserts inserts;

    public ProgressLog(JdbcClient jdbc, JdbcTemplate batches, Serializer serializer, String table) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.table = table;
        this.inserts = new BatchedInserts(batches, "insert into " + table
                + " (athlete_id, event_id, position, payload_type, payload_revision, payload) values (?, ?, ?, ?, ?, ?)"
                + " on conflict do nothing");
    }

    /** Keeps {@code event} if the fold reads it (in the processor's transaction). */
    public void record(Object event, EventMessage<?> message, TrackingToken token) {
        ProgressFold.athleteOf(event).ifPresent(athlete -> {
            // the bytes the store already holds (read from it, the message keeps them): no serializing again
            SerializedObject<byte[]> payload = message.serializePayload(serializer, byte[].class);
            long position = StorePosition.of(token);
            inserts.add(athlete.value(), UUID.fromString(message.getIdentifier()), position,
                    payload.getType().getName(), payload.getType().getRevision(), payload.getData());
        });
    }

    public void clear() {
        jdbc.sql("delete from " + table).update();
    }

    public List<Object> events(UUID athleteId) {
        return jdbc.sql("select payload_type, payload_revision, payload from " + table + " where athlete_id = ? order by position")
                .params(athleteId)
                .query((rs, n) -> serializer.deserialize(new SimpleSerializedObject<>(rs.getBytes(3), byte[].class,
                        rs.getString(1), rs.getString(2))))
                .list();
    }

    /** The athlete's progress on {@code exercise} as of {@code asOf} (sessions by UTC calendar day). */
    public ProgressView view(UUID athleteId, Exercise exercise, Instant asOf) {
        return ProgressFold.fold(exercise, events(athleteId), asOf, ZoneOffset.UTC);
    }
}
