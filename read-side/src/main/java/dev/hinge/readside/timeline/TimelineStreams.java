package dev.hinge.readside.timeline;

import dev.hinge.kernel.timeline.TimelineItem;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.platform.paging.Page;
import dev.hinge.platform.paging.Paging;
import dev.hinge.platform.problem.RequestFields;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.readside.timeline.TimelineUpdates.Recorded;
import dev.hinge.platform.web.Blocking;
import dev.hinge.platform.web.Params;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The timeline read routes both services offer: a page, and a live stream of Server-Sent Events.
 *
 * <p>A stream starts with one page, the latest {@value Paging#DEFAULT_LIMIT} items oldest first, or, for a client
 * that reconnects with {@code Last-Event-ID}, with every item recorded after that id, in the order recorded (an id
 * this athlete's timeline does not hold starts with the page). Then each item as the projection records it, once. An
 * event's id is where the stream stands in the store's order (the highest position sent), so a reconnect repeats
 * nothing; it misses nothing either, as an athlete's items are recorded in the store's order (all of an athlete's
 * events go to one segment, and on PostgreSQL a reader never passes an event whose transaction may still commit; on
 * the embedded H2 store an event committed late can still arrive after later ones: a live stream delivers it, a
 * reconnect may not). A stream remembers no more than its first page's ids. Each stream keeps at most
 * {@code hinge.timeline.stream-buffer} items waiting for a slow client; one that
 * falls further behind is dropped, with a last {@value #RECONNECT} event that says to reconnect with its
 * {@code Last-Event-ID}; so does every stream when the service stops, at once, so that open streams never hold a stop
 * up. A stream ends when its token expires (a last {@value #TOKEN_EXPIRED} event) or when
 * {@code until} emits (access revoked). A user has at most {@code hinge.timeline.streams-per-user} streams open;
 * beyond it the answer is 429 with {@code Retry-After}.
 */
@Component
public class TimelineStreams {
    /** The last event of a stream dropped for falling behind: reconnect with Last-Event-ID. */
    public static final String RECONNECT = "reconnect";
    /** The last event of a stream whose token expired: reconnect with a new token. */
    public static final String TOKEN_EXPIRED = "token_expired";
    /** A reconnect reads what it missed in pages of this many items. */
    static final int RESUME_PAGE = 200;

    private final TimelineUpdates updates;
    private final Duration heartbeat;
    private final int buffer;
    private final int streamsPerUser;
    private final Duration retryAfter;
    private final Clock clock;
    private final Map<UUID, Integer> open = new ConcurrentHashMap<>();
    private final Sinks.Empty<Void> stopping = Sinks.empty();

    public TimelineStreams(TimelineUpdates updates, Clock clock,
                           @Value("${hinge.timeline.heartbeat:PT15S}") Duration heartbeat,
                           @Value("${hinge.timeline.stream-buffer:256}") int buffer,
                           @Value("${hinge.timeline.streams-per-user:5}") int streamsPerUser,
                           @Value("${hinge.timeline.streams-retry-after:PT30S}") Duration retryAfter) {
        this.updates = updates;
        this.clock = clock;
        this.heartbeat = heartbeat;
        this.buffer = buffer;
        this.streamsPerUser = streamsPerUser;
        this.retryAfter = retryAfter;
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

    /** Who opens a stream, until when their token holds (null: no expiry), and where a reconnect left off. */
    public record Subscriber(UUID userId, Instant expiresAt, String lastEventId) {
        public static Subscriber of(Jwt jwt, String lastEventId) {
            return new Subscriber(CurrentUser.id(jwt), jwt.getExpiresAt(), lastEventId);
        }
    }

    /** What the last event of a stream says: why it ends, and the id to reconnect from. */
    public record Ending(String reason, String lastEventId) {
    }

    /** 429: the user has as many streams open as allowed. */
    static final class TooManyStreamsException extends ResponseStatusException {
        private final Duration retryAfter;

        TooManyStreamsException(int allowed, Duration retryAfter) {
            super(HttpStatus.TOO_MANY_REQUESTS, "At most " + allowed + " timeline streams can be open at once; close one"
                    + " or retry later.");
            this.retryAfter = retryAfter;
        }

        @Override
        public HttpHeaders getHeaders() {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
            return headers;
        }
    }

    /** The athlete's timeline as it grows, for {@code subscriber}; see the class comment. */
    public Flux<ServerSentEvent<Object>> stream(TimelineStore store, UUID athleteId, Subscriber subscriber, Flux<?> until) {
        return Flux.defer(() -> {
            if (!acquire(subscriber.userId())) {
                return Flux.error(new TooManyStreamsException(streamsPerUser, retryAfter));
            }
            // listen before reading what is stored, so nothing recorded in between is missed
            Sinks.Many<Recorded> live = Sinks.many().unicast().onBackpressureBuffer(Queues.<Recorded>get(buffer).get());
            Sinks.One<Boolean> behind = Sinks.one();
            Disposable listening = updates.of(athleteId).subscribe(r -> {
                if (live.tryEmitNext(r).isFailure()) {
                    behind.tryEmitValue(true);
                }
            });
            // the highest position sent: the stream's place in the order items were recorded
            AtomicLong sent = new AtomicLong(-1);
            AtomicLong read = new AtomicLong(-1);
            // a resume: where it resumed from; else null, and the ids of the first page
            AtomicReference<Long> resumedFrom = new AtomicReference<>();
            Set<UUID> page = ConcurrentHashMap.newKeySet();
            Flux<Recorded> items = first(store, athleteId, subscriber.lastEventId(), resumedFrom::set)
                    .doOnNext(r -> {
                        sent.accumulateAndGet(r.position(), Math::max);
                        if (resumedFrom.get() == null) {
                            page.add(r.item().id());
                        }
                    })
                    .doOnComplete(() -> read.set(sent.get()))
                    .concatWith(live.asFlux().filter(r -> isNew(r, read.get(), page, resumedFrom.get()))
                            .doOnNext(r -> sent.accumulateAndGet(r.position(), Math::max)));
            Mono<Optional<ServerSentEvent<Object>>> end = Mono.firstWithSignal(
                    behind.asMono().map(b -> Optional.of(ending(RECONNECT, sent.get()))),
                    stopping.asMono().then(Mono.fromSupplier(() -> Optional.of(ending(RECONNECT, sent.get())))),
                    expiry(subscriber.expiresAt()).map(e -> Optional.of(ending(TOKEN_EXPIRED, sent.get()))),
                    until.next().map(revoked -> Optional.<ServerSentEvent<Object>>empty())).cache();
            Flux<ServerSentEvent<Object>> heartbeats = Flux.interval(heartbeat).onBackpressureDrop()
                    .map(n -> ServerSentEvent.builder().comment("keep-alive").build());
            return Flux.merge(items.map(r -> event(r, sent.get())), heartbeats)
                    .takeUntilOther(end)
                    .concatWith(end.flatMap(Mono::justOrEmpty))
                    .doFinally(signal -> {
                        listening.dispose();
                        release(subscriber.userId());
                    });
        });
    }

    /**
     * The service is stopping: every stream ends now with a {@value #RECONNECT} event (the web server's graceful
     * shutdown waits for open responses, and a stream never ends on its own). Before the web server stops.
     */
    @EventListener(ContextClosedEvent.class)
    void endStreams() {
        stopping.tryEmitEmpty();
    }

    /**
     * Whether a live item was not sent by the first read: recorded after it (a higher position), or, with a lower
     * position (its transaction committed late), not on the first page, or below where a reconnect resumed. Only the
     * first page's ids are kept, so what a stream remembers stays bounded.
     */
    private static boolean isNew(Recorded live, long read, Set<UUID> page, Long resumedFrom) {
        if (live.position() > read) {
            return true;
        }
        return resumedFrom != null ? live.position() <= resumedFrom : !page.contains(live.item().id());
    }

    /** The first page, or what a reconnecting client missed (then it tells {@code resumed} from where). */
    private Flux<Recorded> first(TimelineStore store, UUID athleteId, String lastEventId, Consumer<Long> resumed) {
        Long after = position(lastEventId);
        Flux<Recorded> page = Blocking.call(() -> store.latest(athleteId, Paging.DEFAULT_LIMIT)).flatMapIterable(l -> l);
        if (after == null) {
            return page;
        }
        return Blocking.call(() -> store.holds(athleteId, after))
                .flatMapMany(known -> {
                    if (!known) {
                        return page;
                    }
                    resumed.accept(after);
                    return recordedAfter(store, athleteId, after);
                });
    }

    private static Flux<Recorded> recordedAfter(TimelineStore store, UUID athleteId, long position) {
        return Blocking.call(() -> store.after(athleteId, position, RESUME_PAGE)).flatMapMany(batch -> {
            Flux<Recorded> these = Flux.fromIterable(batch);
            return batch.size() < RESUME_PAGE ? these
                    : these.concatWith(Flux.defer(() -> recordedAfter(store, athleteId, batch.get(batch.size() - 1).position())));
        });
    }

    private static Long position(String lastEventId) {
        if (lastEventId == null) {
            return null;
        }
        try {
            return Long.parseLong(lastEventId.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Mono<Long> expiry(Instant expiresAt) {
        if (expiresAt == null) {
            return Mono.never();
        }
        Duration left = Duration.between(clock.instant(), expiresAt);
        return Mono.delay(left.isNegative() ? Duration.ZERO : left);
    }

    private static ServerSentEvent<Object> event(Recorded recorded, long sent) {
        TimelineItem item = recorded.item();
        return ServerSentEvent.<Object>builder(item).id(Long.toString(sent)).event(item.type()).build();
    }

    private static ServerSentEvent<Object> ending(String reason, long sent) {
        String lastEventId = sent < 0 ? null : Long.toString(sent);
        ServerSentEvent.Builder<Object> event = ServerSentEvent.<Object>builder(new Ending(reason, lastEventId)).event(reason);
        return lastEventId == null ? event.build() : event.id(lastEventId).build();
    }

    private boolean acquire(UUID user) {
        boolean[] acquired = {false};
        open.compute(user, (u, count) -> {
            int n = count == null ? 0 : count;
            if (n >= streamsPerUser) {
                return count;
            }
            acquired[0] = true;
            return n + 1;
        });
        return acquired[0];
    }

    private void release(UUID user) {
        open.computeIfPresent(user, (u, count) -> count <= 1 ? null : count - 1);
    }
}
