package dev.hinge.kernel.pain;

import dev.hinge.kernel.coaching.ClearanceGivenEvent;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.training.Exercise;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A red-flag stop: training of one exercise stops after a red-flag symptom until a coach clears the athlete for that
 * exercise. The athlete's aggregate raises it, the progress fold keeps it per exercise; both through this class.
 * (Called a "stop", not a "hold": {@code SuggestedAction.HOLD} is the unrelated advice to stay at a load, while a
 * red-flag stop turns every suggestion into {@code STOP}.)
 *
 * <p>The rules (docs/domain.md, "Red flags: what stops training and what clears it"):
 * <ul>
 * <li><b>What raises it</b>: a set or a pain report whose pain has a red-flag quality (radiating, tingling, numbness,
 *     whatever the score) raises a {@link RedFlagRaisedEvent} beside it, with an id derived from it ({@link #raise}).
 *     The entry itself is always recorded: a stop never refuses a log entry.</li>
 * <li><b>What it stops</b>: the exercise the red flag names; one raised by a pain report without an exercise stops
 *     every exercise, each on its own ({@link #on}). While a stop stands, later red flags change nothing: the first
 *     one not yet cleared is the one the stop names.</li>
 * <li><b>What lifts it</b>: only a coach's clearance for that exercise ({@link #liftedBy}), so a red flag of every
 *     exercise needs a clearance per exercise; pain-free sets never lift it. A red flag raised after a clearance stops
 *     again, and so does one raised at the very instant of a clearance (the progress fold orders a clearance before a
 *     red flag of the same time).</li>
 * <li><b>What it changes</b>: while it stands the exercise's progress status is {@code red_flag} and the suggestion is
 *     {@code stop}, with no load (the progress rules ask first whether a stop stands). Once lifted, the session with
 *     the red-flag pain still counts as painful.</li>
 * </ul>
 *
 * @param exercise  the exercise stopped
 * @param redFlagId the red flag that stopped it: the first one not cleared
 * @param report    that red flag's pain
 * @param at        when that red flag was raised
 */
public record RedFlagStop(Exercise exercise, UUID redFlagId, PainReport report, Instant at) {

    public RedFlagStop {
        Objects.requireNonNull(exercise, "exercise");
        Objects.requireNonNull(redFlagId, "red flag id");
        Objects.requireNonNull(report, "pain report");
        Objects.requireNonNull(at, "at");
    }

    /**
     * The red flag that {@code pain}, logged with a set or a pain report, raises: one when its quality is a red flag,
     * none otherwise (and none for a set logged without a pain answer).
     *
     * @param sourceId the set or pain report that carried the pain; the red flag's id is derived from it
     * @param exercise the exercise the red flag stops; null (a pain report without an exercise) stops every one
     */
    public static Optional<RedFlagRaisedEvent> raise(AthleteId athleteId, UUID sourceId, Exercise exercise,
                                                     PainReport pain, Instant at) {
        if (pain == null || !pain.isRedFlag()) {
            return Optional.empty();
        }
        return Optional.of(new RedFlagRaisedEvent(athleteId, RedFlagRaisedEvent.idFor(sourceId), sourceId, exercise,
                pain, at));
    }

    /** The stop {@code redFlag} puts on {@code exercise}: when it names that exercise, or none. */
    public static Optional<RedFlagStop> on(Exercise exercise, RedFlagRaisedEvent redFlag) {
        if (redFlag.exercise() != null && !redFlag.exercise().equals(exercise)) {
            return Optional.empty();
        }
        return Optional.of(new RedFlagStop(exercise, redFlag.redFlagId(), redFlag.report(), redFlag.at()));
    }

    /** Whether {@code clearance} lifts this stop: only a clearance for the stopped exercise does. */
    public boolean liftedBy(ClearanceGivenEvent clearance) {
        return exercise.equals(clearance.exercise());
    }
}
