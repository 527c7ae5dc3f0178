package dev.hinge.kernel.coaching;

import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Closes the relationship when the athlete revokes access; from then on the coach can do nothing about the athlete. */
public record CloseRelationshipCommand(@TargetAggregateIdentifier RelationshipId relationshipId, CoachId coachId, AthleteId athleteId, Instant at) {
}
