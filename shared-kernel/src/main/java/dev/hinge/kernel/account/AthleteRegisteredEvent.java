package dev.hinge.kernel.account;

import dev.hinge.kernel.common.AthleteId;

import java.time.Instant;

/** Carries the display name coaches see; no email, no credentials (events are forever). */
public record AthleteRegisteredEvent(AthleteId athleteId, DisplayName displayName, Instant at) {
}
