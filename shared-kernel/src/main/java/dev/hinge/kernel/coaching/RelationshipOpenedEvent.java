package dev.hinge.kernel.coaching;

import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;

import java.time.Instant;

/** coach-service's own record that the coach may now act for the athlete (following the athlete's grant). */
public record RelationshipOpenedEvent(RelationshipId relationshipId, CoachId coachId, AthleteId athleteId, Instant at) {
}
