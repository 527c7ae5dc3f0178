package dev.hinge.kernel.access;

import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Grants the coach who accepted one of this athlete's open offers; anything else changes nothing. */
public record GrantOfferedAccessCommand(@TargetAggregateIdentifier AthleteId athleteId, CoachId coachId,
                                        AccessOfferId offerId, Instant at) {
}
