package dev.hinge.kernel.access;

import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;

import java.time.Instant;

/** The athlete withdrew this coach's access; the coach sees nothing new from then on. */
public record CoachAccessRevokedEvent(AthleteId athleteId, CoachId coachId, Instant at) {
}
