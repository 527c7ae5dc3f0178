package dev.hinge.kernel.access;

import dev.hinge.kernel.common.CoachId;

import java.time.Instant;

/** The coach's invite code from now on; an earlier code of this coach stops working. */
public record CoachInviteCodeIssuedEvent(CoachId coachId, InviteCode code, Instant at) {
}
