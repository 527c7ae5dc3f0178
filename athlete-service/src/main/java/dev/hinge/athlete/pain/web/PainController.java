package dev.hinge.athlete.pain.web;

import dev.hinge.athlete.web.LogRequests;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.Text;
import dev.hinge.kernel.pain.PainReport;
import dev.hinge.kernel.pain.PainReportId;
import dev.hinge.kernel.pain.PainReportedEvent;
import dev.hinge.kernel.pain.ReportPainCommand;
import dev.hinge.kernel.timeline.Timeline;
import dev.hinge.kernel.training.Exercise;
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

import static dev.hinge.athlete.web.LogRequests.MAX_NOTES;

/** Report pain felt outside a set; radiating, tingling or numbness raises a red flag. */
@RestController
class PainController {
    private final Commands commands;
    private final Clock clock;
    private final Idempotency idempotency;

    PainController(Commands commands, Clock clock, Idempotency idempotency) {
        this.commands = commands;
        this.clock = clock;
        this.idempotency = idempotency;
    }

    @Schema(example = """
            {"score": 5, "location": "left leg", "quality": "radiating", "exercise": "deadlift",
             "notes": "down the back of the thigh"}""")
    record ReportPainRequest(UUID id, Integer score, String location, String quality, String exercise, String at,
                             String notes) {
    }

    /** The answer: the report as stored, and whether it raised a red flag. */
    @Schema(example = """
            {"id": "4943c373-5f63-42b9-82ca-0b0592aa7314", "score": 5, "location": "left leg", "quality": "radiating",
             "exercise": "deadlift", "at": "2026-12-01T15:33:39.546Z", "notes": "down the back of the thigh",
             "redFlag": true}""")
    record PainReportAnswer(UUID id, int score, String location, String quality, String exercise, Instant at,
                            String notes, boolean redFlag) {
    }

    @Operation(summary = "Report pain felt outside a set", description = """
            Radiating, tingling or numbness raises a red flag: training of the exercise (of every exercise without one) \
            stops until a coach gives clearance.""")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = PainReportAnswer.class)))
    @PostMapping("/api/v1/me/pain-reports")
    Mono<ResponseEntity<?>> reportPain(@AuthenticationPrincipal Jwt jwt, @RequestBody ReportPainRequest request,
                                       @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return Blocking.defer(() -> reportPain(CurrentUser.id(jwt), request, key));
    }

    private Mono<ResponseEntity<?>> reportPain(UUID athlete, ReportPainRequest request, String key) {
        RequestFields fields = new RequestFields();
        PainReport report = LogRequests.pain(fields, "", request.score(), request.location(), request.quality());
        Exercise exercise = fields.optional("exercise", request.exercise(), Exercise::new);
        Instant at = Params.happenedAt(fields, "at", request.at(), clock.instant());
        String notes = fields.optional("notes", request.notes(), n -> Text.optional(n, MAX_NOTES));
        fields.validate();
        ReportPainCommand command = new ReportPainCommand(new AthleteId(athlete),
                new PainReportId(Idempotency.idFor(request.id(), athlete, key, "pain-report")), report, exercise, at, notes);
        return idempotency.execute(athlete.toString(), key, "POST /api/v1/me/pain-reports", request,
                () -> commands.<PainReportedEvent>send(command).map(reported -> {
                    Map<String, Object> body = new LinkedHashMap<>(Timeline.describe(reported).orElseThrow().data());
                    body.put("redFlag", reported.report().isRedFlag());
                    return ResponseEntity.status(HttpStatus.CREATED).body(body);
                }));
    }
}
