package dev.hinge.coach.roster.web;

import dev.hinge.coach.access.AccessProjection;
import dev.hinge.coach.progress.CoachProgressProjection;
import dev.hinge.coach.roster.query.RosterProjection;
import dev.hinge.kernel.progress.ProgressStatus;
import dev.hinge.kernel.progress.ProgressView;
import dev.hinge.kernel.common.Slugs;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.web.Blocking;
import dev.hinge.platform.paging.Page;
import dev.hinge.platform.paging.Paging;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The coach's athletes: only those who granted access, red flags first, then the most recently trained. A roster
 * is small and its order changes with every red flag, so it is sorted whole and paged by position.
 */
@RestController
class RosterController {
    private static final String RED_FLAG = Slugs.of(ProgressStatus.RED_FLAG);

    private final AccessProjection access;
    private final RosterProjection roster;
    private final CoachProgressProjection progress;
    private final Clock clock;

    RosterController(AccessProjection access, RosterProjection roster, CoachProgressProjection progress, Clock clock) {
        this.access = access;
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

    @GetMapping("/api/v1/me/athletes")
    Mono<Page<RosterItem>> athletes(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String limit,
                                    @RequestParam(required = false) String cursor) {
        UUID coach = CurrentUser.id(jwt);
        int size = Paging.limit(limit);
        int offset = Paging.offset(cursor);
        Instant now = clock.instant();
        return Blocking.call(() -> {
            List<RosterItem> items = access.athletesOf(coach).stream()
                    .map(athlete -> roster.facts(athlete).map(f -> {
                        ProgressView view = f.lastExercise() == null ? null
                                : progress.progress(athlete, new Exercise(f.lastExercise()), now);
                        LatestPain pain = f.painScore() == null ? null : new LatestPain(f.painScore(), f.painQuality(), f.painAt());
                        return new RosterItem(athlete, f.displayName(), f.lastSetAt(), pain,
                                view == null ? null : view.status(), view);
                    }).orElse(null))
                    .filter(Objects::nonNull)
                    .sorted(Comparator.comparing((RosterItem i) -> !RED_FLAG.equals(i.status()))
                            .thenComparing(RosterItem::lastSetAt, Comparator.nullsLast(Comparator.reverseOrder())))
                    .toList();
            return Paging.slice(items, offset, size);
        });
    }
}
