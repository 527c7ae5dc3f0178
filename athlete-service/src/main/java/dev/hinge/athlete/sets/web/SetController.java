package dev.hinge.athlete.sets.web;

import dev.hinge.athlete.web.LogRequests;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.Text;
import dev.hinge.kernel.pain.PainReport;
import dev.hinge.kernel.timeline.Timeline;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.Load;
import dev.hinge.kernel.training.LogSetCommand;
import dev.hinge.kernel.training.LoggedSet;
import dev.hinge.kernel.training.Reps;
import dev.hinge.kernel.training.Rpe;
import dev.hinge.kernel.training.SetId;
import dev.hinge.kernel.training.VideoId;
import dev.hinge.kernel.training.VideoUrl;
import dev.hinge.platform.idempotency.Idempotency;
import dev.hinge.platform.problem.RequestFields;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.web.Blocking;
import dev.hinge.platform.web.Commands;
import dev.hinge.platform.web.LoadBody;
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

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.hinge.athlete.web.LogRequests.MAX_NOTES;

/**
 * Log a set: load, reps, RPE, pain, the checklist, notes, and footage linked in the same request. The request is read
 * into kernel values off the event loop ({@link Blocking#defer}).
 */
@RestController
class SetController {
    private final Commands commands;
    private final Clock clock;
    private final Idempotency idempotency;

    SetController(Commands commands, Clock clock, Idempotency idempotency) {
        this.commands = commands;
        this.clock = clock;
        this.idempotency = idempotency;
    }

    @Schema(example = """
            {"exercise": "deadlift", "load": {"value": 365, "unit": "lb"}, "reps": 5, "rpe": 9,
             "performedAt": "2026-09-29T12:00:00Z", "pain": {"score": 6, "location": "lower back", "quality": "sharp"},
             "checklist": ["feet_position", "grip", "core_braced"], "videoUrl": "https://example.com/mark-365.mp4"}""")
    record LogSetRequest(UUID id, String exercise, LoadBody load, Integer reps, BigDecimal rpe,
                         String performedAt, LogRequests.PainBody pain, List<String> checklist, String videoUrl,
                         String notes) {
    }

    /** The answer: the set as stored, and the video linked with it ({@code null}s without one). */
    @Schema(example = """
            {"id": "1a315b0f-37d3-4891-8b50-be3bccda1576", "exercise": "deadlift", "load": {"value": 365, "unit": "lb"},
             "reps": 5, "rpe": 9, "performedAt": "2026-09-29T12:00:00Z",
             "pain": {"score": 6, "location": "lower back", "quality": "sharp"},
             "checklist": ["feet_position", "grip", "core_braced"], "notes": null,
             "videoId": "9c49c5dc-c9e1-33b9-9ea1-9bb6d45815e6", "videoUrl": "https://example.com/mark-365.mp4"}""")
    record LoggedSetAnswer(UUID id, String exercise, LoadBody load, int reps, BigDecimal rpe, Instant performedAt,
                           LogRequests.PainBody pain, List<String> checklist, String notes, UUID videoId,
                           String videoUrl) {
    }

    @Operation(summary = "Log a set", description = """
            Leave `pain` out and the set counts as "pain not reported", not as pain-free: send \
            `{"score": 0, "quality": "none"}` for a set without pain. Radiating, tingling or numbness raises a red flag \
            (the set is recorded all the same). A `videoUrl` attaches a video in the same request.""")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = LoggedSetAnswer.class)))
    @PostMapping("/api/v1/me/sets")
    Mono<ResponseEntity<?>> logSet(@AuthenticationPrincipal Jwt jwt, @RequestBody LogSetRequest request,
                                   @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return Blocking.defer(() -> logSet(CurrentUser.id(jwt), request, key));
    }

    private Mono<ResponseEntity<?>> logSet(UUID athlete, LogSetRequest request, String key) {
        LogSetCommand command = command(new RequestFields(), athlete, request, key, clock.instant());
        return idempotency.execute(athlete.toString(), key, "POST /api/v1/me/sets", request, () -> commands.<LoggedSet>send(command)
                .map(logged -> ResponseEntity.status(HttpStatus.CREATED).body(setView(logged))));
    }

    /**
     * The request read into the command, field by field: the one place the API and the athlete's set form validate a
     * set ({@code fields} may hold refusals already, such as a form's number that is not one); throws every refusal
     * at once, under the API's field names ({@code load.value}, {@code pain.score}).
     */
    static LogSetCommand command(RequestFields fields, UUID athlete, LogSetRequest request, String key, Instant now) {
        Exercise exercise = fields.required("exercise", request.exercise(), Exercise::new);
        Load load = request.load() == null ? null : LoadBody.lifted(fields, "load", request.load());
        if (request.load() == null) {
            fields.reject("load", "is required");
        }
        Reps reps = fields.required("reps", request.reps(), Reps::of);
        Rpe rpe = fields.optional("rpe", request.rpe(), Rpe::of);
        Instant performedAt = Params.happenedAt(fields, "performedAt", request.performedAt(), now);
        PainReport pain = request.pain() == null ? null : LogRequests.pain(fields, "pain.",
                request.pain().score(), request.pain().location(), request.pain().quality());
        var checklist = LogRequests.checklist(fields, request.checklist());
        VideoUrl videoUrl = fields.optional("videoUrl", request.videoUrl(), VideoUrl::of);
        String notes = fields.optional("notes", request.notes(), n -> Text.optional(n, MAX_NOTES));
        fields.validate();
        SetId setId = new SetId(Idempotency.idFor(request.id(), athlete, key, "set"));
        return new LogSetCommand(new AthleteId(athlete), setId, exercise, load, reps, rpe, performedAt,
                pain, checklist, videoUrl == null ? null : VideoId.ofSet(new AthleteId(athlete), setId), videoUrl, notes);
    }

    /** "The set as stored": the set's timeline data, plus the video linked with it. */
    private static Map<String, Object> setView(LoggedSet logged) {
        Map<String, Object> view = new LinkedHashMap<>(Timeline.describe(logged.set()).orElseThrow().data());
        view.put("videoId", logged.video() == null ? null : logged.video().videoId().value());
        view.put("videoUrl", logged.video() == null ? null : logged.video().url().value());
        return view;
    }
}
