package dev.hinge.kernel.progress;

import dev.hinge.kernel.coaching.ClearanceGivenEvent;
import dev.hinge.kernel.coaching.ClearanceId;
import dev.hinge.kernel.coaching.CueAssignedEvent;
import dev.hinge.kernel.coaching.CueId;
import dev.hinge.kernel.coaching.CueRetiredEvent;
import dev.hinge.kernel.coaching.Deload;
import dev.hinge.kernel.coaching.DeloadId;
import dev.hinge.kernel.coaching.DeloadPrescribedEvent;
import dev.hinge.kernel.coaching.Percent;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.pain.PainQuality;
import dev.hinge.kernel.pain.PainReport;
import dev.hinge.kernel.pain.PainReportId;
import dev.hinge.kernel.pain.PainReportedEvent;
import dev.hinge.kernel.pain.PainScore;
import dev.hinge.kernel.pain.RedFlagRaisedEvent;
import dev.hinge.kernel.training.ChecklistItem;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.Load;
import dev.hinge.kernel.training.Reps;
import dev.hinge.kernel.training.SetId;
import dev.hinge.kernel.training.SetLoggedEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Terse builders for the events a progress fold reads. Ids are sequential, so runs are repeatable. */
final class Events {
    static final AthleteId ATHLETE = AthleteId.of(UUID.fromString("00000000-0000-0000-0000-00000000a001"));
    static final CoachId COACH = CoachId.of(UUID.fromString("00000000-0000-0000-0000-00000000c001"));
    static final Exercise DEADLIFT = Exercise.DEADLIFT;
    static final Exercise SQUAT = new Exercise("back_squat");
    /** Monday 2026-10-05, 18:00 UTC: day 0 of every scenario. */
    static final Instant DAY_0 = Instant.parse("2026-10-05T18:00:00Z");
    static final PainReport PAIN_FREE = PainReport.NONE;
    static final PainReport SHARP_6 = pain(6, PainQuality.SHARP);

    private static final AtomicLong IDS = new AtomicLong();

    private Events() {
    }

    static Instant day(int n) {
        return DAY_0.plus(Duration.ofDays(n));
    }

    static UUID nextId() {
        return new UUID(0L, IDS.incrementAndGet());
    }

    static PainReport pain(int score, PainQuality quality) {
        return new PainReport(new PainScore(score), "lower back", quality);
    }

    static SetLoggedEvent set(Load load, int reps, Instant at, PainReport pain, ChecklistItem... checklist) {
        return set(DEADLIFT, load, reps, at, pain, checklist);
    }

    static SetLoggedEvent set(Exercise exercise, Load load, int reps, Instant at, PainReport pain,
                              ChecklistItem... checklist) {
        return new SetLoggedEvent(ATHLETE, SetId.of(nextId()), exercise, load, new Reps(reps), null, at, pain,
                List.of(checklist), null);
    }

    static DeloadPrescribedEvent deload(String percent, Load referenceMax, Instant at) {
        return deload(DEADLIFT, percent, referenceMax, at);
    }

    static DeloadPrescribedEvent deload(Exercise exercise, String percent, Load referenceMax, Instant at) {
        return new DeloadPrescribedEvent(ATHLETE, COACH, DeloadId.of(nextId()), exercise,
                Deload.of(Percent.of(percent), referenceMax), at);
    }

    static CueAssignedEvent cue(String text, Instant at) {
        return cue(DEADLIFT, text, at);
    }

    static CueAssignedEvent cue(Exercise exercise, String text, Instant at) {
        return new CueAssignedEvent(ATHLETE, COACH, CueId.of(nextId()), text, exercise, null, null, null, at);
    }

    static CueRetiredEvent retired(CueAssignedEvent cue, Instant at) {
        return new CueRetiredEvent(ATHLETE, COACH, cue.cueId(), at);
    }

    static PainReportedEvent painReport(Exercise exercise, PainReport report, Instant at) {
        return new PainReportedEvent(ATHLETE, PainReportId.of(nextId()), report, exercise, at, null);
    }

    /** A red flag as the aggregate raises it; {@code exercise} null holds every exercise. */
    static RedFlagRaisedEvent redFlag(Exercise exercise, PainQuality quality, Instant at) {
        UUID source = nextId();
        return new RedFlagRaisedEvent(ATHLETE, RedFlagRaisedEvent.idFor(source), source, exercise,
                pain(3, quality), at);
    }

    static ClearanceGivenEvent clearance(Exercise exercise, Instant at) {
        return new ClearanceGivenEvent(ATHLETE, COACH, ClearanceId.of(nextId()), exercise, "evaluated", at);
    }
}
