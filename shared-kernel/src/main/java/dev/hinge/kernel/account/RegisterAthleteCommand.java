package dev.hinge.kernel.account;

import dev.hinge.kernel.common.AthleteId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Opens an athlete's history. Credentials and email stay in the account table, never in an event. */
public record RegisterAthleteCommand(@TargetAggregateIdentifier AthleteId athleteId, DisplayName displayName,
                                     Instant at) {
}
