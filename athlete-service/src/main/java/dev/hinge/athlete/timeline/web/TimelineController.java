package dev.hinge.athlete.timeline.web;

import dev.hinge.readside.timeline.TimelineProjection;
import dev.hinge.kernel.timeline.TimelineItem;
import dev.hinge.platform.openapi.ApiDocument;
import dev.hinge.readside.timeline.TimelineStreams;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.web.Blocking;
import dev.hinge.platform.paging.Page;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.UUID;

/** The athlete's progression timeline, as a page and live. */
@RestController
class TimelineController {
    private final TimelineProjection timeline;
    private final TimelineStreams streams;

    TimelineController(TimelineProjection timeline, TimelineStreams streams) {
        this.timeline = timeline;
        this.streams = streams;
    }

    @Operation(summary = "The timeline: everything that happened, oldest first, a page at a time", description = """
            `from` (inclusive) and `to` (exclusive) keep a time window, `asOf` the world as it was then, `exercise` the \
            items about one exercise. `limit` 1-500, default 50; ask again with `cursor` = `next` until it is null.""")
    @GetMapping("/api/v1/me/timeline")
    Mono<Page<TimelineItem>> timeline(@AuthenticationPrincipal Jwt jwt,
                                      @RequestParam(required = false) String exercise,
                                      @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String asOf,
                                      @RequestParam(required = false) String limit,
                                      @RequestParam(required = false) String cursor) {
        TimelineStreams.Query query = TimelineStreams.Query.parse(exercise, from, to, asOf, limit, cursor);
        UUID athlete = CurrentUser.id(jwt);
        return Blocking.call(() -> query.page(timeline.store(), athlete));
    }

    @Operation(summary = "The timeline, live (Server-Sent Events)", description = ApiDocument.LIVE_STREAM)
    @GetMapping(path = "/api/v1/me/timeline/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> stream(@AuthenticationPrincipal Jwt jwt,
                                         @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId) {
        return streams.stream(timeline.store(), CurrentUser.id(jwt), TimelineStreams.Subscriber.of(jwt, lastEventId),
                Flux.never());
    }
}
