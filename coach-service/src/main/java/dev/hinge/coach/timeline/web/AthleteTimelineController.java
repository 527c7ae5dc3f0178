package dev.hinge.coach.timeline.web;

import dev.hinge.coach.access.AccessProjection;
import dev.hinge.readside.timeline.TimelineProjection;
import dev.hinge.kernel.timeline.TimelineItem;
import dev.hinge.platform.openapi.ApiDocument;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.readside.timeline.TimelineStreams;
import dev.hinge.platform.web.Blocking;
import dev.hinge.platform.paging.Page;
import dev.hinge.platform.web.Params;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.UUID;

/** An athlete's timeline, a page or live, for a coach the athlete granted access; anyone else gets 404. */
@RestController
class AthleteTimelineController {
    private final AccessProjection access;
    private final TimelineProjection timeline;
    private final TimelineStreams streams;

    AthleteTimelineController(AccessProjection access, TimelineProjection timeline, TimelineStreams streams) {
        this.access = access;
        this.timeline = timeline;
        this.streams = streams;
    }

    @Operation(summary = "An athlete's timeline, oldest first, a page at a time", description = """
            The same query as the athlete's own: `exercise`, `from`, `to`, `asOf`, `limit`, `cursor`.""")
    @GetMapping("/api/v1/athletes/{athleteId}/timeline")
    Mono<Page<TimelineItem>> timeline(@AuthenticationPrincipal Jwt jwt, @PathVariable String athleteId,
                                      @RequestParam(required = false) String exercise,
                                      @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String asOf,
                                      @RequestParam(required = false) String limit,
                                      @RequestParam(required = false) String cursor) {
        UUID coach = CurrentUser.id(jwt);
        UUID athlete = Params.pathId("athleteId", athleteId);
        TimelineStreams.Query query = TimelineStreams.Query.parse(exercise, from, to, asOf, limit, cursor);
        return Blocking.call(() -> {
            access.require(coach, athlete);
            return query.page(timeline.store(), athlete);
        });
    }

    /** Ends when the athlete revokes this coach's access. */
    @Operation(summary = "An athlete's timeline, live (Server-Sent Events); ends when the athlete revokes access",
            description = ApiDocument.LIVE_STREAM)
    @GetMapping(path = "/api/v1/athletes/{athleteId}/timeline/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> stream(@AuthenticationPrincipal Jwt jwt, @PathVariable String athleteId,
                                         @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId) {
        UUID coach = CurrentUser.id(jwt);
        UUID athlete = Params.pathId("athleteId", athleteId);
        Flux<AccessProjection.Closed> revoked = access.closing(coach, athlete).replay(1).autoConnect(0);
        return Blocking.call(() -> {
            access.require(coach, athlete);
            return true;
        }).thenMany(streams.stream(timeline.store(), athlete, TimelineStreams.Subscriber.of(jwt, lastEventId), revoked));
    }
}
