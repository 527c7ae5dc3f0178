package dev.hinge.athlete.access.command;

import dev.hinge.kernel.access.CoachAccessOfferAcceptedEvent;
import dev.hinge.kernel.access.GrantOfferedAccessCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** A coach who accepted an athlete's offer (on coach-service) is granted access by the athlete's aggregate. */
@Component
@ProcessingGroup("athlete.offer-policy")
@DisallowReplay
class OfferPolicy {
    private final CommandGateway commands;

    OfferPolicy(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(CoachAccessOfferAcceptedEvent event) {
        commands.sendAndWait(new GrantOfferedAccessCommand(event.athleteId(), event.coachId(), event.offerId(), event.at()));
    }
}
