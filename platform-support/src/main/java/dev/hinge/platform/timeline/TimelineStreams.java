package dev.hinge.platform.timeline;

import dev.hinge.kernel.timeline.TimelineItem;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.platform.problem.RequestFields;
import dev.hinge.platform.web.Blocking;
import dev.hinge.platform.paging.Page;
import dev.hinge.platform.paging.Paging;
import dev.hinge.platform.web.Params;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The timeline read routes both services offer: a page, and a live stream of Server-Sent Events. */
@Component
public class TimelineStreams {
    private final TimelineUpdates updates;
    private final Duration heartbeat;

    public TimelineStreams(TimelineUpdates updates, @Value("${hinge.timeline.heartbeat:PT15S}") Duration heartbeat) {
        this.updates = updates;
        this.heartbeat = heartbeat;
    }

    /** {@code ?exercise&from&to&asOf&limit&cursor}, validated; asOf keeps the items at or before it. */
    public record Query(String exercise, Instant from, Instant to, Instant asOf, int limit, String cursor) {
        public static Query parse(String exercise, String from, String to, String asOf, String limit, String cursor) {
            RequestFields fields = new RequestFields();
            Exercise ex = fields.optional("exercise", exercise, Exercise::new);
            Instant fromAt = fields.optional("from", from, Params::instant);
            Instant toAt = fields.optional("to", to, Params::instant);
            Instant asOfAt = fields.optional("asOf", asOf, Params::instant);
            int pageSize = Paging.DEFAULT_LIMIT;
            try {
                pageSize = Paging.limit(limit);
            } catch (RuntimeException e) {
                fields.reject("limit", "must be a whole number from 1 to " + Paging.MAX_LIMIT);
            }
            if (fromAt != null && toAt != null && !fromAt.isBefore(toAt)) {
                fields.reject("to", "must be after from");
            }
            fields.validate();
            return new Query(ex == null ? null : ex.slug(), fromAt, toAt, asOfAt, pageSize, cursor);
        }

        public Page<TimelineItem> page(TimelineStore store, UUID athleteId) {
            return store.page(athleteId, exercise, from, to, asOf, limit, cursor);
        }
    }

    /**
     * The items recorded so far, then each new one as the projection records it, with heartbeat comments so
     * idle connections stay open through proxies. The stream ends when {@code until} emits (access revoked).
     */
    public Flux<ServerSentEvent<TimelineItem>> stream(TimelineStore store, UUID athleteId, Flux<?> until) {
        Flux<TimelineItem> items = Flux.defer(() -> {
            // listen before reading what is stored, so nothing recorded in between is missed; drop repeats
            Sinks.Many<TimelineItem> recorded = Sinks.many().unicast().onBackpressureBuffer();
            Disposable listening = updates.of(athleteId).subscribe(recorded::tryEmitNext);
            Set<UUID> sent = ConcurrentHashMap.newKeySet();
            return Blocking.call(() -> store.all(athleteId)).flatMapIterable(stored -> stored)
                    .concatWith(recorded.asFlux())
                    .filter(item -> sent.add(item.id()))
                    .doFinally(signal -> listening.dispose());
        });
        Flux<ServerSentEvent<TimelineItem>> events = items.map(item ->
                ServerSentEvent.<TimelineItem>builder(item).id(item.id().toString()).event(item.type()).build());
        Flux<ServerSentEvent<TimelineItem>> heartbeats = Flux.interval(heartbeat)
                .map(n -> ServerSentEvent.<TimelineItem>builder().comment("keep-alive").build());
        return Flux.merge(events, heartbeats).takeUntilOther(until);
    }

}
