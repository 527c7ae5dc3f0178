package dev.hinge.kernel.pain;

import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.training.Exercise;

import java.time.Instant;

public record PainReportedEvent(AthleteId athleteId, PainReportId painReportId, PainReport report, Exercise exercise,
                                Instant at, String notes) {
}
