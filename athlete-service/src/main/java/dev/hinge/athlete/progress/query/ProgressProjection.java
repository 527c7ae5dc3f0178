package dev.hinge.athlete.progress.query;

import dev.hinge.kernel.progress.ProgressView;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.platform.progress.ProgressStore;
import dev.hinge.athlete.config.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/** The athlete's own progress: the kernel's fold over their events, from both services. */
@Component
@ProcessingGroup(ReadModels.GROUP)
public class ProgressProjection {
    private final ProgressStore store;

    ProgressProjection(JdbcClient jdbc, JdbcTemplate batches, Serializer serializer) {
        this.store = new ProgressStore(jdbc, batches, serializer, "athlete");
    }

    @EventHandler
    void on(Object event, EventMessage<?> message, TrackingToken token) {
        store.record(event, message, token);
    }

    @ResetHandler
    void reset() {
        store.clear();
    }

    public ProgressView progress(UUID athleteId, Exercise exercise, Instant asOf) {
        return store.view(athleteId, exercise, asOf);
    }
}
