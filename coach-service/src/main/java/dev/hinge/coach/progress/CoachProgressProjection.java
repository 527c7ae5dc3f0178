package dev.hinge.coach.progress;

import dev.hinge.kernel.progress.ProgressView;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.platform.progress.ProgressStore;
import dev.hinge.coach.config.ReadModels;
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
import java.util.Map;
import java.util.UUID;

/** Athletes' progress as their coaches see it: the same kernel fold as the athlete's own view. */
@Component
@ProcessingGroup(ReadModels.GROUP)
public class CoachProgressProjection {
    private final ProgressStore store;

    CoachProgressProjection(JdbcClient jdbc, JdbcTemplate batches, Serializer serializer) {
        this.store = new ProgressStore(jdbc, batches, serializer, "coach");
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

    /** Each athlete's progress on the exercise given for them, read together (a roster page). */
    public Map<UUID, ProgressView> progress(Map<UUID, Exercise> exercises, Instant asOf) {
        return store.views(exercises, asOf);
    }
}
