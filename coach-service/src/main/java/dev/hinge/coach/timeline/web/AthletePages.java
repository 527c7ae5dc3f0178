package dev.hinge.coach.timeline.web;

import dev.hinge.coach.access.AccessProjection;
import dev.hinge.coach.roster.AthleteNames;
import dev.hinge.coach.web.Display;
import dev.hinge.coach.web.FormState;
import dev.hinge.coach.web.Pages;
import dev.hinge.kernel.progress.ProgressView;
import dev.hinge.kernel.timeline.TimelineItem;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.platform.pages.Fragments;
import dev.hinge.platform.paging.Page;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.web.Blocking;
import dev.hinge.platform.web.Params;
import dev.hinge.readside.progress.ProgressProjection;
import dev.hinge.readside.timeline.TimelineProjection;
import dev.hinge.readside.timeline.TimelineStreams;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import dev.hinge.platform.pages.PageController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The coach's page of one athlete who granted them access (anyone else: the 404 page): where they stand on an
 * exercise (status, suggestion, deload, cues), the forms that act on it (cue, deload, clearance: each its own
 * use case's), and the timeline newest first, a page at a time, kept live by a stream of rendered items
 * ({@code /stream}, the read side's {@link TimelineStreams} picking up after the page was read) that also renders
 * the status again as things happen.
 */
@PageController
class AthletePages {
    static final int PAGE = 25;
    /** What the timeline marks as needing the coach's eye. */
    private static final Set<String> ALERTS = Set.of("red_flag_raised", "pain_reported");

    private final AccessProjection access;
    private final TimelineProjection timeline;
    private final TimelineStreams streams;
    private final ProgressProjection progress;
    private final AthleteNames names;
    private final Fragments fragments;
    private final Clock clock;

    AthletePages(AccessProjection access, TimelineProjection timeline, TimelineStreams streams,
                 ProgressProjection progress, AthleteNames names, Fragments fragments, Clock clock) {
        this.access = access;
        this.timeline = timeline;
        this.streams = streams;
        this.progress = progress;
        this.names = names;
        this.fragments = fragments;
        this.clock = clock;
    }

    /** One timeline item as the page shows it. */
    record Item(UUID id, String type, String label, String when, String at, String who, String summary, boolean alert,
                String videoId) {
        static Item of(TimelineItem item) {
            Object video = "video_attached".equals(item.type()) ? item.data().get("id") : null;
            return new Item(item.id(), item.type(), Display.words(item.type()).replace("Coach access", "Access"),
                    Display.when(item.at()), item.at().toString(), "coach".equals(item.actor().role()) ? "by a coach" : "by the athlete",
                    item.summary(), ALERTS.contains(item.type()), video == null ? null : video.toString());
        }
    }

    /** Where the athlete stands on the exercise, in words. */
    record Standing(String exercise, String exerciseName, String status, String statusLabel, String statusClass,
                    String action, String actionLabel, String suggestedLoad, String reason, String referenceMax,
                    String deload, String bestPainFree, String weeksSinceDeload, String latestPain,
                    List<String> activeCues, boolean redFlag) {
        static Standing of(ProgressView view) {
            String unit = view.unit();
            ProgressView.Suggestion suggestion = view.suggestion();
            return new Standing(view.exercise(), Display.words(view.exercise()), view.status(),
                    Display.status(view.status()), Display.statusClass(view.status()),
                    suggestion == null ? null : suggestion.action(),
                    suggestion == null ? "" : Display.action(suggestion.action()),
                    suggestion == null || suggestion.load() == null ? ""
                            : Display.load(suggestion.load().value(), suggestion.load().unit()),
                    suggestion == null ? "" : suggestion.reason(),
                    Display.load(view.referenceMax(), unit),
                    view.deload() == null ? "" : Display.number(view.deload().percent()) + "%: "
                            + Display.load(view.deload().roundedLoad(), unit) + " (exact "
                            + Display.load(view.deload().exactLoad(), unit) + ") since " + Display.day(view.deload().since()),
                    view.bestPainFreeLoad() == null ? "" : Display.load(view.bestPainFreeLoad(), unit)
                            + (view.bestPainFreePercent() == null ? "" : " (" + Display.number(view.bestPainFreePercent()) + "% of the reference max)"),
                    view.weeksSinceDeload() == null ? "" : Display.number(view.weeksSinceDeload()),
                    view.latestPain() == null ? "not reported" : view.latestPain().score() + "/10 "
                            + view.latestPain().quality() + " on " + Display.day(view.latestPain().at()),
                    view.activeCues(), "red_flag".equals(view.status()));
        }
    }

    @GetMapping("/coach/athletes/{athleteId}")
    Mono<Rendering> athlete(@AuthenticationPrincipal Jwt jwt, @PathVariable String athleteId,
                            @RequestParam(required = false) String exercise,
                            @RequestParam(required = false) String before) {
        UUID coach = CurrentUser.id(jwt);
        UUID athlete = id(athleteId);
        if (athlete == null) {
            return Mono.just(Pages.notFoundPage());
        }
        return Blocking.call(() -> {
            access.require(coach, athlete);
            Exercise shown = exercise(athlete, exercise);
            // the position first, then the page: an item recorded in between is shown twice rather than missed
            long last = timeline.store().lastPosition(athlete);
            Page<TimelineItem> page = timeline.store().newestFirst(athlete, PAGE, before);
            Standing standing = Standing.of(progress.progress(athlete, shown, clock.instant()));
            Map<String, String> forms = Map.of("exercise", shown.slug());
            return Rendering.view("coach/athlete")
                    .modelAttribute("athleteId", athlete.toString())
                    .modelAttribute("name", names.of(athlete).orElse("Athlete"))
                    .modelAttribute("standing", standing)
                    .modelAttribute("items", page.items().stream().map(Item::of).toList())
                    .modelAttribute("older", page.next() == null ? "" : page.next())
                    .modelAttribute("after", Long.toString(last))
                    .modelAttribute("cue", FormState.fresh(forms, null))
                    .modelAttribute("deload", FormState.fresh(forms, null))
                    .modelAttribute("clearance", FormState.fresh(forms, null))
                    .modelAttribute("faults", Display.FAULTS)
                    .build();
        }).onErrorResume(Pages::notFound, e -> Mono.just(Pages.notFoundPage()));
    }

    /** An older page of the timeline, as list items to append (and the link to the next older page). */
    @GetMapping("/coach/athletes/{athleteId}/timeline")
    Mono<Rendering> older(@AuthenticationPrincipal Jwt jwt, @PathVariable String athleteId,
                          @RequestParam(required = false) String before) {
        UUID coach = CurrentUser.id(jwt);
        UUID athlete = id(athleteId);
        if (athlete == null) {
            return Mono.just(Pages.notFoundPage());
        }
        return Blocking.call(() -> {
            access.require(coach, athlete);
            Page<TimelineItem> page = timeline.store().newestFirst(athlete, PAGE, before);
            return Rendering.view("coach/timeline :: older-items")
                    .modelAttribute("athleteId", athlete.toString())
                    .modelAttribute("items", page.items().stream().map(Item::of).toList())
                    .modelAttribute("older", page.next() == null ? "" : page.next())
                    .build();
        }).onErrorResume(Pages::notFound, e -> Mono.just(Pages.notFoundPage()));
    }

    /**
     * The page's live part: each item recorded after {@code after} (or after the {@code Last-Event-ID} of a
     * reconnect) as an {@code item} event holding its rendered list item, followed by a {@code status} event with
     * the exercise's standing rendered again; {@code ended} once the session expires. Ends when the athlete
     * revokes this coach's access.
     */
    @GetMapping(path = "/coach/athletes/{athleteId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    Flux<ServerSentEvent<String>> stream(@AuthenticationPrincipal Jwt jwt, @PathVariable String athleteId,
                                         @RequestParam(required = false) String after,
                                         @RequestParam(required = false) String exercise,
                                         @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
                                         ServerWebExchange exchange) {
        UUID coach = CurrentUser.id(jwt);
        UUID athlete = Params.pathId("athleteId", athleteId);
        Flux<AccessProjection.Closed> revoked = access.closing(coach, athlete).replay(1).autoConnect(0);
        TimelineStreams.Subscriber subscriber = new TimelineStreams.Subscriber(coach, jwt.getExpiresAt(),
                lastEventId != null ? lastEventId : after);
        return Blocking.call(() -> {
            access.require(coach, athlete);
            return exercise(athlete, exercise);
        }).flatMapMany(shown -> streams.stream(timeline.store(), athlete, subscriber, revoked)
                .concatMap(event -> rendered(exchange, event, athlete, shown)));
    }

    private Flux<ServerSentEvent<String>> rendered(ServerWebExchange exchange, ServerSentEvent<Object> event, UUID athlete,
                                                   Exercise exercise) {
        if (event.data() instanceof TimelineItem item) {
            ServerSentEvent<String> shown = ServerSentEvent.builder(fragments.render(exchange, "coach/timeline", "item",
                    Map.of("item", Item.of(item)))).id(event.id()).event("item").build();
            Mono<ServerSentEvent<String>> standing = Blocking.call(() -> Standing.of(progress.progress(athlete, exercise, clock.instant())))
                    .map(s -> ServerSentEvent.builder(fragments.render(exchange, "coach/athlete", "status",
                            Map.of("standing", s, "athleteId", athlete.toString()))).event("status").build());
            return Flux.concat(Mono.just(shown), standing);
        }
        if (event.data() == null) {
            return Flux.just(ServerSentEvent.<String>builder().comment(event.comment() == null ? "" : event.comment()).build());
        }
        if (TimelineStreams.TOKEN_EXPIRED.equals(event.event())) {
            return Flux.just(ServerSentEvent.builder(fragments.render(exchange, "coach/timeline", "ended", Map.of()))
                    .event("ended").build());
        }
        // a reconnect: the stream ends here and the browser reconnects with the last id it got
        return Flux.empty();
    }

    private Exercise exercise(UUID athlete, String requested) {
        if (requested != null) {
            try {
                return new Exercise(requested);
            } catch (RuntimeException e) {
                // not an exercise: show the one trained last
            }
        }
        return names.lastExercise(athlete).map(Exercise::new).orElse(Exercise.DEADLIFT);
    }

    private static UUID id(String raw) {
        try {
            return Params.uuid(raw);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
