package dev.hinge.athlete.timeline.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hinge.kernel.timeline.Timeline;
import dev.hinge.platform.timeline.TimelineStore;
import dev.hinge.platform.timeline.TimelineUpdates;
import dev.hinge.athlete.config.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The athlete's own timeline: every event about them, from both services, as the kernel describes it. */
@Component
@ProcessingGroup(ReadModels.GROUP)
public class TimelineProjection {
    private final TimelineStore store;
    private final JdbcClient jdbc;

    TimelineProjection(JdbcClient jdbc, JdbcTemplate batches, ObjectMapper json, TimelineUpdates updates) {
        this.jdbc = jdbc;
        this.store = new TimelineStore(jdbc, batches, json, updates, "athlete_timeline_item");
    }

    @EventHandler
    void on(Object event, EventMessage<?> message, TrackingToken token) {
        Timeline.describe(event).ifPresent(entry -> store.record(entry, message, token));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from athlete_timeline_item").update();
    }

    public TimelineStore store() {
        return store;
    }
}
