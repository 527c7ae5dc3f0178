package dev.hinge.kernel.training;

import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.pain.PainReport;

import java.time.Instant;
import java.util.List;

/** One set as performed. {@code pain} and {@code rpe} are null when not reported. */
public record SetLoggedEvent(AthleteId athleteId, SetId setId, Exercise exercise, Load load, Reps reps, Rpe rpe,
                             Instant performedAt, PainReport pain, List<ChecklistItem> checklist, String notes) {
    public SetLoggedEvent {
        checklist = checklist == null ? List.of() : List.copyOf(checklist);
    }
}
