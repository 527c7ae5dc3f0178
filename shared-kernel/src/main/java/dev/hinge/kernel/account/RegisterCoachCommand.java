package dev.hinge.kernel.account;

import dev.hinge.kernel.common.CoachId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record RegisterCoachCommand(@TargetAggregateIdentifier CoachId coachId, DisplayName displayName, Instant at) {
}
