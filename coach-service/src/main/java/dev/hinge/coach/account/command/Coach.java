package dev.hinge.coach.account.command;

import dev.hinge.kernel.account.CoachRegisteredEvent;
import dev.hinge.kernel.account.RegisterCoachCommand;
import dev.hinge.kernel.common.CoachId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A coach's existence, announced to athlete-service through the event store. */
@Aggregate
class Coach {
    @AggregateIdentifier
    private CoachId coachId;

    Coach() {
        // for Axon
    }

    @CommandHandler
    Coach(RegisterCoachCommand command) {
        apply(new CoachRegisteredEvent(command.coachId(), command.displayName(), command.at()));
    }

    @EventSourcingHandler
    void on(CoachRegisteredEvent event) {
        coachId = event.coachId();
    }
}
