package dev.hinge.kernel.training;

import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.pain.PainReport;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Logs one set. {@code videoId} and {@code videoUrl} come together or not at all: footage linked in the
 * same request. Logging a set id that is already logged answers the stored set and appends nothing.
 */
public record LogSetCommand(@TargetAggregateIdentifier AthleteId athleteId, SetId setId, Exercise exercise,
                            Load load, Reps reps, Rpe rpe, Instant performedAt, PainReport pain,
                            List<ChecklistItem> checklist, VideoId videoId, VideoUrl videoUrl, String notes) {
    public LogSetCommand {
        checklist = checklist == null ? List.of() : List.copyOf(checklist);
    }
}
