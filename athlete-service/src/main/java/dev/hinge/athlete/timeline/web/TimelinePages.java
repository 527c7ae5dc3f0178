package dev.hinge.athlete.timeline.web;

import dev.hinge.athlete.web.HomeSection;
import dev.hinge.kernel.common.Slugs;
import dev.hinge.kernel.timeline.TimelineItem;
import dev.hinge.kernel.timeline.TimelineItemType;
import dev.hinge.platform.pages.Fragments;
import dev.hinge.platform.pages.PageController;
import dev.hinge.platform.problem.RequestFields;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.web.Blocking;
import dev.hinge.platform.web.Params;
import dev.hinge.readside.timeline.TimelineProjection;
import dev.hinge.readside.timeline.TimelineStreams;
import dev.hinge.readside.timeline.TimelineUpdates.Recorded;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The athlete's timeline as pages: newest first, a page at a time ("more"), and live: a stream of Server-Sent Events
 * on the page session (an EventSource cannot send a bearer token) whose items are the same HTML fragment the page shows,
 * for htmx's SSE extension to put on top. Built on {@link TimelineStreams}, as the API's stream is.
 */
@PageController
class TimelinePages implements HomeSection {
    static final int PAGE = 20;
    static final int HOME = 5;
    /** The event that tells the home page's cue panel to read its cues again. */
    static final String CUES = "cues";
    /** What a coach does that changes the cue panel. */
    private static final Set<String> CHANGES_CUES = Set.of(Slugs.of(TimelineItemType.CUE_ASSIGNED),
            Slugs.of(TimelineItemType.CUE_RETIRED), Slugs.of(TimelineItemType.DELOAD_PRESCRIBED),
            Slugs.of(TimelineItemType.CLEARANCE_GIVEN));

    private final TimelineProjection timeline;
    private final TimelineStreams streams;
    private final Fragments fragments;

    TimelinePages(TimelineProjection timeline, TimelineStreams streams, Fragments fragments) {
        this.timeline = timeline;
        this.streams = streams;
        this.fragments = fragments;
    }

    @GetMapping("/athlete/timeline")
    Mono<Rendering> timeline(@AuthenticationPrincipal Jwt jwt) {
        UUID athlete = CurrentUser.id(jwt);
        return Blocking.call(() -> timeline.store().newestFirst(athlete, null, 0, PAGE + 1))
                .map(rows -> Rendering.view("athlete/timeline").model(page(rows, PAGE)).build());
    }

    /** The page after the one that ended with the item at {@code at} and {@code position}: older items. */
    @GetMapping("/athlete/timeline/more")
    Mono<Rendering> more(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String at,
                         @RequestParam(required = false) String position) {
        UUID athlete = CurrentUser.id(jwt);
        RequestFields fields = new RequestFields();
        Instant before = fields.required("at", at, Params::instant);
        Long beforePosition = fields.required("position", position, p -> {
            try {
                return Long.parseLong(p);
            } catch (NumberFormatException e) {
                throw dev.hinge.kernel.common.DomainException.invalid("must be a whole number");
            }
        });
        fields.validate();
        return Blocking.call(() -> timeline.store().newestFirst(athlete, before, beforePosition, PAGE + 1))
                .map(rows -> Rendering.view("athlete/timeline :: more").model(page(rows, PAGE)).build());
    }

    @Override
    public Mono<Map<String, Object>> model(UUID athlete) {
        return Blocking.call(() -> {
            Map<String, Object> model = page(timeline.store().newestFirst(athlete, null, 0, HOME), HOME);
            model.remove("next");
            return model;
        });
    }

    /**
     * The timeline, live: each item as it is recorded, as the HTML of the page's item ({@code item} events), and a
     * {@code cues} event after what a coach does that changes the cue panel. {@code after} is the position of the
     * newest item the page shows (a reconnect's Last-Event-ID wins over it), so the stream repeats none of them.
     */
    @GetMapping(path = "/athlete/timeline/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    Flux<ServerSentEvent<String>> stream(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String after,
                                         @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
                                         ServerWebExchange exchange) {
        UUID athlete = CurrentUser.id(jwt);
        TimelineStreams.Subscriber subscriber = new TimelineStreams.Subscriber(athlete, jwt.getExpiresAt(),
                lastEventId != null ? lastEventId : after);
        return streams.stream(timeline.store(), athlete, subscriber, Flux.never())
                .concatMap(event -> html(event, exchange));
    }

    private Flux<ServerSentEvent<String>> html(ServerSentEvent<Object> event, ServerWebExchange exchange) {
        if (event.data() instanceof TimelineItem item) {
            String fragment = fragments.render(exchange, "athlete/timeline", "item", Map.of("item", item));
            ServerSentEvent<String> shown = ServerSentEvent.builder(fragment).id(event.id()).event("item").build();
            return CHANGES_CUES.contains(item.type())
                    ? Flux.just(shown, ServerSentEvent.builder(item.type()).event(CUES).build())
                    : Flux.just(shown);
        }
        if (event.data() != null) { // the last event of a stream that ends: the browser reconnects by itself
            ServerSentEvent.Builder<String> ending = ServerSentEvent.builder(String.valueOf(event.event())).event(event.event());
            return Flux.just(event.id() == null ? ending.build() : ending.id(event.id()).build());
        }
        return Flux.just(ServerSentEvent.<String>builder().comment(event.comment()).build());
    }

    /** Rows newest first, one more than a page when there is more: the page's items, where "more" goes on, and the
     * newest position (where the live stream starts). */
    private static Map<String, Object> page(List<Recorded> rows, int size) {
        Map<String, Object> model = new LinkedHashMap<>();
        List<TimelineItem> items = new ArrayList<>(rows.stream().limit(size).map(Recorded::item).toList());
        model.put("items", items);
        model.put("after", rows.stream().limit(size).mapToLong(Recorded::position).max().stream().boxed().findFirst().orElse(null));
        if (rows.size() > size) {
            Recorded last = rows.get(size - 1);
            model.put("next", Map.of("at", last.item().at().toString(), "position", last.position()));
        } else {
            model.put("next", null);
        }
        return model;
    }
}
