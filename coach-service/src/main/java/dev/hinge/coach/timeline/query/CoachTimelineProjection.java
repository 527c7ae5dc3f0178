package dev.hinge.coach.timeline.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hinge.kernel.timeline.Timeline;
import dev.hinge.platform.timeline.TimelineStore;
import dev.hinge.platform.timeline.TimelineUpdates;
import dev.hinge.coach.config.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every athlete's timeline as their coaches read it; routes show it only to coaches with a live grant. */
@Component
@ProcessingGroup(ReadModels.GROUP)
public class CoachTimelineProjection {
    private final TimelineStore store;
    private final JdbcClient jdbc;

    CoachTimelineProjection(JdbcClient jdbc, JdbcTemplate batches, ObjectMapper json, TimelineUpdates updates) {
        this.jdbc = jdbc;
        this.store = new TimelineStore(jdbc, batches, json, updates, "coach_timeline_item");
    }

    @EventHandler
    void on(Object event, EventMessage<?> message, TrackingToken token) {
        Timeline.describe(event).ifPresent(entry -> store.record(entry, message, token));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from coach_timeline_item").update();
    }

    public TimelineStore store() {
        return store;
    }
}
