package dev.hinge.coach.account.command;

import dev.hinge.kernel.access.AcceptCoachAccessOfferCommand;
import dev.hinge.kernel.access.CoachAccessOfferAcceptedEvent;
import dev.hinge.kernel.access.CoachInviteCodeIssuedEvent;
import dev.hinge.kernel.access.InviteCode;
import dev.hinge.kernel.access.IssueInviteCodeCommand;
import dev.hinge.kernel.account.CoachRegisteredEvent;
import dev.hinge.kernel.account.RegisterCoachCommand;
import dev.hinge.kernel.common.CoachId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A coach's existence and invite code, announced to athlete-service through the event store. */
@Aggregate
class Coach {
    @AggregateIdentifier
    private CoachId coachId;
    private InviteCode inviteCode;

    Coach() {
        // for Axon
    }

    @CommandHandler
    Coach(RegisterCoachCommand command) {
        apply(new CoachRegisteredEvent(command.coachId(), command.displayName(), command.at()));
    }

    /** A coach gets a code the first time one is asked for, and a new one only when replacing it. */
    @CommandHandler
    InviteCode handle(IssueInviteCodeCommand command) {
        if (inviteCode == null || command.replace()) {
            apply(new CoachInviteCodeIssuedEvent(coachId, command.code(), command.at()));
        }
        return inviteCode;
    }

    /** The controller has checked that the offer was made to this coach's email and is still open. */
    @CommandHandler
    void handle(AcceptCoachAccessOfferCommand command) {
        apply(new CoachAccessOfferAcceptedEvent(coachId, command.athleteId(), command.offerId(), command.at()));
    }

    @EventSourcingHandler
    void on(CoachRegisteredEvent event) {
        coachId = event.coachId();
    }

    @EventSourcingHandler
    void on(CoachInviteCodeIssuedEvent event) {
        inviteCode = event.code();
    }
}
