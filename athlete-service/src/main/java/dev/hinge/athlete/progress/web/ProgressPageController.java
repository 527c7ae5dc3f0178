package dev.hinge.athlete.progress.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hinge.platform.pages.PageController;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.web.Blocking;
import dev.hinge.readside.chart.ProgressPages;
import dev.hinge.readside.progress.ProgressProjection;
import dev.hinge.readside.timeline.TimelineProjection;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.UUID;

/**
 * The athlete's progress page: the progress numbers of one exercise (as the API's progress route answers them) and
 * its chart, with a picker of the exercises they have progress on. The numbers and chart refresh every 5 s from
 * {@code /athlete/progress/live}, which answers 204 while nothing changed.
 */
@PageController
class ProgressPageController {
    private static final String LIVE = "/athlete/progress/live";

    private final ProgressPages pages;
    private final Clock clock;

    ProgressPageController(ProgressProjection progress, TimelineProjection timeline, ObjectMapper json, Clock clock) {
        this.pages = new ProgressPages(progress, timeline, json);
        this.clock = clock;
    }

    @GetMapping("/athlete/progress")
    Mono<Rendering> page(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String exercise) {
        UUID athlete = CurrentUser.id(jwt);
        return Blocking.call(() -> Rendering.view("athlete/progress")
                .model(pages.read(athlete, exercise, clock.instant()).model(LIVE)).build());
    }

    @GetMapping(LIVE)
    Mono<Rendering> live(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String exercise,
                         @RequestParam(required = false) String v) {
        UUID athlete = CurrentUser.id(jwt);
        return Blocking.call(() -> {
            ProgressPages.Shown shown = pages.read(athlete, exercise, clock.instant());
            return shown.shownAs(v) ? Rendering.view("chart :: nothing").status(HttpStatus.NO_CONTENT).build()
                    : Rendering.view("athlete/progress :: live").model(shown.model(LIVE)).build();
        });
    }
}
