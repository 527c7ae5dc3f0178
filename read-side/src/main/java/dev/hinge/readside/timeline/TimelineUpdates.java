package dev.hinge.readside.timeline;

import dev.hinge.kernel.timeline.TimelineItem;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.UUID;

/**
 * Timeline items as this service's projection records them (after its transaction commits), for the live
 * streams. In-process: each instance streams what its own projection records. Each listener takes what it is given
 * at once (a stream keeps its own bounded buffer, see {@link TimelineStreams}), so no listener slows another.
 */
@Component
public class TimelineUpdates {
    private final Sinks.Many<Recorded> sink = Sinks.many().multicast().directBestEffort();

    public void recorded(UUID athleteId, long position, TimelineItem item) {
        sink.emitNext(new Recorded(athleteId, position, item), Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
    }

    public Flux<Recorded> of(UUID athleteId) {
        return sink.asFlux().filter(r -> r.athleteId().equals(athleteId));
    }

    /** An item and its position in the event store, which orders items by when they were recorded. */
    public record Recorded(UUID athleteId, long position, TimelineItem item) {
    }
}
