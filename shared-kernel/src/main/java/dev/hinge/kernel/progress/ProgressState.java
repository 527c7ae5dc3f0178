package dev.hinge.kernel.progress;

import dev.hinge.kernel.coaching.CueId;
import dev.hinge.kernel.coaching.DeloadPrescribedEvent;
import dev.hinge.kernel.pain.RedFlagStop;
import dev.hinge.kernel.progress.Session.Reading;
import dev.hinge.kernel.training.ChecklistItem;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.Load;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The progress fold's state for one athlete and exercise: what the events applied so far mean for the rules, kept
 * between events so that a view costs no more than reading it ({@link #view}) however long the history. It holds a
 * summary per session (the e1RM trend shows one point each), not the sets.
 *
 * <p>Events are applied in time order, the order {@link ProgressFold} folds in: {@link #then} answers empty for an
 * event that comes before the last one applied (a set logged late), and the caller folds the athlete's history once
 * instead ({@link ProgressFold#state}). Any arrival order handled that way gives the state the whole history gives
 * (a property test proves it).
 *
 * <p>A view describes a moment at or after the last event applied: the state cannot take back an event that lies
 * after the moment asked about ({@link #describes}); the caller folds the history for such a moment.
 *
 * @param format           the shape of this record: {@link #FORMAT} when written; a stored state of another format is
 *                         rebuilt from the events, never read
 * @param last             where the last applied event sits in time order, or null before any
 * @param sessions         a summary per session, oldest first
 * @param pendingReadings  pain readings on days after the latest session (the worst per day, oldest first); they
 *                         count for the latest session unless a set on their own day opens a session for them
 * @param heaviest         the heaviest load logged (the first wins a tie), or null
 * @param painFreeLoads    loads of pain-free sets since the deload (all without one), one per mass, lightest first
 * @param activeCues       cues not retired, oldest assigned first
 * @param recentChecklists the checklists of the last {@value ProgressFold#CHECKLIST_WINDOW} sets that carried one
 * @param deload           the active deload, or null
 * @param redFlagStop      the red-flag stop standing on the exercise, or null
 */
public record ProgressState(int format, Exercise exercise, ZoneId zone, Position last, List<Session> sessions,
                            List<Reading> pendingReadings, Load heaviest, List<Load> painFreeLoads,
                            List<ActiveCue> activeCues, List<List<ChecklistItem>> recentChecklists,
                            DeloadPrescribedEvent deload, RedFlagStop redFlagStop) {

    /** The shape of this record and its parts; raise it with any change to them, so stored states are rebuilt. */
    public static final int FORMAT = 2;

    public ProgressState {
        Objects.requireNonNull(exercise, "exercise");
        Objects.requireNonNull(zone, "zone");
        sessions = List.copyOf(sessions);
        pendingReadings = List.copyOf(pendingReadings);
        painFreeLoads = List.copyOf(painFreeLoads);
        activeCues = List.copyOf(activeCues);
        recentChecklists = recentChecklists.stream().map(List::copyOf).toList();
    }

    /** Where an event sits in the fold's time order: its own time, then its type's rank, then its id. */
    public record Position(Instant at, int rank, String id) implements Comparable<Position> {
        private static final Comparator<Position> ORDER = Comparator.comparing(Position::at)
                .thenComparingInt(Position::rank)
                .thenComparing(Position::id);

        @Override
        public int compareTo(Position other) {
            return ORDER.compare(this, other);
        }
    }

    /** A cue not yet retired. */
    public record ActiveCue(CueId cueId, String text) {
    }

    /** Nothing applied yet. */
    public static ProgressState empty(Exercise exercise, ZoneId zone) {
        return new History(exercise, zone).state(null);
    }

    /**
     * This state with {@code event} applied; unchanged for an event the fold does not read, of another exercise, or
     * already applied (the same place in time order); empty when the event comes before the last one applied, so
     * that the history must be folded again. The caller never hands a set whose id was applied before (a repeated
     * set counts once, which only the whole history can tell): it folds the history for it too.
     */
    public Optional<ProgressState> then(Object event) {
        Optional<ProgressFold.Dated> dated = ProgressFold.dated(event).filter(d -> d.concerns(exercise));
        if (dated.isEmpty()) {
            return Optional.of(this);
        }
        Position position = dated.get().position();
        if (last != null) {
            int order = position.compareTo(last);
            if (order < 0) {
                return Optional.empty();
            }
            if (order == 0) {
                return Optional.of(this);
            }
        }
        History history = new History(this);
        dated.get().apply().accept(history);
        return Optional.of(history.state(position));
    }

    /** Whether {@link #view} can describe {@code asOf}: no event applied lies after it. */
    public boolean describes(Instant asOf) {
        return last == null || !last.at().isAfter(asOf);
    }

    /**
     * The view as of {@code asOf}: the same as {@link ProgressFold#fold} gives for the events applied.
     *
     * @throws IllegalArgumentException when an applied event lies after {@code asOf} (see {@link #describes})
     */
    public ProgressView view(Instant asOf) {
        if (!describes(asOf)) {
            throw new IllegalArgumentException("the state holds an event at " + last.at() + ", after " + asOf);
        }
        return new ProgressRules(this, asOf).view();
    }
}
