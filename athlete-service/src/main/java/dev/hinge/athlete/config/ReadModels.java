package dev.hinge.athlete.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hinge.platform.processing.GroupAssignment;
import dev.hinge.readside.progress.ProgressProjection;
import dev.hinge.readside.progress.ProgressStore;
import dev.hinge.readside.timeline.TimelineProjection;
import dev.hinge.readside.timeline.TimelineStore;
import dev.hinge.readside.timeline.TimelineUpdates;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * All of athlete-service's read models (timeline, progress, cues, known coaches) form one processing group: one
 * streaming processor, one transaction and one token update per batch for all of them, instead of one each.
 * The timeline and progress projections are the read side's, which coach-service keeps too: here they are made on
 * this service's tables and put in the group.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModels {
    public static final String GROUP = "athlete.read-models";

    /** The athlete's own timeline: every event about them, from both services. */
    @Bean
    public TimelineProjection timelineProjection(JdbcClient jdbc, JdbcTemplate batches, ObjectMapper json,
                                                 TimelineUpdates updates) {
        return new TimelineProjection(new TimelineStore(jdbc, batches, json, updates, "athlete_timeline_item"));
    }

    /** The athlete's own progress: the kernel's fold over their events, from both services. */
    @Bean
    public ProgressProjection progressProjection(JdbcClient jdbc, JdbcTemplate batches, Serializer serializer) {
        return new ProgressProjection(new ProgressStore(jdbc, batches, serializer, "athlete"));
    }

    @Bean
    public GroupAssignment readSideProjectionsInReadModels() {
        return new GroupAssignment(GROUP, TimelineProjection.class, ProgressProjection.class);
    }
}
