package dev.hinge.coach.deloads.web;

import dev.hinge.coach.access.AccessProjection;
import dev.hinge.coach.web.Answers;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.common.DomainException;
import dev.hinge.kernel.common.Text;
import dev.hinge.platform.idempotency.Idempotency;
import dev.hinge.platform.problem.RequestFields;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.web.Blocking;
import dev.hinge.platform.web.Commands;
import dev.hinge.platform.web.Params;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.hinge.coach.deloads.query.HeaviestLoadProjection;
import dev.hinge.kernel.coaching.DeloadId;
import dev.hinge.kernel.coaching.DeloadInstruction;
import dev.hinge.kernel.coaching.DeloadPrescribedEvent;
import dev.hinge.kernel.coaching.Percent;
import dev.hinge.kernel.coaching.PrescribeDeloadCommand;
import dev.hinge.kernel.coaching.Relationships;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.Load;
import dev.hinge.platform.web.LoadBody;

/** Prescribe a deload: "scale to 50%" of a reference max (by default the heaviest load logged), exact and rounded. */
@RestController
class DeloadController {
    private final Commands commands;
    private final AccessProjection access;
    private final HeaviestLoadProjection heaviest;
    private final Idempotency idempotency;
    private final Clock clock;

    DeloadController(Commands commands, AccessProjection access, HeaviestLoadProjection heaviest,
                     Idempotency idempotency, Clock clock) {
        this.commands = commands;
        this.access = access;
        this.heaviest = heaviest;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Schema(example = """
            {"exercise": "deadlift", "instruction": "scale to 50%", "at": "2026-10-01T12:00:00Z"}""")
    record DeloadRequest(UUID id, String exercise, String instruction, BigDecimal percent, LoadBody referenceMax, String at) {
    }

    /** The answer: {@code exactLoad} and {@code roundedLoad} (down to the plate step) in the reference max's unit. */
    @Schema(example = """
            {"id": "7770c736-a343-4fe0-8698-0abcf8c67645", "exercise": "deadlift", "percent": 50,
             "referenceMax": {"value": 365, "unit": "lb"}, "exactLoad": 182.5, "roundedLoad": 180}""")
    record DeloadAnswer(UUID id, String exercise, BigDecimal percent, LoadBody referenceMax, BigDecimal exactLoad,
                        BigDecimal roundedLoad) {
    }

    @Operation(summary = "Prescribe a deload: \"scale to 50%\" of a reference max", description = """
            Either `instruction` ("scale to 50%") or `percent` (1-100, one decimal), not both. `referenceMax` defaults \
            to the heaviest load the athlete logged for the exercise (none logged: a 400 on `referenceMax`).""")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = DeloadAnswer.class)))
    @PostMapping("/api/v1/athletes/{athleteId}/deloads")
    Mono<ResponseEntity<?>> deload(@AuthenticationPrincipal Jwt jwt, @PathVariable String athleteId,
                                   @RequestBody DeloadRequest request,
                                   @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return Blocking.defer(() -> deload(CurrentUser.id(jwt), athleteId, request, key));
    }

    private Mono<ResponseEntity<?>> deload(UUID coach, String athleteId, DeloadRequest request, String key) {
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
        Instant at = Params.happenedAt(fields, "at", request.at(), clock.instant());
        fields.validate();
        Percent scale = percent;
        return idempotency.execute(coach.toString(), key, "POST /api/v1/athletes/" + athlete + "/deloads", request,
                () -> Blocking.call(() -> {
                    access.require(coach, athlete);
                    Load referenceMax = given != null ? given : heaviest.of(athlete, exercise).orElseThrow(() ->
                            DomainException.invalid("referenceMax", "is required: no "
                                    + exercise.displayName().toLowerCase() + " sets are logged to take the heaviest load from"));
                    return new PrescribeDeloadCommand(Relationships.idOf(new CoachId(coach), new AthleteId(athlete)),
                            new DeloadId(Idempotency.idFor(request.id(), coach, key, "deload")), exercise, scale,
                            referenceMax, at);
                }).flatMap(command -> commands.<DeloadPrescribedEvent>send(command))
                        .map(prescribed -> Answers.created(prescribed, Map.of())));
    }
}
