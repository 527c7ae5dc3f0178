package dev.hinge.platform.timeline;

import dev.hinge.kernel.timeline.TimelineItem;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.util.UUID;

/**
 * Timeline items as this service's projection records them (after its transaction commits), for the live
 * streams. In-process: each instance streams what its own projection records.
 */
@Component
public class TimelineUpdates {
    private final Sinks.Many<Recorded> sink = Sinks.many().multicast().directBestEffort();

    public void recorded(UUID athleteId, TimelineItem item) {
        sink.emitNext(new Recorded(athleteId, item), Sinks.EmitFailureHandler.busyLooping(java.time.Duration.ofMillis(100)));
    }

    public Flux<TimelineItem> of(UUID athleteId) {
        return sink.asFlux().filter(r -> r.athleteId().equals(athleteId)).map(Recorded::item);
    }

    record Recorded(UUID athleteId, TimelineItem item) {
    }
}
