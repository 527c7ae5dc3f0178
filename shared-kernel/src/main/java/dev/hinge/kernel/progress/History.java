package dev.hinge.kernel.progress;

import dev.hinge.kernel.coaching.ClearanceGivenEvent;
import dev.hinge.kernel.coaching.CueAssignedEvent;
import dev.hinge.kernel.coaching.CueRetiredEvent;
import dev.hinge.kernel.coaching.DeloadPrescribedEvent;
import dev.hinge.kernel.pain.PainReportedEvent;
import dev.hinge.kernel.pain.RedFlagRaisedEvent;
import dev.hinge.kernel.pain.RedFlagStop;
import dev.hinge.kernel.progress.ProgressState.ActiveCue;
import dev.hinge.kernel.progress.Session.Reading;
import dev.hinge.kernel.training.ChecklistItem;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.Load;
import dev.hinge.kernel.training.SetLoggedEvent;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * What the events say about one exercise, accumulated in time order: the working copy of a {@link ProgressState}.
 * Mutable, and only ever fed by {@link ProgressFold} and {@link ProgressState#then}, which hand it events in time
 * order; each handler keeps what its event means for the exercise, no more than the rules need (a summary per
 * session, not the sets), and ignores events of other exercises.
 */
final class History {
    private final Exercise exercise;
    private final ZoneId zone;
    private final List<Session> sessions;
    /** Pain readings on days after the latest session, the worst per day: the next set decides where they belong. */
    private final TreeMap<LocalDate, Reading> pending = new TreeMap<>();
    private Load heaviest;
    /** Loads of pain-free sets since the deload (every one without a deload), one per mass, the first kept. */
    private final TreeMap<Load, Load> painFreeLoads = new TreeMap<>();
    private final List<ActiveCue> activeCues;
    private final List<List<ChecklistItem>> checklists;
    private DeloadPrescribedEvent deload;
    /** The red-flag stop standing on the exercise, or null. */
    private RedFlagStop redFlagStop;

    History(Exercise exercise, ZoneId zone) {
        this.exercise = exercise;
        this.zone = zone;
        this.sessions = new ArrayList<>();
        this.activeCues = new ArrayList<>();
        this.checklists = new ArrayList<>();
    }

    History(ProgressState state) {
        this.exercise = state.exercise();
        this.zone = state.zone();
        this.sessions = new ArrayList<>(state.sessions());
        state.pendingReadings().forEach(r -> pending.put(day(r), r));
        this.heaviest = state.heaviest();
        state.painFreeLoads().forEach(l -> painFreeLoads.put(l, l));
        this.activeCues = new ArrayList<>(state.activeCues());
        this.checklists = new ArrayList<>(state.recentChecklists());
        this.deload = state.deload();
        this.redFlagStop = state.redFlagStop();
    }

    ProgressState state(ProgressState.Position last) {
        return new ProgressState(ProgressState.FORMAT, exercise, zone, last, sessions, List.copyOf(pending.values()),
                heaviest, List.copyOf(painFreeLoads.values()), activeCues, checklists, deload, redFlagStop);
    }

    /**
     * A set of the exercise. It opens a session on a new day: readings kept aside from days before it go to the
     * session before, those of its own day to the new one. The caller never hands the same set id twice.
     */
    void on(SetLoggedEvent e) {
        if (!exercise.equals(e.exercise())) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(e.performedAt(), zone);
        int latest = sessions.size() - 1;
        if (latest >= 0 && sessions.get(latest).date().equals(day)) {
            sessions.set(latest, sessions.get(latest).with(e));
        } else {
            Reading sameDay = pending.remove(day);
            if (latest >= 0) {
                Session before = sessions.get(latest);
                for (Reading r : pending.values()) {
                    before = before.with(r);
                }
                sessions.set(latest, before);
            }
            pending.clear();
            sessions.add(Session.opening(day, e, sameDay));
        }
        if (heaviest == null || e.load().heavierThan(heaviest)) {
            heaviest = e.load();
        }
        if (e.pain() != null && e.pain().isPainFree()) {
            painFreeLoads.putIfAbsent(e.load(), e.load());
        }
        if (!e.checklist().isEmpty()) {
            checklists.add(e.checklist());
            if (checklists.size() > ProgressFold.CHECKLIST_WINDOW) {
                checklists.remove(0);
            }
        }
    }

    /** A pain report without an exercise tells nothing about this exercise's sessions. */
    void on(PainReportedEvent e) {
        if (!exercise.equals(e.exercise())) {
            return;
        }
        Reading reading = new Reading(e.report(), e.at());
        LocalDate day = day(reading);
        int latest = sessions.size() - 1;
        if (latest >= 0 && sessions.get(latest).date().equals(day)) {
            sessions.set(latest, sessions.get(latest).with(reading));
        } else {
            pending.merge(day, reading, Reading::worse);
        }
    }

    /** A red flag may stop the exercise ({@link RedFlagStop#on}); while a stop stands, later red flags change nothing. */
    void on(RedFlagRaisedEvent e) {
        if (redFlagStop == null) {
            redFlagStop = RedFlagStop.on(exercise, e).orElse(null);
        }
    }

    /** A clearance may lift the stop ({@link RedFlagStop#liftedBy}). */
    void on(ClearanceGivenEvent e) {
        if (redFlagStop != null && redFlagStop.liftedBy(e)) {
            redFlagStop = null;
        }
    }

    /** The latest deload replaces any earlier one; pain-free loads count from it on. */
    void on(DeloadPrescribedEvent e) {
        if (exercise.equals(e.exercise())) {
            deload = e;
            painFreeLoads.clear();
        }
    }

    /** A cue assigned twice under one id keeps its first text. */
    void on(CueAssignedEvent e) {
        if (exercise.equals(e.exercise()) && activeCues.stream().noneMatch(c -> c.cueId().equals(e.cueId()))) {
            activeCues.add(new ActiveCue(e.cueId(), e.text()));
        }
    }

    /** A retirement names only the cue; one of another exercise is simply not here. */
    void on(CueRetiredEvent e) {
        activeCues.removeIf(c -> c.cueId().equals(e.cueId()));
    }

    private LocalDate day(Reading reading) {
        return LocalDate.ofInstant(reading.at(), zone);
    }

}
