package dev.hinge.kernel.access;

import dev.hinge.kernel.common.AthleteId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The athlete offers access to the coach with this email, known only by its keyed digest. */
public record OfferCoachAccessCommand(@TargetAggregateIdentifier AthleteId athleteId, AccessOfferId offerId,
                                      String coachEmailDigest, Instant at) {
}
