package dev.hinge.readside.timeline;

import dev.hinge.kernel.timeline.Timeline;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;

/**
 * A timeline read model: every event about an athlete, from both services, as the kernel describes it, kept in the
 * store's table. Both services keep one (the athlete's own, and every athlete's as their coaches read it), each
 * instantiating this class with its own table and putting it in its read models' processing group.
 */
public class TimelineProjection {
    private final TimelineStore store;

    public TimelineProjection(TimelineStore store) {
        this.store = store;
    }

    @EventHandler
    void on(Object event, EventMessage<?> message, TrackingToken token) {
        Timeline.describe(event).ifPresent(entry -> store.record(entry, message, token));
    }

    @ResetHandler
    void reset() {
        store.clear();
    }

    public TimelineStore store() {
        return store;
    }
}
