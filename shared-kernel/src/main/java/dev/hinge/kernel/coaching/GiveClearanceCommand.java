package dev.hinge.kernel.coaching;

import dev.hinge.kernel.training.Exercise;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Lifts a red-flag stop on an exercise after the athlete has been evaluated. */
public record GiveClearanceCommand(@TargetAggregateIdentifier RelationshipId relationshipId, ClearanceId clearanceId, Exercise exercise, String notes, Instant at) {
}
