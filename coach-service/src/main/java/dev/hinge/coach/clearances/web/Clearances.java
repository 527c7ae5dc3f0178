package dev.hinge.coach.clearances.web;

import dev.hinge.coach.access.AccessProjection;
import dev.hinge.coach.web.Answers;
import dev.hinge.kernel.coaching.ClearanceGivenEvent;
import dev.hinge.kernel.coaching.ClearanceId;
import dev.hinge.kernel.coaching.GiveClearanceCommand;
import dev.hinge.kernel.coaching.Relationships;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.common.Text;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.platform.problem.RequestFields;
import dev.hinge.platform.web.Blocking;
import dev.hinge.platform.web.Commands;
import dev.hinge.platform.web.Params;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.UUID;

/**
 * Clearing an athlete after a red flag, as the API route and the coach's athlete page both ask for it: the request
 * read field by field (every refusal under the API's field name), then the command sent once the coach's access is
 * checked.
 */
@Component
class Clearances {
    private final Commands commands;
    private final AccessProjection access;

    Clearances(Commands commands, AccessProjection access) {
        this.commands = commands;
        this.access = access;
    }

    /** A clearance request read and validated: everything the command needs but the ids. */
    record Clearance(UUID athlete, Exercise exercise, String notes, Instant at) {
    }

    /** The request's fields as a clearance, or an {@code InvalidRequestException} naming every refused field. */
    static Clearance read(String athleteId, ClearanceController.ClearanceRequest request, Instant now) {
        RequestFields fields = new RequestFields();
        UUID athlete = fields.required("athleteId", athleteId, Params::uuid);
        Exercise exercise = fields.required("exercise", request.exercise(), Exercise::new);
        String notes = fields.optional("notes", request.notes(), n -> Text.optional(n, Answers.MAX_NOTES));
        Instant at = Params.happenedAt(fields, "at", request.at(), now);
        fields.validate();
        return new Clearance(athlete, exercise, notes, at);
    }

    /** Gives the clearance under {@code id}: 404 unless the athlete granted this coach access. */
    Mono<ClearanceGivenEvent> give(UUID coach, Clearance clearance, ClearanceId id) {
        return Blocking.call(() -> {
            access.require(coach, clearance.athlete());
            return new GiveClearanceCommand(Relationships.idOf(new CoachId(coach), new AthleteId(clearance.athlete())),
                    id, clearance.exercise(), clearance.notes(), clearance.at());
        }).flatMap(commands::<ClearanceGivenEvent>send);
    }
}
