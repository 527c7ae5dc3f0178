package dev.hinge.kernel.coaching;

import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.training.Exercise;

import java.time.Instant;

/** "Scale to N%": the athlete trains {@code exercise} at the deload's rounded load from {@code at} on. */
public record DeloadPrescribedEvent(AthleteId athleteId, CoachId coachId, DeloadId deloadId, Exercise exercise,
                                    Deload deload, Instant at) {
}
