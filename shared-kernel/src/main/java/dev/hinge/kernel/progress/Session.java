package dev.hinge.kernel.progress;

import dev.hinge.kernel.pain.PainClass;
import dev.hinge.kernel.pain.PainReport;
import dev.hinge.kernel.pain.PainReportedEvent;
import dev.hinge.kernel.training.Load;
import dev.hinge.kernel.training.OneRepMax;
import dev.hinge.kernel.training.SetLoggedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The sets of one exercise on one calendar day, with the pain readings that belong to it: the sets' own and
 * the exercise's pain reports of that day. A pain report on a day without sets ("the next morning") belongs
 * to the latest session before it; one before any session belongs to none.
 */
record Session(LocalDate date, List<SetLoggedEvent> sets, List<Reading> readings) {

    /** A pain report and when it was felt. */
    record Reading(PainReport report, Instant at) {
        /**
         * Mildest to worst: by what the pain means (a sharp 2 is worse than a sore 3), then by score, then by
         * quality; of two readings alike in all three, the later counts as worse.
         */
        static final Comparator<Reading> SEVERITY = Comparator
                .comparing((Reading r) -> r.report().classification())
                .thenComparingInt(r -> r.report().score().value())
                .thenComparing(r -> r.report().quality())
                .thenComparing(Reading::at);
    }

    Session {
        sets = List.copyOf(sets);
        readings = List.copyOf(readings);
    }

    /** Sessions oldest first, from sets and pain reports in time order. */
    static List<Session> group(List<SetLoggedEvent> sets, List<PainReportedEvent> painReports, ZoneId zone) {
        TreeMap<LocalDate, List<SetLoggedEvent>> setsByDay = new TreeMap<>();
        TreeMap<LocalDate, List<Reading>> readingsByDay = new TreeMap<>();
        for (SetLoggedEvent set : sets) {
            LocalDate day = LocalDate.ofInstant(set.performedAt(), zone);
            setsByDay.computeIfAbsent(day, d -> new ArrayList<>()).add(set);
            if (set.pain() != null) {
                readingsByDay.computeIfAbsent(day, d -> new ArrayList<>())
                        .add(new Reading(set.pain(), set.performedAt()));
            }
        }
        for (PainReportedEvent report : painReports) {
            LocalDate sessionDay = setsByDay.floorKey(LocalDate.ofInstant(report.at(), zone));
            if (sessionDay != null) {
                readingsByDay.computeIfAbsent(sessionDay, d -> new ArrayList<>())
                        .add(new Reading(report.report(), report.at()));
            }
        }
        return setsByDay.keySet().stream()
                .map(day -> new Session(day, setsByDay.get(day), readingsByDay.getOrDefault(day, List.of())))
                .toList();
    }

    /** The heaviest load of the session; the first logged wins a tie. */
    Load topLoad() {
        Load top = sets.get(0).load();
        for (SetLoggedEvent set : sets) {
            if (set.load().heavierThan(top)) {
                top = set.load();
            }
        }
        return top;
    }

    /** The time of the session's last set. */
    Instant lastSetAt() {
        return sets.get(sets.size() - 1).performedAt();
    }

    /** The session's pain: its worst reading; empty when no pain was reported. */
    Optional<Reading> pain() {
        return readings.stream().max(Reading.SEVERITY);
    }

    /** Pain was reported, and it was 0 with no sharp or red-flag quality. */
    boolean painFree() {
        return pain().map(r -> r.report().isPainFree()).orElse(false);
    }

    /** Pain of 4 or more, or sharp (or a red-flag quality, which is worse still; PainClass runs mild to worst). */
    boolean painful() {
        return pain().map(r -> r.report().classification().compareTo(PainClass.STOP_AND_REASSESS) >= 0).orElse(false);
    }

    /** The best Epley estimate of the session's sets; empty when every set had more than 10 reps. */
    Optional<Load> bestOneRepMax() {
        return sets.stream()
                .flatMap(set -> OneRepMax.epley(set.load(), set.reps()).stream())
                .reduce((best, next) -> next.heavierThan(best) ? next : best);
    }
}
