package dev.hinge.kernel.access;

import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;

import java.time.Instant;

/** The athlete let this coach see everything about them, from now until a revoke. */
public record CoachAccessGrantedEvent(AthleteId athleteId, CoachId coachId, Instant at) {
}
