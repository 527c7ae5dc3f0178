package dev.hinge.kernel.progress;

import dev.hinge.kernel.coaching.ClearanceGivenEvent;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.coaching.CueAssignedEvent;
import dev.hinge.kernel.coaching.CueRetiredEvent;
import dev.hinge.kernel.coaching.DeloadPrescribedEvent;
import dev.hinge.kernel.pain.PainReportedEvent;
import dev.hinge.kernel.pain.RedFlagRaisedEvent;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.SetLoggedEvent;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The progress of one athlete on one exercise, folded from their events: the one piece of code behind both
 * services' progress projections. Pure: the same events, "as of" and zone always give an equal view.
 *
 * <p>The caller passes the event payloads of one athlete. The fold reads {@link SetLoggedEvent},
 * {@link PainReportedEvent}, {@link RedFlagRaisedEvent}, {@link DeloadPrescribedEvent}, {@link CueAssignedEvent},
 * {@link CueRetiredEvent} and {@link ClearanceGivenEvent}; it ignores any other object, events of other exercises,
 * and events whose own time ({@code performedAt} for a set, {@code at} for the rest) lies after {@code asOf}.
 * It orders events by that time, not by arrival, so a set logged late lands in its place and any permutation
 * of the same events folds to an equal view. At an equal time the order is fixed by type, in the order of
 * {@link #fold}'s ranks (a deload, then cues, then a clearance, then sets, pain reports and red flags, so a red
 * flag at the very instant of a clearance still holds), and then by the event's id.
 *
 * <p>The rules (docs/domain.md, "Progress: status and suggestion"), and the choices made where the domain is silent:
 * <ul>
 * <li>A session is the sets of the exercise on one calendar day in {@code zone}; its pain is its worst reading
 *     (see {@link Session}). A pain report for the exercise on a day without sets counts for the latest
 *     session before it: pain felt the next morning is pain from that session.</li>
 * <li>The deload is the latest prescribed for the exercise; it stays active until another replaces it. Sets
 *     at or after its time are "since the deload". While it is active, {@code increase} and {@code hold} rest
 *     on the sessions since it (before any, hold at its rounded load); {@code back_off} on the latest session,
 *     whenever it was.</li>
 * <li>Without a deload the reference max is the heaviest load logged, the view's unit is that set's, and
 *     {@code increase} adds 5% of the top load.</li>
 * <li>{@code increase} starts from the heavier top load of the last two sessions, caps at the reference max
 *     while a deload is active, then rounds down to the unit's plate step (5 lb, 2.5 kg).</li>
 * <li>{@code back_off} goes to the best pain-free load below the painful session's top load, else to the
 *     deload's rounded load if that is below it, else it names no load.</li>
 * <li>A session counts as painful with pain of 4 or more, sharp pain, or a red-flag quality (once cleared).
 *     {@code painFreeStreak} counts the most recent sessions in a row whose pain was reported and was 0; a
 *     session without any pain reading ends the streak.</li>
 * <li>Only a {@link ClearanceGivenEvent} for the exercise lifts a red flag, including one raised for every
 *     exercise; a pain-free set never does.</li>
 * <li>{@code weeksSinceDeload} is the exact time elapsed from the deload to {@code asOf}, in weeks.</li>
 * </ul>
 */
public final class ProgressFold {
    /** Warning code: more than {@value #SESSIONS_PER_WEEK} sessions in the 7 days ending at the latest one. */
    public static final String FREQUENT_SESSIONS = "frequent_sessions";
    /** The article: deadlift once or twice a week. */
    public static final int SESSIONS_PER_WEEK = 2;
    /** Checklist adherence looks at this many of the latest sets that carried a checklist. */
    public static final int CHECKLIST_WINDOW = 10;

    private static final Comparator<Dated> TIME_ORDER = Comparator.comparing(Dated::at)
            .thenComparingInt(Dated::rank)
            .thenComparing(Dated::id);

    private ProgressFold() {
    }

    /**
     * @param exercise the exercise to report on
     * @param events   one athlete's event payloads, in any order; unknown objects are ignored
     * @param asOf     the moment the view describes: later events are left out, weeks are counted up to it
     * @param zone     the athlete's time zone, which decides the calendar day of a session
     */
    public static ProgressView fold(Exercise exercise, Collection<?> events, Instant asOf, ZoneId zone) {
        Objects.requireNonNull(exercise, "exercise");
        Objects.requireNonNull(asOf, "as of");
        Objects.requireNonNull(zone, "zone");
        History history = new History(exercise);
        events.stream()
                .map(ProgressFold::dated)
                .flatMap(Optional::stream)
                .filter(e -> !e.at().isAfter(asOf))
                .sorted(TIME_ORDER)
                .forEach(e -> e.apply().accept(history));
        return new ProgressRules(exercise, history, asOf, zone).view();
    }

    /** An event the fold knows, with what orders it and what it does to the history. */
    private record Dated(Instant at, int rank, String id, Consumer<History> apply) {
    }

    private static Optional<Dated> dated(Object event) {
        if (event instanceof DeloadPrescribedEvent e) {
            return Optional.of(new Dated(e.at(), 0, e.deloadId().toString(), h -> h.on(e)));
        } else if (event instanceof CueAssignedEvent e) {
            return Optional.of(new Dated(e.at(), 1, e.cueId().toString(), h -> h.on(e)));
        } else if (event instanceof CueRetiredEvent e) {
            return Optional.of(new Dated(e.at(), 2, e.cueId().toString(), h -> h.on(e)));
        } else if (event instanceof ClearanceGivenEvent e) {
            return Optional.of(new Dated(e.at(), 3, e.clearanceId().toString(), h -> h.on(e)));
        } else if (event instanceof SetLoggedEvent e) {
            return Optional.of(new Dated(e.performedAt(), 4, e.setId().toString(), h -> h.on(e)));
        } else if (event instanceof PainReportedEvent e) {
            return Optional.of(new Dated(e.at(), 5, e.painReportId().toString(), h -> h.on(e)));
        } else if (event instanceof RedFlagRaisedEvent e) {
            return Optional.of(new Dated(e.at(), 6, e.redFlagId().toString(), h -> h.on(e)));
        }
        return Optional.empty();
    }

    /** The athlete whose progress {@code event} concerns, or empty for events the fold does not read. */
    public static Optional<AthleteId> athleteOf(Object event) {
        if (event instanceof SetLoggedEvent e) {
            return Optional.of(e.athleteId());
        } else if (event instanceof PainReportedEvent e) {
            return Optional.of(e.athleteId());
        } else if (event instanceof RedFlagRaisedEvent e) {
            return Optional.of(e.athleteId());
        } else if (event instanceof DeloadPrescribedEvent e) {
            return Optional.of(e.athleteId());
        } else if (event instanceof CueAssignedEvent e) {
            return Optional.of(e.athleteId());
        } else if (event instanceof CueRetiredEvent e) {
            return Optional.of(e.athleteId());
        } else if (event instanceof ClearanceGivenEvent e) {
            return Optional.of(e.athleteId());
        }
        return Optional.empty();
    }
}
