package dev.hinge.kernel.access;

import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;

import java.time.Instant;

/** The coach took up the athlete's offer; athlete-service then grants the access (only for an offer still open). */
public record CoachAccessOfferAcceptedEvent(CoachId coachId, AthleteId athleteId, AccessOfferId offerId, Instant at) {
}
