package dev.hinge.kernel.coaching;

import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.Load;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** "Scale to N%" of a reference max; the relationship computes the exact and plate-rounded loads. */
public record PrescribeDeloadCommand(@TargetAggregateIdentifier RelationshipId relationshipId, DeloadId deloadId, Exercise exercise, Percent percent, Load referenceMax, Instant at) {
}
