package dev.hinge.coach.clearances.web;

import dev.hinge.coach.web.Answers;
import dev.hinge.platform.idempotency.Idempotency;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.web.Blocking;
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

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import dev.hinge.kernel.coaching.ClearanceId;

/** Clear an athlete to train an exercise again after a red flag, once they have been evaluated. */
@RestController
class ClearanceController {
    private final Clearances clearances;
    private final Idempotency idempotency;
    private final Clock clock;

    ClearanceController(Clearances clearances, Idempotency idempotency, Clock clock) {
        this.clearances = clearances;
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
        Clearances.Clearance clearance = Clearances.read(athleteId, request, clock.instant());
        return idempotency.execute(coach.toString(), key, "POST /api/v1/athletes/" + clearance.athlete() + "/clearances",
                request, () -> clearances.give(coach, clearance,
                                new ClearanceId(Idempotency.idFor(request.id(), coach, key, "clearance")))
                        .map(given -> Answers.created(given, Map.of("athleteId", clearance.athlete()))));
    }
}
