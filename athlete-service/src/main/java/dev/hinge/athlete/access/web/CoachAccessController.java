package dev.hinge.athlete.access.web;

import dev.hinge.athlete.access.query.KnownCoachesProjection;
import dev.hinge.kernel.access.GrantCoachAccessCommand;
import dev.hinge.kernel.access.RevokeCoachAccessCommand;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.common.DomainException;
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
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The athlete decides which coaches see their data. */
@RestController
class CoachAccessController {
    private final Commands commands;
    private final KnownCoachesProjection coaches;
    private final Idempotency idempotency;
    private final Clock clock;

    CoachAccessController(Commands commands, KnownCoachesProjection coaches, Idempotency idempotency, Clock clock) {
        this.commands = commands;
        this.coaches = coaches;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Schema(example = """
            {"coachId": "b71a3765-7409-4f19-aabb-2d8e5de4fea3"}""")
    record GrantRequest(UUID coachId, String at) {
    }

    @Schema(example = """
            {"athleteId": "18c0ed1c-007a-481c-9ad2-cfafa76bf106", "coachId": "b71a3765-7409-4f19-aabb-2d8e5de4fea3",
             "at": "2026-09-28T12:00:00Z"}""")
    record GrantAnswer(UUID athleteId, UUID coachId, Instant at) {
    }

    @Operation(summary = "Grant a coach access to everything about you, past and future, until you revoke it",
            description = "The coach's id is what the coach's `GET /api/v1/me` answers; an id that is not a registered coach's is a 400.")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = GrantAnswer.class)))
    @PostMapping("/api/v1/me/coaches")
    Mono<ResponseEntity<?>> grant(@AuthenticationPrincipal Jwt jwt, @RequestBody GrantRequest request,
                                  @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        UUID athlete = CurrentUser.id(jwt);
        RequestFields fields = new RequestFields();
        CoachId coach = fields.required("coachId", request.coachId(), CoachId::new);
        Instant at = Params.happenedAt(fields, "at", request.at(), clock.instant());
        fields.validate();
        GrantCoachAccessCommand command = new GrantCoachAccessCommand(new AthleteId(athlete), coach, at);
        return idempotency.execute(athlete.toString(), key, "POST /api/v1/me/coaches", request, () ->
                Blocking.call(() -> coaches.exists(coach.value())).flatMap(known -> {
                    if (!known) {
                        return Mono.error(DomainException.invalid("coachId", "is not the id of a registered coach"));
                    }
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("athleteId", athlete);
                    body.put("coachId", coach.value());
                    body.put("at", command.at());
                    return commands.send(command).thenReturn(ResponseEntity.status(HttpStatus.CREATED).body(body));
                }));
    }

    @Operation(summary = "Revoke a coach's access", description = "A coach who has no access is a 404.")
    @ApiResponse(responseCode = "204")
    @DeleteMapping("/api/v1/me/coaches/{coachId}")
    Mono<ResponseEntity<Void>> revoke(@AuthenticationPrincipal Jwt jwt, @PathVariable String coachId) {
        UUID athlete = CurrentUser.id(jwt);
        RequestFields fields = new RequestFields();
        CoachId coach = fields.required("coachId", coachId, s -> new CoachId(Params.uuid(s)));
        fields.validate();
        return commands.send(new RevokeCoachAccessCommand(new AthleteId(athlete), coach, clock.instant()))
                .then(Mono.just(ResponseEntity.noContent().build()));
    }

}
