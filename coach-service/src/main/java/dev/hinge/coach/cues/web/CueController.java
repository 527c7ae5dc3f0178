package dev.hinge.coach.cues.web;

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
import org.springframework.web.bind.annotation.DeleteMapping;

import dev.hinge.coach.videos.VideoProjection;
import dev.hinge.kernel.coaching.AssignCueCommand;
import dev.hinge.kernel.coaching.CueAssignedEvent;
import dev.hinge.kernel.coaching.CueId;
import dev.hinge.kernel.coaching.FaultObservation;
import dev.hinge.kernel.coaching.FormFault;
import dev.hinge.kernel.coaching.Relationships;
import dev.hinge.kernel.coaching.RetireCueCommand;
import dev.hinge.kernel.common.Slugs;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.VideoId;

/** Assign a cue the athlete carries into their sets (optionally at a moment of a video), and retire it. */
@RestController
class CueController {
    private static final int MAX_CUE = 200;

    private final Commands commands;
    private final AccessProjection access;
    private final VideoProjection videos;
    private final Idempotency idempotency;
    private final Clock clock;

    CueController(Commands commands, AccessProjection access, VideoProjection videos, Idempotency idempotency,
                  Clock clock) {
        this.commands = commands;
        this.access = access;
        this.videos = videos;
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
        Cue cue = read(athleteId, request, clock.instant());
        return idempotency.execute(coach.toString(), key, "POST /api/v1/athletes/" + cue.athlete() + "/cues", request,
                () -> send(coach, cue, Idempotency.idFor(request.id(), coach, key, "cue"))
                        .map(assigned -> Answers.created(assigned, Map.of("athleteId", cue.athlete()))));
    }

    /** A cue request read and checked: what the command is made of. */
    record Cue(UUID athlete, String text, Exercise exercise, FormFault fault, UUID videoId, BigDecimal atSecond,
               Instant at) {
    }

    /**
     * The one reading of a cue request, for the API and the review page alike: each field checked, a refusal
     * naming the API's field; {@code now} when the request names no {@code at}.
     */
    static Cue read(String athleteId, CueRequest request, Instant now) {
        RequestFields fields = new RequestFields();
        UUID athlete = fields.required("athleteId", athleteId, Params::uuid);
        String text = fields.required("text", request.text(), t -> Text.required(t, MAX_CUE));
        Exercise exercise = fields.required("exercise", request.exercise(), Exercise::new);
        FormFault fault = fields.optional("fault", request.fault(), f -> Slugs.parse(FormFault.class, f));
        BigDecimal atSecond = fields.optional("atSecond", request.atSecond(), FaultObservation::second);
        if (request.atSecond() != null && request.videoId() == null) {
            fields.reject("atSecond", "needs the videoId it is a second of");
        }
        Instant at = Params.happenedAt(fields, "at", request.at(), now);
        fields.validate();
        return new Cue(athlete, text, exercise, fault, request.videoId(), atSecond, at);
    }

    /** Assigns {@code cue} for {@code coach}: 404 unless the athlete lets the coach in; a video must be theirs. */
    Mono<CueAssignedEvent> send(UUID coach, Cue cue, UUID cueId) {
        return Blocking.call(() -> {
            access.require(coach, cue.athlete());
            if (cue.videoId() != null && !videos.isVideoOf(cue.videoId(), cue.athlete())) {
                throw DomainException.invalid("videoId", "is not a video of this athlete");
            }
            return Relationships.idOf(new CoachId(coach), new AthleteId(cue.athlete()));
        }).flatMap(relationship -> commands.<CueAssignedEvent>send(new AssignCueCommand(relationship,
                new CueId(cueId), cue.text(), cue.exercise(), cue.fault(),
                cue.videoId() == null ? null : new VideoId(cue.videoId()), cue.atSecond(), cue.at())));
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
