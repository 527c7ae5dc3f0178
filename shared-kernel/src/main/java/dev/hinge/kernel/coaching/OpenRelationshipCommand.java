package dev.hinge.kernel.coaching;

import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Opens (or reopens) the relationship when the athlete grants the coach access; open already, nothing happens. */
public record OpenRelationshipCommand(@TargetAggregateIdentifier RelationshipId relationshipId, CoachId coachId, AthleteId athleteId, Instant at) {
}
