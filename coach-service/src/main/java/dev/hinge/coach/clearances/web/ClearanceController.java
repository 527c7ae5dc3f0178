package dev.hinge.coach.clearances.web;

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

import dev.hinge.kernel.coaching.ClearanceGivenEvent;
import dev.hinge.kernel.coaching.ClearanceId;
import dev.hinge.kernel.coaching.GiveClearanceCommand;
import dev.hinge.kernel.coaching.Relationships;
import dev.hinge.kernel.training.Exercise;

/** Clear an athlete to train an exercise again after a red flag, once they have been evaluated. */
@RestController
class ClearanceController {
    private final Commands commands;
    private final AccessProjection access;
    private final Idempotency idempotency;
    private final Clock clock;

    ClearanceController(Commands commands, AccessProjection access, Idempotency idempotency, Clock clock) {
        this.commands = commands;
        this.access = access;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Schema(example = """
            {"exercise": "deadlift", "notes": "Seen by a physiotherapist: nerve irritation settled."}""")
    record ClearanceRequest(UUID id, String exercise, String notes, String at) {
    }

    @Schema(example = """
            {"id": "963c73cb-5e0c-4fcc-ae21-2dc35a4f8df7", "exercise": "deadlift",
             "notes": "Seen by a physiotherapist: nerve irritation settled.",
             "athleteId": "18c0ed1c-007a-481c-9ad2-cfafa76bf106"}""")
    record ClearanceAnswer(UUID id, String exercise, String notes, UUID athleteId) {
    }

    @Operation(summary = "Lift a red-flag hold on one exercise, after the athlete was evaluated")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ClearanceAnswer.class)))
    @PostMapping("/api/v1/athletes/{athleteId}/clearances")
    Mono<ResponseEntity<?>> clear(@AuthenticationPrincipal Jwt jwt, @PathVariable String athleteId,
                                  @RequestBody ClearanceRequest request,
                                  @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return Blocking.defer(() -> clear(CurrentUser.id(jwt), athleteId, request, key));
    }

    private Mono<ResponseEntity<?>> clear(UUID coach, String athleteId, ClearanceRequest request, String key) {
        RequestFields fields = new RequestFields();
        UUID athlete = fields.required("athleteId", athleteId, Params::uuid);
        Exercise exercise = fields.required("exercise", request.exercise(), Exercise::new);
        String notes = fields.optional("notes", request.notes(), n -> Text.optional(n, Answers.MAX_NOTES));
        Instant at = Params.happenedAt(fields, "at", request.at(), clock.instant());
        fields.validate();
        return idempotency.execute(coach.toString(), key, "POST /api/v1/athletes/" + athlete + "/clearances", request,
                () -> Blocking.call(() -> {
                    access.require(coach, athlete);
                    return Relationships.idOf(new CoachId(coach), new AthleteId(athlete));
                }).flatMap(relationship -> commands.<ClearanceGivenEvent>send(new GiveClearanceCommand(relationship,
                        new ClearanceId(Idempotency.idFor(request.id(), coach, key, "clearance")), exercise, notes, at)))
                        .map(given -> Answers.created(given, Map.of("athleteId", athlete))));
    }
}
