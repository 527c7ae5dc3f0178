package dev.hinge.kernel.access;

import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The coach the offer was addressed to takes it up. */
public record AcceptCoachAccessOfferCommand(@TargetAggregateIdentifier CoachId coachId, AccessOfferId offerId,
                                            AthleteId athleteId, Instant at) {
}
