package dev.hinge.coach.deloads.web;

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

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import dev.hinge.kernel.coaching.DeloadId;
import dev.hinge.platform.web.LoadBody;

/** Prescribe a deload: "scale to 50%" of a reference max (by default the heaviest load logged), exact and rounded. */
@RestController
class DeloadController {
    private final DeloadPrescriptions prescriptions;
    private final Idempotency idempotency;
    private final Clock clock;

    DeloadController(DeloadPrescriptions prescriptions, Idempotency idempotency, Clock clock) {
        this.prescriptions = prescriptions;
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
        DeloadPrescriptions.Order order = DeloadPrescriptions.read(athleteId, request, clock.instant());
        return idempotency.execute(coach.toString(), key, "POST /api/v1/athletes/" + order.athlete() + "/deloads", request,
                () -> prescriptions.prescribe(coach, order, new DeloadId(Idempotency.idFor(request.id(), coach, key, "deload")))
                        .map(prescribed -> Answers.created(prescribed, Map.of())));
    }
}
