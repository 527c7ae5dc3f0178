package dev.hinge.coach.deloads.web;

import dev.hinge.coach.access.AccessProjection;
import dev.hinge.coach.deloads.query.HeaviestLoadProjection;
import dev.hinge.kernel.coaching.Deload;
import dev.hinge.kernel.coaching.DeloadId;
import dev.hinge.kernel.coaching.DeloadInstruction;
import dev.hinge.kernel.coaching.DeloadPrescribedEvent;
import dev.hinge.kernel.coaching.Percent;
import dev.hinge.kernel.coaching.PrescribeDeloadCommand;
import dev.hinge.kernel.coaching.Relationships;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.common.DomainException;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.Load;
import dev.hinge.platform.problem.RequestFields;
import dev.hinge.platform.web.Blocking;
import dev.hinge.platform.web.Commands;
import dev.hinge.platform.web.LoadBody;
import dev.hinge.platform.web.Params;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Prescribing a deload, as the API route and the coach's athlete page both ask for it: the request read field by
 * field (every refusal under the API's field name), the reference max settled (by default the heaviest load logged),
 * and the loads worked out by the kernel's {@link Deload#of} (the very maths the relationship applies), so the page's
 * preview shows exactly the loads the confirmed deload will prescribe.
 */
@Component
class DeloadPrescriptions {
    private final Commands commands;
    private final AccessProjection access;
    private final HeaviestLoadProjection heaviest;

    DeloadPrescriptions(Commands commands, AccessProjection access, HeaviestLoadProjection heaviest) {
        this.commands = commands;
        this.access = access;
        this.heaviest = heaviest;
    }

    /** A deload request read and validated; {@code referenceMax} is null when the coach named none. */
    record Order(UUID athlete, Exercise exercise, Percent percent, Load referenceMax, Instant at) {
    }

    /** The request's fields as an order, or an {@code InvalidRequestException} naming every refused field. */
    static Order read(String athleteId, DeloadController.DeloadRequest request, Instant now) {
        RequestFields fields = new RequestFields();
        UUID athlete = fields.required("athleteId", athleteId, Params::uuid);
        Exercise exercise = fields.required("exercise", request.exercise(), Exercise::new);
        Percent percent = null;
        if (request.instruction() != null && request.percent() != null) {
            fields.reject("percent", "give either instruction or percent, not both");
        } else if (request.instruction() == null && request.percent() == null) {
            fields.reject("instruction", "is required, as \"scale to 50%\" (or give percent)");
        } else {
            percent = request.instruction() != null
                    ? fields.optional("instruction", request.instruction(), DeloadInstruction::parse)
                    : fields.optional("percent", request.percent(), Percent::of);
        }
        Load given = LoadBody.lifted(fields, "referenceMax", request.referenceMax());
        Instant at = Params.happenedAt(fields, "at", request.at(), now);
        fields.validate();
        return new Order(athlete, exercise, percent, given, at);
    }

    /**
     * The loads the order prescribes, exact and rounded down to the plate step (blocking): 404 unless the athlete
     * granted this coach access; a refusal on {@code referenceMax} when none is given and none is logged.
     */
    Deload preview(UUID coach, Order order) {
        access.require(coach, order.athlete());
        Load referenceMax = order.referenceMax() != null ? order.referenceMax()
                : heaviest.of(order.athlete(), order.exercise()).orElseThrow(() ->
                DomainException.invalid("referenceMax", "is required: no "
                        + order.exercise().displayName().toLowerCase() + " sets are logged to take the heaviest load from"));
        return Deload.of(order.percent(), referenceMax);
    }

    /** The heaviest load the athlete logged for the exercise: the reference max when the coach names none. */
    Optional<Load> heaviest(UUID athlete, Exercise exercise) {
        return heaviest.of(athlete, exercise);
    }

    /** Prescribes the order's deload under {@code id} (see {@link #preview} for the refusals). */
    Mono<DeloadPrescribedEvent> prescribe(UUID coach, Order order, DeloadId id) {
        return Blocking.call(() -> new PrescribeDeloadCommand(
                        Relationships.idOf(new CoachId(coach), new AthleteId(order.athlete())), id, order.exercise(),
                        order.percent(), preview(coach, order).referenceMax(), order.at()))
                .flatMap(commands::<DeloadPrescribedEvent>send);
    }
}
