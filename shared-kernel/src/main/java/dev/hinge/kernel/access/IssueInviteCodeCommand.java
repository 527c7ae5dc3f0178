package dev.hinge.kernel.access;

import dev.hinge.kernel.common.CoachId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Gives the coach {@code code} as their invite code when they have none, or always when {@code replace} is set
 * (the old code then stops working). Answers the code in effect.
 */
public record IssueInviteCodeCommand(@TargetAggregateIdentifier CoachId coachId, InviteCode code, boolean replace,
                                     Instant at) {
}
