package dev.hinge.coach.relationship.command;

import dev.hinge.kernel.coaching.ClearanceGivenEvent;
import dev.hinge.kernel.coaching.CueAssignedEvent;
import dev.hinge.kernel.coaching.CueRetiredEvent;
import dev.hinge.kernel.coaching.DeloadPrescribedEvent;
import dev.hinge.kernel.coaching.VideoReviewedEvent;
import dev.hinge.platform.recorded.JdbcRecordedIds;
import dev.hinge.platform.recorded.Recorded;
import dev.hinge.platform.recorded.RecordedIds;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

/**
 * What a coach records for an athlete under an id of their own (reviews, cues, deloads, clearances), each found again
 * by its id; and a cue's retirement, recorded under the cue's id (a cue is retired once).
 */
@Configuration(proxyBeanMethods = false)
class CoachingIds {
    static final Recorded<VideoReviewedEvent> REVIEW = new Recorded<>("review", VideoReviewedEvent.class, e -> e.reviewId().value());
    static final Recorded<CueAssignedEvent> CUE = new Recorded<>("cue", CueAssignedEvent.class, e -> e.cueId().value());
    static final Recorded<CueRetiredEvent> CUE_RETIREMENT = new Recorded<>("cue-retirement", CueRetiredEvent.class,
            e -> e.cueId().value());
    static final Recorded<DeloadPrescribedEvent> DELOAD = new Recorded<>("deload", DeloadPrescribedEvent.class,
            e -> e.deloadId().value());
    static final Recorded<ClearanceGivenEvent> CLEARANCE = new Recorded<>("clearance", ClearanceGivenEvent.class,
            e -> e.clearanceId().value());

    @Bean
    RecordedIds recordedIds(JdbcClient jdbc, EventStore eventStore) {
        return new JdbcRecordedIds(jdbc, eventStore, List.of(REVIEW, CUE, CUE_RETIREMENT, DELOAD, CLEARANCE));
    }
}
