package dev.hinge.kernel.access;

import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record RevokeCoachAccessCommand(@TargetAggregateIdentifier AthleteId athleteId, CoachId coachId, Instant at) {
}
