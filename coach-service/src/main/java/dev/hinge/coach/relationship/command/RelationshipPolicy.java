package dev.hinge.coach.relationship.command;

import dev.hinge.kernel.access.CoachAccessGrantedEvent;
import dev.hinge.kernel.access.CoachAccessRevokedEvent;
import dev.hinge.kernel.coaching.CloseRelationshipCommand;
import dev.hinge.kernel.coaching.OpenRelationshipCommand;
import dev.hinge.kernel.coaching.Relationships;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/** Access follows the athlete's grant: athlete-service's grant and revoke open and close the relationship. */
@Component
@ProcessingGroup("coach.relationship-policy")
@DisallowReplay
class RelationshipPolicy {
    private final CommandGateway commands;

    RelationshipPolicy(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(CoachAccessGrantedEvent event) {
        commands.sendAndWait(new OpenRelationshipCommand(Relationships.idOf(event.coachId(), event.athleteId()),
                event.coachId(), event.athleteId(), event.at()));
    }

    @EventHandler
    void on(CoachAccessRevokedEvent event) {
        commands.sendAndWait(new CloseRelationshipCommand(Relationships.idOf(event.coachId(), event.athleteId()),
                event.coachId(), event.athleteId(), event.at()));
    }
}
