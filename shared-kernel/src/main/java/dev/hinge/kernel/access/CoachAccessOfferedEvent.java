package dev.hinge.kernel.access;

import dev.hinge.kernel.common.AthleteId;

import java.time.Instant;

/**
 * The athlete offered access to whoever coaches under an email address. The address itself is never recorded: only
 * its keyed digest (HMAC-SHA256 under a key derived from the services' token key), which coach-service compares with
 * its coaches' own. Whether a coach has that address stays unknown to the athlete until that coach accepts.
 */
public record CoachAccessOfferedEvent(AthleteId athleteId, AccessOfferId offerId, String coachEmailDigest, Instant at) {
}
