package dev.hinge.kernel.progress;

import dev.hinge.kernel.coaching.ClearanceGivenEvent;
import dev.hinge.kernel.coaching.CueAssignedEvent;
import dev.hinge.kernel.coaching.CueId;
import dev.hinge.kernel.coaching.CueRetiredEvent;
import dev.hinge.kernel.coaching.DeloadPrescribedEvent;
import dev.hinge.kernel.pain.PainReportedEvent;
import dev.hinge.kernel.pain.RedFlagRaisedEvent;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.SetId;
import dev.hinge.kernel.training.SetLoggedEvent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the events say about one exercise, accumulated in time order. Mutable, and only ever fed by
 * {@link ProgressFold}, which hands it the events already sorted; each handler keeps what its event means
 * for the exercise and ignores events of other exercises.
 */
final class History {
    private final Exercise exercise;
    private final Map<SetId, SetLoggedEvent> sets = new LinkedHashMap<>();
    private final List<PainReportedEvent> painReports = new ArrayList<>();
    private final Map<CueId, String> activeCues = new LinkedHashMap<>();
    private DeloadPrescribedEvent deload;
    private RedFlagRaisedEvent openRedFlag;

    History(Exercise exercise) {
        this.exercise = exercise;
    }

    /** A set logged twice under one id (a replayed request) counts once. */
    void on(SetLoggedEvent e) {
        if (exercise.equals(e.exercise())) {
            sets.putIfAbsent(e.setId(), e);
        }
    }

    /** A pain report without an exercise tells nothing about this exercise's sessions. */
    void on(PainReportedEvent e) {
        if (exercise.equals(e.exercise())) {
            painReports.add(e);
        }
    }

    /** A red flag without an exercise holds every exercise. The first one not yet cleared is kept. */
    void on(RedFlagRaisedEvent e) {
        if ((e.exercise() == null || exercise.equals(e.exercise())) && openRedFlag == null) {
            openRedFlag = e;
        }
    }

    /** Only a clearance for this exercise lifts its hold, whatever the red flag's scope was. */
    void on(ClearanceGivenEvent e) {
        if (exercise.equals(e.exercise())) {
            openRedFlag = null;
        }
    }

    /** The latest deload replaces any earlier one. */
    void on(DeloadPrescribedEvent e) {
        if (exercise.equals(e.exercise())) {
            deload = e;
        }
    }

    void on(CueAssignedEvent e) {
        if (exercise.equals(e.exercise())) {
            activeCues.putIfAbsent(e.cueId(), e.text());
        }
    }

    /** A retirement names only the cue; one of another exercise is simply not here. */
    void on(CueRetiredEvent e) {
        activeCues.remove(e.cueId());
    }

    /** The exercise's sets, in time order. */
    List<SetLoggedEvent> sets() {
        return List.copyOf(sets.values());
    }

    /** The exercise's pain reports outside sets, in time order. */
    List<PainReportedEvent> painReports() {
        return List.copyOf(painReports);
    }

    /** Active cue texts, oldest assigned first. */
    List<String> activeCues() {
        return List.copyOf(activeCues.values());
    }

    /** The active deload, or null. */
    DeloadPrescribedEvent deload() {
        return deload;
    }

    /** The red flag holding this exercise, or null. */
    RedFlagRaisedEvent openRedFlag() {
        return openRedFlag;
    }
}
