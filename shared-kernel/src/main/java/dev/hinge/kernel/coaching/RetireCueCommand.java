package dev.hinge.kernel.coaching;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** An unknown or already retired cue is not found. */
public record RetireCueCommand(@TargetAggregateIdentifier RelationshipId relationshipId, CueId cueId, Instant at) {
}
