package dev.hinge.coach.progress.web;

import dev.hinge.coach.access.AccessProjection;
import dev.hinge.readside.progress.ProgressProjection;
import dev.hinge.kernel.progress.ProgressView;
import dev.hinge.readside.progress.ProgressQuery;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.web.Blocking;
import dev.hinge.platform.web.Params;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.UUID;

/** An athlete's progress on one exercise, for a coach the athlete granted access; anyone else gets 404. */
@RestController
class AthleteProgressController {
    private final AccessProjection access;
    private final ProgressProjection progress;
    private final Clock clock;

    AthleteProgressController(AccessProjection access, ProgressProjection progress, Clock clock) {
        this.access = access;
        this.progress = progress;
        this.clock = clock;
    }

    @Operation(summary = "An athlete's progress on one exercise", description = """
            As the athlete sees it. `exercise` is required; `asOf` (default now) shows it as it was then.""")
    @GetMapping("/api/v1/athletes/{athleteId}/progress")
    Mono<ProgressView> progress(@AuthenticationPrincipal Jwt jwt, @PathVariable String athleteId,
                                @RequestParam(required = false) String exercise,
                                @RequestParam(required = false) String asOf) {
        UUID coach = CurrentUser.id(jwt);
        UUID athlete = Params.pathId("athleteId", athleteId);
        ProgressQuery query = ProgressQuery.parse(exercise, asOf, clock.instant());
        return Blocking.call(() -> {
            access.require(coach, athlete);
            return progress.progress(athlete, query.exercise(), query.asOf());
        });
    }
}
