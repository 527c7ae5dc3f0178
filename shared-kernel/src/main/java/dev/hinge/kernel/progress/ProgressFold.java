package dev.hinge.kernel.progress;

import dev.hinge.kernel.coaching.ClearanceGivenEvent;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.coaching.CueAssignedEvent;
import dev.hinge.kernel.coaching.CueRetiredEvent;
import dev.hinge.kernel.coaching.DeloadPrescribedEvent;
import dev.hinge.kernel.pain.PainReportedEvent;
import dev.hinge.kernel.pain.RedFlagRaisedEvent;
import dev.hinge.kernel.pain.RedFlagStop;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.SetId;
import dev.hinge.kernel.training.SetLoggedEvent;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
 * {@link #dated}'s ranks (a deload, then cues, then a clearance, then sets, pain reports and red flags, so a red
 * flag at the very instant of a clearance still stops the exercise), and then by the event's id.
 *
 * <p>The fold goes through a {@link ProgressState}, which a read model keeps and carries forward event by event
 * ({@link ProgressState#then}), so that a view reads the state and applies only what depends on the moment asked
 * about. Folding the whole history ({@link #state}) and carrying a state forward in any arrival order give equal
 * states, and so equal views.
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
 * <li>A red flag stops the exercise until a clearance for it: the rules of a {@link RedFlagStop}.</li>
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

    private ProgressFold() {
    }

    /**
     * @param exercise the exercise to report on
     * @param events   one athlete's event payloads, in any order; unknown objects are ignored
     * @param asOf     the moment the view describes: later events are left out, weeks are counted up to it
     * @param zone     the athlete's time zone, which decides the calendar day of a session
     */
    public static ProgressView fold(Exercise exercise, Collection<?> events, Instant asOf, ZoneId zone) {
        Objects.requireNonNull(asOf, "as of");
        return fold(exercise, events.stream().filter(e -> dated(e).map(d -> !d.position().at().isAfter(asOf)).orElse(false))
                .toList(), zone).view(asOf);
    }

    /**
     * The state the whole history gives, to keep and carry forward with {@link ProgressState#then}: every event the
     * fold reads, whatever its time.
     *
     * @param events one athlete's event payloads, in any order; unknown objects are ignored
     */
    public static ProgressState state(Exercise exercise, Collection<?> events, ZoneId zone) {
        return fold(exercise, events, zone);
    }

    private static ProgressState fold(Exercise exercise, Collection<?> events, ZoneId zone) {
        Objects.requireNonNull(exercise, "exercise");
        Objects.requireNonNull(zone, "zone");
        History history = new History(exercise, zone);
        Set<SetId> sets = new HashSet<>();
        ProgressState.Position last = null;
        List<Dated> ordered = events.stream()
                .map(ProgressFold::dated)
                .flatMap(Optional::stream)
                .filter(d -> d.concerns(exercise))
                .sorted(Comparator.comparing(Dated::position))
                .toList();
        for (Dated event : ordered) {
            // a set logged twice under one id (a replayed request) counts once: the first in time order
            if (!(event.event() instanceof SetLoggedEvent set) || sets.add(set.setId())) {
                event.apply().accept(history);
            }
            last = event.position();
        }
        return history.state(last);
    }

    /** An event the fold knows, with where it sits in time order and what it does to the history. */
    record Dated(Object event, ProgressState.Position position, Consumer<History> apply) {
        /**
         * Whether the event can change the exercise's state. A retirement names only its cue, so it concerns every
         * exercise (its place in time order matters if the cue's assignment comes late).
         */
        boolean concerns(Exercise exercise) {
            if (event instanceof RedFlagRaisedEvent redFlag) {
                return RedFlagStop.on(exercise, redFlag).isPresent();
            }
            return event instanceof CueRetiredEvent || exercise.equals(exerciseOf(event));
        }
    }

    /**
     * The fold's order at an equal time is by type, in these ranks: a deload, then cues, then a clearance, then sets,
     * pain reports and red flags (so a red flag at the very instant of a clearance still stops); then by id.
     */
    static Optional<Dated> dated(Object event) {
        if (event instanceof DeloadPrescribedEvent e) {
            return Optional.of(dated(e, e.at(), 0, e.deloadId().toString(), h -> h.on(e)));
        } else if (event instanceof CueAssignedEvent e) {
            return Optional.of(dated(e, e.at(), 1, e.cueId().toString(), h -> h.on(e)));
        } else if (event instanceof CueRetiredEvent e) {
            return Optional.of(dated(e, e.at(), 2, e.cueId().toString(), h -> h.on(e)));
        } else if (event instanceof ClearanceGivenEvent e) {
            return Optional.of(dated(e, e.at(), 3, e.clearanceId().toString(), h -> h.on(e)));
        } else if (event instanceof SetLoggedEvent e) {
            return Optional.of(dated(e, e.performedAt(), 4, e.setId().toString(), h -> h.on(e)));
        } else if (event instanceof PainReportedEvent e) {
            return Optional.of(dated(e, e.at(), 5, e.painReportId().toString(), h -> h.on(e)));
        } else if (event instanceof RedFlagRaisedEvent e) {
            return Optional.of(dated(e, e.at(), 6, e.redFlagId().toString(), h -> h.on(e)));
        }
        return Optional.empty();
    }

    private static Dated dated(Object event, Instant at, int rank, String id, Consumer<History> apply) {
        return new Dated(event, new ProgressState.Position(at, rank, id), apply);
    }

    /**
     * The exercise {@code event} is about; null for an event of every exercise (a red flag or pain report without
     * one), a retirement (it names only its cue), or an event the fold does not read.
     */
    public static Exercise exerciseOf(Object event) {
        if (event instanceof SetLoggedEvent e) {
            return e.exercise();
        } else if (event instanceof PainReportedEvent e) {
            return e.exercise();
        } else if (event instanceof RedFlagRaisedEvent e) {
            return e.exercise();
        } else if (event instanceof DeloadPrescribedEvent e) {
            return e.exercise();
        } else if (event instanceof CueAssignedEvent e) {
            return e.exercise();
        } else if (event instanceof ClearanceGivenEvent e) {
            return e.exercise();
        }
        return null;
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
