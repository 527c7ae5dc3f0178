package dev.hinge.coach.cues.web;

import dev.hinge.coach.access.AccessProjection;
import dev.hinge.coach.web.Answers;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
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
import org.springframework.web.bind.annotation.DeleteMapping;

import dev.hinge.kernel.coaching.CueId;
import dev.hinge.kernel.coaching.Relationships;
import dev.hinge.kernel.coaching.RetireCueCommand;

/** Assign a cue the athlete carries into their sets (optionally at a moment of a video), and retire it. */
@RestController
class CueController {
    private final CueAssignments assignments;
    private final Commands commands;
    private final AccessProjection access;
    private final Idempotency idempotency;
    private final Clock clock;

    CueController(CueAssignments assignments, Commands commands, AccessProjection access, Idempotency idempotency,
                  Clock clock) {
        this.assignments = assignments;
        this.commands = commands;
        this.access = access;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Schema(example = """
            {"text": "chest up", "exercise": "deadlift", "fault": "hips_rise_too_fast", "at": "2026-09-30T12:05:00Z"}""")
    record CueRequest(UUID id, String text, String exercise, String fault, UUID videoId, BigDecimal atSecond, String at) {
    }

    @Schema(example = """
            {"id": "5dfc8b92-19c8-48a9-92f8-385b0aa09ce1", "text": "chest up", "exercise": "deadlift",
             "fault": "hips_rise_too_fast", "videoId": null, "atSecond": null,
             "athleteId": "18c0ed1c-007a-481c-9ad2-cfafa76bf106"}""")
    record CueAnswer(UUID id, String text, String exercise, String fault, UUID videoId, BigDecimal atSecond,
                     UUID athleteId) {
    }

    @Operation(summary = "Assign a cue the athlete carries into their sets", description = """
            `text` 1-200 characters; `fault` a fault slug; `atSecond` only with the `videoId` it is a second of.""")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = CueAnswer.class)))
    @PostMapping("/api/v1/athletes/{athleteId}/cues")
    Mono<ResponseEntity<?>> assignCue(@AuthenticationPrincipal Jwt jwt, @PathVariable String athleteId,
                                      @RequestBody CueRequest request,
                                      @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return Blocking.defer(() -> assignCue(CurrentUser.id(jwt), athleteId, request, key));
    }

    private Mono<ResponseEntity<?>> assignCue(UUID coach, String athleteId, CueRequest request, String key) {
        CueAssignments.Cue cue = CueAssignments.read(athleteId, request, clock.instant());
        return idempotency.execute(coach.toString(), key, "POST /api/v1/athletes/" + cue.athlete() + "/cues", request,
                () -> assignments.assign(coach, cue, new CueId(Idempotency.idFor(request.id(), coach, key, "cue")))
                        .map(assigned -> Answers.created(assigned, Map.of("athleteId", cue.athlete()))));
    }

    @Operation(summary = "Retire a cue once it is learned (again: 204 too)",
            description = "A cue this coach never gave this athlete is a 404.")
    @ApiResponse(responseCode = "204")
    @DeleteMapping("/api/v1/athletes/{athleteId}/cues/{cueId}")
    Mono<ResponseEntity<Void>> retireCue(@AuthenticationPrincipal Jwt jwt, @PathVariable String athleteId,
                                         @PathVariable String cueId) {
        UUID coach = CurrentUser.id(jwt);
        RequestFields fields = new RequestFields();
        UUID athlete = fields.required("athleteId", athleteId, Params::uuid);
        UUID cue = fields.required("cueId", cueId, Params::uuid);
        fields.validate();
        Instant now = clock.instant();
        return Blocking.call(() -> {
            access.require(coach, athlete);
            return Relationships.idOf(new CoachId(coach), new AthleteId(athlete));
        }).flatMap(relationship -> commands.send(new RetireCueCommand(relationship, new CueId(cue), now)))
                .then(Mono.just(ResponseEntity.noContent().build()));
    }
}
