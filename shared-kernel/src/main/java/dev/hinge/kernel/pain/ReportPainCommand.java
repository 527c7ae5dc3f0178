package dev.hinge.kernel.pain;

import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.training.Exercise;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Pain felt outside a set (the evening after, the next morning). {@code exercise} may be null. */
public record ReportPainCommand(@TargetAggregateIdentifier AthleteId athleteId, PainReportId painReportId,
                                PainReport report, Exercise exercise, Instant at, String notes) {
}
