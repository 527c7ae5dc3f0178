package dev.hinge.kernel.progress;

import dev.hinge.kernel.pain.PainClass;
import dev.hinge.kernel.pain.PainReport;
import dev.hinge.kernel.training.Load;
import dev.hinge.kernel.training.OneRepMax;
import dev.hinge.kernel.training.SetLoggedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;

/**
 * The sets of one exercise on one calendar day, summed up as far as the rules need them, with the worst pain
 * reading that belongs to it: the sets' own and the exercise's pain reports of that day. A pain report on a day
 * without sets ("the next morning") belongs to the latest session before it; one before any session belongs to none
 * (see {@link History}, which keeps such readings aside until the next set tells where they belong).
 *
 * @param date          the calendar day, in the athlete's zone
 * @param topLoad       the heaviest load of the day's sets; the first logged wins a tie
 * @param lastSetAt     the time of the day's last set
 * @param worst         the worst pain reading of the session, or null when no pain was reported
 * @param bestOneRepMax the best Epley estimate of the day's sets (the first wins a tie); null when every set had
 *                      more than 10 reps
 */
public record Session(LocalDate date, Load topLoad, Instant lastSetAt, Reading worst, Load bestOneRepMax) {

    /** A pain report and when it was felt. */
    public record Reading(PainReport report, Instant at) {
        /**
         * Mildest to worst: by what the pain means (a sharp 2 is worse than a sore 3), then by score, then by
         * quality; of two readings alike in all three, the later counts as worse.
         */
        static final Comparator<Reading> SEVERITY = Comparator
                .comparing((Reading r) -> r.report().classification())
                .thenComparingInt(r -> r.report().score().value())
                .thenComparing(r -> r.report().quality())
                .thenComparing(Reading::at);

        /** The worse of two readings, either of which may be null; the first wins a tie. */
        static Reading worse(Reading a, Reading b) {
            if (a == null) {
                return b;
            }
            return b == null || SEVERITY.compare(a, b) >= 0 ? a : b;
        }
    }

    /** The session a set opens, with the readings of its day that came before the set. */
    static Session opening(LocalDate date, SetLoggedEvent set, Reading earlier) {
        return new Session(date, set.load(), set.performedAt(), Reading.worse(earlier, reading(set)),
                OneRepMax.epley(set.load(), set.reps()).orElse(null));
    }

    /** This session with one more set, logged at or after every set already in it. */
    Session with(SetLoggedEvent set) {
        Load top = set.load().heavierThan(topLoad) ? set.load() : topLoad;
        Load estimate = OneRepMax.epley(set.load(), set.reps())
                .filter(e -> bestOneRepMax == null || e.heavierThan(bestOneRepMax))
                .orElse(bestOneRepMax);
        return new Session(date, top, set.performedAt(), Reading.worse(worst, reading(set)), estimate);
    }

    /** This session with one more pain reading. */
    Session with(Reading reading) {
        return new Session(date, topLoad, lastSetAt, Reading.worse(worst, reading), bestOneRepMax);
    }

    private static Reading reading(SetLoggedEvent set) {
        return set.pain() == null ? null : new Reading(set.pain(), set.performedAt());
    }

    /** The session's pain: its worst reading; empty when no pain was reported. */
    Optional<Reading> pain() {
        return Optional.ofNullable(worst);
    }

    /** Pain was reported, and it was 0 with no sharp or red-flag quality. */
    boolean painFree() {
        return worst != null && worst.report().isPainFree();
    }

    /** Pain of 4 or more, or sharp (or a red-flag quality, which is worse still; PainClass runs mild to worst). */
    boolean painful() {
        return worst != null && worst.report().classification().compareTo(PainClass.STOP_AND_REASSESS) >= 0;
    }
}
