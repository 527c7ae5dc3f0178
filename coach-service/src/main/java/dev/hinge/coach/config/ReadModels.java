package dev.hinge.coach.config;

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
 * All of coach-service's read models (access, roster, videos, timeline, progress) form one processing group: one
 * streaming processor, one transaction and one token update per batch for all of them. The relationship policy,
 * which sends commands and must never replay, keeps its own group. The timeline and progress projections are the read
 * side's, which athlete-service keeps too: here they are made on this service's tables and put in the group.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModels {
    public static final String GROUP = "coach.read-models";

    /** Every athlete's timeline as their coaches read it; routes show it only to coaches with a live grant. */
    @Bean
    public TimelineProjection timelineProjection(JdbcClient jdbc, JdbcTemplate batches, ObjectMapper json,
                                                 TimelineUpdates updates) {
        return new TimelineProjection(new TimelineStore(jdbc, batches, json, updates, "coach_timeline_item"));
    }

    /** Athletes' progress as their coaches see it: the same kernel fold as the athlete's own view. */
    @Bean
    public ProgressProjection progressProjection(JdbcClient jdbc, JdbcTemplate batches, Serializer serializer) {
        return new ProgressProjection(new ProgressStore(jdbc, batches, serializer, "coach"));
    }

    @Bean
    public GroupAssignment readSideProjectionsInReadModels() {
        return new GroupAssignment(GROUP, TimelineProjection.class, ProgressProjection.class);
    }
}
