package dev.hinge.coach.roster.web;

import dev.hinge.coach.roster.query.RosterProjection;
import dev.hinge.coach.web.Display;
import dev.hinge.kernel.progress.ProgressView;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.web.Blocking;
import dev.hinge.readside.progress.ProgressProjection;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import dev.hinge.platform.pages.PageController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The coach's home page: their athletes by need (red flags, then pain, then the rest; see
 * {@link RosterProjection#byNeed}), each with a status badge in words, when they last trained and their latest pain,
 * and the offers of access waiting for the coach (the offers' own fragment). The list keeps itself current by asking
 * every few seconds whether it changed ({@code /coach/roster?since=}): there is no coach-wide live stream, and an
 * unchanged list is not swapped, so keyboard focus stays where it is.
 */
@PageController
class RosterPages {
    static final int PAGE = 50;

    private final RosterProjection roster;
    private final ProgressProjection progress;
    private final Clock clock;

    RosterPages(RosterProjection roster, ProgressProjection progress, Clock clock) {
        this.roster = roster;
        this.progress = progress;
        this.clock = clock;
    }

    /** One athlete as the roster shows them; {@code status} a slug or null before any set. */
    record Row(UUID athleteId, String name, String status, String statusLabel, String statusClass, String lastTrained,
               Instant lastSetAt, String pain, boolean painful, String exercise, String suggestion) {
    }

    /** A page of rows; {@code version} changes whenever what the page shows changes; {@code more}: the next offset. */
    record Roster(List<Row> rows, String version, Integer more, int from) {
    }

    @GetMapping("/coach/")
    Mono<Rendering> home(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String from) {
        int offset = offset(from);
        return roster(CurrentUser.id(jwt), offset)
                .map(list -> Rendering.view("coach/roster").modelAttribute("roster", list).build());
    }

    /** The list alone for the page's poll: unchanged since {@code since}, nothing is swapped. */
    @GetMapping("/coach/roster")
    Mono<Rendering> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String from,
                         @RequestParam(required = false) String since) {
        return roster(CurrentUser.id(jwt), offset(from)).map(list -> list.version().equals(since)
                ? Rendering.view("coach/roster :: unchanged").header("HX-Reswap", "none").build()
                : Rendering.view("coach/roster :: athletes").modelAttribute("roster", list).build());
    }

    private Mono<Roster> roster(UUID coach, int offset) {
        Instant now = clock.instant();
        return Blocking.call(() -> {
            List<RosterProjection.AthleteFacts> facts = roster.byNeed(coach, offset, PAGE);
            List<RosterProjection.AthleteFacts> shown = facts.stream().limit(PAGE).toList();
            Map<UUID, Exercise> lastExercises = new HashMap<>();
            shown.stream().filter(f -> f.lastExercise() != null)
                    .forEach(f -> lastExercises.put(f.athleteId(), new Exercise(f.lastExercise())));
            Map<UUID, ProgressView> views = progress.progress(lastExercises, now);
            List<Row> rows = shown.stream().map(f -> row(f, views.get(f.athleteId()))).toList();
            return new Roster(rows, Integer.toHexString(rows.hashCode()), facts.size() > PAGE ? offset + PAGE : null,
                    offset);
        });
    }

    private static Row row(RosterProjection.AthleteFacts facts, ProgressView view) {
        String status = view == null ? null : view.status();
        String pain = facts.painScore() == null ? "not reported"
                : facts.painScore() + "/10" + ("none".equals(facts.painQuality()) ? "" : " " + facts.painQuality())
                + " on " + Display.day(facts.painAt());
        boolean painful = facts.painScore() != null && facts.painScore() >= 4;
        String suggestion = view == null || view.suggestion() == null ? null
                : Display.action(view.suggestion().action()) + (view.suggestion().load() == null ? ""
                : " to " + Display.load(view.suggestion().load().value(), view.suggestion().load().unit()));
        return new Row(facts.athleteId(), facts.displayName(), status, Display.status(status), Display.statusClass(status),
                Display.when(facts.lastSetAt()), facts.lastSetAt(), pain, painful,
                facts.lastExercise() == null ? null : Display.words(facts.lastExercise()), suggestion);
    }

    private static int offset(String from) {
        try {
            return from == null ? 0 : Math.max(0, Integer.parseInt(from));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
