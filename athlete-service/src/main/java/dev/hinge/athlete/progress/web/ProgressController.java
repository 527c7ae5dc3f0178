package dev.hinge.athlete.progress.web;

import dev.hinge.readside.progress.ProgressProjection;
import dev.hinge.kernel.progress.ProgressView;
import dev.hinge.readside.progress.ProgressQuery;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.web.Blocking;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;

/** The athlete's way back toward pain-free loads on one exercise. */
@RestController
class ProgressController {
    private final ProgressProjection progress;
    private final Clock clock;

    ProgressController(ProgressProjection progress, Clock clock) {
        this.progress = progress;
        this.clock = clock;
    }

    @Operation(summary = "Progress on one exercise", description = """
            `exercise` is required; `asOf` (an instant, default now) shows the progress as it was then. The example is \
            the Mark case four weeks after his deload (`?exercise=deadlift&asOf=2026-10-29T12:00:00Z`).""")
    @GetMapping("/api/v1/me/progress")
    Mono<ProgressView> progress(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String exercise,
                                @RequestParam(required = false) String asOf) {
        ProgressQuery query = ProgressQuery.parse(exercise, asOf, clock.instant());
        return Blocking.call(() -> progress.progress(CurrentUser.id(jwt), query.exercise(), query.asOf()));
    }
}
