package dev.hinge.readside.progress;

import dev.hinge.kernel.progress.ProgressView;
import dev.hinge.kernel.training.Exercise;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A progress read model: the kernel's fold over each athlete's events, from both services, kept in the store's
 * tables. Both services keep one (the athlete's own view, and the athletes' progress as their coaches see it), each
 * instantiating this class with its own table prefix and putting it in its read models' processing group.
 */
public class ProgressProjection {
    private final ProgressStore store;

    public ProgressProjection(ProgressStore store) {
        this.store = store;
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

    /** The exercises the athlete has progress on, by slug (a page's exercise picker). */
    public List<Exercise> exercises(UUID athleteId) {
        return store.exercises(athleteId);
    }

    /** Each athlete's progress on the exercise given for them, read together (a roster page). */
    public Map<UUID, ProgressView> progress(Map<UUID, Exercise> exercises, Instant asOf) {
        return store.views(exercises, asOf);
    }
}
