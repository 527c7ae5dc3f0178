package dev.hinge.coach.roster.web;

import dev.hinge.readside.progress.ProgressProjection;
import dev.hinge.coach.roster.query.RosterProjection;
import dev.hinge.kernel.progress.ProgressView;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.web.Blocking;
import dev.hinge.platform.paging.Page;
import dev.hinge.platform.paging.Paging;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The coach's athletes: only those who granted access, red flags first, then the most recently trained; paged by
 * position. A page reads one row per athlete on it (see {@link RosterProjection#page}) and their progress states
 * in one query.
 */
@RestController
class RosterController {
    private final RosterProjection roster;
    private final ProgressProjection progress;
    private final Clock clock;

    RosterController(RosterProjection roster, ProgressProjection progress, Clock clock) {
        this.roster = roster;
        this.progress = progress;
        this.clock = clock;
    }

    record LatestPain(int score, String quality, Instant at) {
    }

    /** {@code progress} is the athlete's progress on the exercise they trained last (null before any set). */
    record RosterItem(UUID athleteId, String displayName, Instant lastSetAt, LatestPain latestPain, String status,
                      ProgressView progress) {
    }

    @Operation(summary = "Your athletes: those who granted access, red flags first, then the most recently trained",
            description = "Paged (`limit`, `cursor`). `progress` is the athlete's on the exercise trained last.")
    @GetMapping("/api/v1/me/athletes")
    Mono<Page<RosterItem>> athletes(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String limit,
                                    @RequestParam(required = false) String cursor) {
        UUID coach = CurrentUser.id(jwt);
        int size = Paging.limit(limit);
        int offset = Paging.offset(cursor);
        Instant now = clock.instant();
        return Blocking.call(() -> {
            List<RosterProjection.AthleteFacts> rows = roster.page(coach, offset, size);
            Map<UUID, Exercise> lastExercises = new HashMap<>();
            rows.stream().limit(size).filter(f -> f.lastExercise() != null)
                    .forEach(f -> lastExercises.put(f.athleteId(), new Exercise(f.lastExercise())));
            Map<UUID, ProgressView> views = progress.progress(lastExercises, now);
            List<RosterItem> items = rows.stream().map(f -> {
                ProgressView view = views.get(f.athleteId());
                LatestPain pain = f.painScore() == null ? null : new LatestPain(f.painScore(), f.painQuality(), f.painAt());
                return new RosterItem(f.athleteId(), f.displayName(), f.lastSetAt(), pain,
                        view == null ? null : view.status(), view);
            }).toList();
            return Paging.page(items, offset, size);
        });
    }
}
