package dev.hinge.athlete.history.command;

import dev.hinge.kernel.pain.PainReportedEvent;
import dev.hinge.kernel.training.SetLoggedEvent;
import dev.hinge.kernel.training.VideoAttachedEvent;
import dev.hinge.platform.recorded.JdbcRecordedIds;
import dev.hinge.platform.recorded.Recorded;
import dev.hinge.platform.recorded.RecordedIds;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

/** What an athlete logs under an id of their own: sets, videos and pain reports, each found again by its id. */
@Configuration(proxyBeanMethods = false)
class LogIds {
    static final Recorded<SetLoggedEvent> SET = new Recorded<>("set", SetLoggedEvent.class, e -> e.setId().value());
    static final Recorded<VideoAttachedEvent> VIDEO = new Recorded<>("video", VideoAttachedEvent.class, e -> e.videoId().value());
    static final Recorded<PainReportedEvent> PAIN_REPORT = new Recorded<>("pain-report", PainReportedEvent.class,
            e -> e.painReportId().value());

    @Bean
    RecordedIds recordedIds(JdbcClient jdbc, EventStore eventStore) {
        return new JdbcRecordedIds(jdbc, eventStore, List.of(SET, VIDEO, PAIN_REPORT));
    }
}
