package dev.hinge.kernel.coaching;

import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.training.Exercise;

import java.time.Instant;

/** After an evaluation, the coach lifts a red-flag stop on {@code exercise} ({@link dev.hinge.kernel.pain.RedFlagStop}). */
public record ClearanceGivenEvent(AthleteId athleteId, CoachId coachId, ClearanceId clearanceId, Exercise exercise,
                                  String notes, Instant at) {
}
