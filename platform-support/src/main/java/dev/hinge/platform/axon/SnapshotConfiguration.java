package dev.hinge.platform.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Aggregate snapshots, so an aggregate with a long history is not replayed from its first event after a restart
 * (the aggregate cache only helps while a service runs). An aggregate's state is small and does not grow with its
 * history (it holds only what its rules decide on), but reading the history to rebuild it does: an athlete logs
 * thousands of sets. An aggregate opts in with
 * {@code @Aggregate(snapshotTriggerDefinition = "snapshotTrigger")} and a {@code @Revision} for the shape of its
 * fields.
 * <p>
 * The {@link Snapshotter} is Axon's auto-configured {@code SpringAggregateSnapshotter}, kept deliberately: it runs on
 * Axon's default direct executor, so a snapshot is taken in the thread of the command that crossed the threshold,
 * after that command's transaction has committed, in a transaction of its own, from the committed events only. It
 * reads the last snapshot plus about {@code hinge.snapshot-threshold} events; a failure is logged and never fails
 * the command. An executor would only move that bounded cost off the command's thread, at the price of snapshots
 * queued in memory and lost on shutdown.
 */
@Configuration(proxyBeanMethods = false)
public class SnapshotConfiguration {

    /**
     * Every {@code hinge.snapshot-threshold} events an aggregate handles (0: never), counted from when it was loaded,
     * a snapshot read back counting as one. The in-memory aggregate cache keeps the loaded aggregate with its trigger,
     * so the count goes on across the commands it serves.
     */
    @Bean
    public SnapshotTriggerDefinition snapshotTrigger(Snapshotter snapshotter,
                                                     @Value("${hinge.snapshot-threshold}") int threshold) {
        if (threshold < 0) {
            throw new IllegalArgumentException("hinge.snapshot-threshold must be 0 (no snapshots) or more, not " + threshold);
        }
        return threshold == 0 ? NoSnapshotTriggerDefinition.INSTANCE
                : new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * The events' mapper, plus what an aggregate needs that a record does not: its private fields are its state
     * (aggregates have no getters).
     */
    public static Serializer snapshotSerializer() {
        return JacksonSerializer.builder()
                .objectMapper(SerializerConfiguration.eventMapper()
                        .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY))
                .lenientDeserialization()
                .build();
    }
}
