package dev.hinge.kernel.account;

import dev.hinge.kernel.common.CoachId;

import java.time.Instant;

/** A coach exists; athlete-service learns of coaches (to accept a grant) from this event only. */
public record CoachRegisteredEvent(CoachId coachId, DisplayName displayName, Instant at) {
}
