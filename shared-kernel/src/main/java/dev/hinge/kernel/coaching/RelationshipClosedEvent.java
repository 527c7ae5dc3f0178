package dev.hinge.kernel.coaching;

import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;

import java.time.Instant;

/** Following the athlete's revoke: the coach can no longer act for, or see, the athlete. */
public record RelationshipClosedEvent(RelationshipId relationshipId, CoachId coachId, AthleteId athleteId, Instant at) {
}
