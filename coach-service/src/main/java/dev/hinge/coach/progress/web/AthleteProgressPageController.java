package dev.hinge.coach.progress.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hinge.coach.access.AccessProjection;
import dev.hinge.coach.roster.AthleteNames;
import dev.hinge.platform.pages.PageController;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.web.Blocking;
import dev.hinge.platform.web.Params;
import dev.hinge.readside.chart.ProgressPages;
import dev.hinge.readside.progress.ProgressProjection;
import dev.hinge.readside.timeline.TimelineProjection;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.UUID;

/**
 * A granted athlete's progress page for their coach: the same numbers and chart as the athlete's own page, behind
 * the grant check of the API's progress route ({@link AccessProjection#require}: anyone else gets the 404 page). The
 * numbers and chart refresh every 5 s from {@code .../progress/live}, which answers 204 while nothing changed.
 */
@PageController
class AthleteProgressPageController {
    private final AccessProjection access;
    private final AthleteNames names;
    private final ProgressPages pages;
    private final Clock clock;

    AthleteProgressPageController(AccessProjection access, AthleteNames names, ProgressProjection progress,
                                  TimelineProjection timeline, ObjectMapper json, Clock clock) {
        this.access = access;
        this.names = names;
        this.pages = new ProgressPages(progress, timeline, json);
        this.clock = clock;
    }

    @GetMapping("/coach/athletes/{athleteId}/progress")
    Mono<Rendering> page(@AuthenticationPrincipal Jwt jwt, @PathVariable String athleteId,
                         @RequestParam(required = false) String exercise) {
        UUID coach = CurrentUser.id(jwt);
        return Blocking.call(() -> {
            UUID athlete = Params.pathId("athleteId", athleteId);
            access.require(coach, athlete);
            return Rendering.view("coach/athlete-progress")
                    .model(pages.read(athlete, exercise, clock.instant()).model(live(athlete)))
                    .modelAttribute("athleteId", athlete)
                    .modelAttribute("athleteName", names.of(athlete).orElse("Athlete"))
                    .build();
        });
    }

    @GetMapping("/coach/athletes/{athleteId}/progress/live")
    Mono<Rendering> live(@AuthenticationPrincipal Jwt jwt, @PathVariable String athleteId,
                         @RequestParam(required = false) String exercise, @RequestParam(required = false) String v) {
        UUID coach = CurrentUser.id(jwt);
        return Blocking.call(() -> {
            UUID athlete = Params.pathId("athleteId", athleteId);
            access.require(coach, athlete);
            ProgressPages.Shown shown = pages.read(athlete, exercise, clock.instant());
            return shown.shownAs(v) ? Rendering.view("chart :: nothing").status(HttpStatus.NO_CONTENT).build()
                    : Rendering.view("coach/athlete-progress :: live").model(shown.model(live(athlete))).build();
        });
    }

    private static String live(UUID athlete) {
        return "/coach/athletes/" + athlete + "/progress/live";
    }
}
