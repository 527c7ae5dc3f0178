package dev.hinge.coach.coaching.web;

import dev.hinge.coach.coaching.query.AccessProjection;
import dev.hinge.coach.review.query.VideoProjection;
import dev.hinge.coach.roster.query.RosterProjection;
import dev.hinge.kernel.coaching.AssignCueCommand;
import dev.hinge.kernel.coaching.BarOffset;
import dev.hinge.kernel.coaching.ClearanceGivenEvent;
import dev.hinge.kernel.coaching.ClearanceId;
import dev.hinge.kernel.coaching.CueAssignedEvent;
import dev.hinge.kernel.coaching.CueId;
import dev.hinge.kernel.coaching.DeloadId;
import dev.hinge.kernel.coaching.DeloadInstruction;
import dev.hinge.kernel.coaching.DeloadPrescribedEvent;
import dev.hinge.kernel.coaching.FaultObservation;
import dev.hinge.kernel.coaching.FormFault;
import dev.hinge.kernel.coaching.GiveClearanceCommand;
import dev.hinge.kernel.coaching.Percent;
import dev.hinge.kernel.coaching.PrescribeDeloadCommand;
import dev.hinge.kernel.coaching.RelationshipId;
import dev.hinge.kernel.coaching.Relationships;
import dev.hinge.kernel.coaching.RetireCueCommand;
import dev.hinge.kernel.coaching.ReviewId;
import dev.hinge.kernel.coaching.ReviewVideoCommand;
import dev.hinge.kernel.coaching.VideoReviewedEvent;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.common.DomainException;
import dev.hinge.kernel.common.Slugs;
import dev.hinge.kernel.common.Text;
import dev.hinge.kernel.timeline.Timeline;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.Load;
import dev.hinge.kernel.training.VideoId;
import dev.hinge.platform.idempotency.Idempotency;
import dev.hinge.platform.problem.RequestFields;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.web.Blocking;
import dev.hinge.platform.web.Commands;
import dev.hinge.platform.web.LoadBody;
import dev.hinge.platform.web.Params;
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

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a coach does for an athlete who granted access: reviews, cues, deloads, clearances. Requests are read into
 * kernel values off the event loop ({@link Blocking#defer}).
 */
@RestController
class CoachingController {
    private static final int MAX_CUE = 200;
    private static final int MAX_NOTES = 2000;

    private final Commands commands;
    private final AccessProjection access;
    private final VideoProjection videos;
    private final RosterProjection roster;
    private final Idempotency idempotency;
    private final Clock clock;

    CoachingController(Commands commands, AccessProjection access, VideoProjection videos, RosterProjection roster,
                       Idempotency idempotency, Clock clock) {
        this.commands = commands;
        this.access = access;
        this.videos = videos;
        this.roster = roster;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    record FaultBody(String fault, BigDecimal atSecond, String note) {
    }

    record ReviewRequest(UUID id, List<FaultBody> faults, BigDecimal barOffsetInches, String notes, String at) {
    }

    record CueRequest(UUID id, String text, String exercise, String fault, UUID videoId, BigDecimal atSecond, String at) {
    }

    record DeloadRequest(UUID id, String exercise, String instruction, BigDecimal percent, LoadBody referenceMax, String at) {
    }

    record ClearanceRequest(UUID id, String exercise, String notes, String at) {
    }

    @PostMapping("/api/v1/athletes/{athleteId}/videos/{videoId}/reviews")
    Mono<ResponseEntity<?>> review(@AuthenticationPrincipal Jwt jwt, @PathVariable String athleteId,
                                   @PathVariable String videoId, @RequestBody ReviewRequest request,
                                   @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return Blocking.defer(() -> review(CurrentUser.id(jwt), athleteId, videoId, request, key));
    }

    private Mono<ResponseEntity<?>> review(UUID coach, String athleteId, String videoId, ReviewRequest request, String key) {
        RequestFields fields = new RequestFields();
        UUID athlete = fields.required("athleteId", athleteId, Params::uuid);
        UUID video = fields.required("videoId", videoId, Params::uuid);
        List<FaultObservation> faults = new ArrayList<>();
        if (request.faults() == null) {
            fields.reject("faults", "is required (an empty list when no fault was seen)");
        } else {
            for (int i = 0; i < request.faults().size(); i++) {
                FaultBody body = request.faults().get(i);
                String field = "faults[" + i + "]";
                if (body == null) {
                    fields.reject(field, "is required");
                    continue;
                }
                FormFault fault = fields.required(field + ".fault", body.fault(), f -> Slugs.parse(FormFault.class, f));
                FaultObservation observation = fault == null ? null
                        : fields.optional(field, fault, f -> FaultObservation.of(f, body.atSecond(), body.note()));
                if (observation != null) {
                    faults.add(observation);
                }
            }
        }
        BigDecimal offset = fields.optional("barOffsetInches", request.barOffsetInches(), BarOffset::inches);
        String notes = fields.optional("notes", request.notes(), n -> Text.optional(n, MAX_NOTES));
        Instant at = Params.happenedAt(fields, "at", request.at(), clock.instant());
        fields.validate();
        String route = "POST /api/v1/athletes/" + athlete + "/videos/" + video + "/reviews";
        return idempotency.execute(coach.toString(), key, route, request, () -> Blocking.call(() -> {
            access.require(coach, athlete);
            if (!videos.isVideoOf(video, athlete)) {
                throw DomainException.notFound("No video " + video + " of this athlete");
            }
            return relationship(coach, athlete);
        }).flatMap(relationship -> commands.<VideoReviewedEvent>send(new ReviewVideoCommand(relationship,
                new ReviewId(id(request.id(), coach, key, "review")), new VideoId(video), faults, offset, notes, at)))
                .map(reviewed -> created(reviewed, Map.of("athleteId", athlete))));
    }

    @PostMapping("/api/v1/athletes/{athleteId}/cues")
    Mono<ResponseEntity<?>> assignCue(@AuthenticationPrincipal Jwt jwt, @PathVariable String athleteId,
                                      @RequestBody CueRequest request,
                                      @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return Blocking.defer(() -> assignCue(CurrentUser.id(jwt), athleteId, request, key));
    }

    private Mono<ResponseEntity<?>> assignCue(UUID coach, String athleteId, CueRequest request, String key) {
        RequestFields fields = new RequestFields();
        UUID athlete = fields.required("athleteId", athleteId, Params::uuid);
        String text = fields.required("text", request.text(), t -> Text.required(t, MAX_CUE));
        Exercise exercise = fields.required("exercise", request.exercise(), Exercise::new);
        FormFault fault = fields.optional("fault", request.fault(), f -> Slugs.parse(FormFault.class, f));
        BigDecimal atSecond = fields.optional("atSecond", request.atSecond(), FaultObservation::second);
        if (request.atSecond() != null && request.videoId() == null) {
            fields.reject("atSecond", "needs the videoId it is a second of");
        }
        Instant at = Params.happenedAt(fields, "at", request.at(), clock.instant());
        fields.validate();
        return idempotency.execute(coach.toString(), key, "POST /api/v1/athletes/" + athlete + "/cues", request,
                () -> Blocking.call(() -> {
                    access.require(coach, athlete);
                    if (request.videoId() != null && !videos.isVideoOf(request.videoId(), athlete)) {
                        throw DomainException.invalid("videoId", "is not a video of this athlete");
                    }
                    return relationship(coach, athlete);
                }).flatMap(relationship -> commands.<CueAssignedEvent>send(new AssignCueCommand(relationship,
                        new CueId(id(request.id(), coach, key, "cue")), text, exercise, fault,
                        request.videoId() == null ? null : new VideoId(request.videoId()), atSecond, at)))
                        .map(assigned -> created(assigned, Map.of("athleteId", athlete))));
    }

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
            return relationship(coach, athlete);
        }).flatMap(relationship -> commands.send(new RetireCueCommand(relationship, new CueId(cue), now)))
                .then(Mono.just(ResponseEntity.noContent().build()));
    }

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
                    Load referenceMax = given != null ? given : roster.heaviestLoad(athlete, exercise).orElseThrow(() ->
                            DomainException.invalid("referenceMax", "is required: no "
                                    + exercise.displayName().toLowerCase() + " sets are logged to take the heaviest load from"));
                    return new PrescribeDeloadCommand(relationship(coach, athlete),
                            new DeloadId(id(request.id(), coach, key, "deload")), exercise, scale, referenceMax, at);
                }).flatMap(command -> commands.<DeloadPrescribedEvent>send(command))
                        .map(prescribed -> created(prescribed, Map.of())));
    }

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
        String notes = fields.optional("notes", request.notes(), n -> Text.optional(n, MAX_NOTES));
        Instant at = Params.happenedAt(fields, "at", request.at(), clock.instant());
        fields.validate();
        return idempotency.execute(coach.toString(), key, "POST /api/v1/athletes/" + athlete + "/clearances", request,
                () -> Blocking.call(() -> {
                    access.require(coach, athlete);
                    return relationship(coach, athlete);
                }).flatMap(relationship -> commands.<ClearanceGivenEvent>send(new GiveClearanceCommand(relationship,
                        new ClearanceId(id(request.id(), coach, key, "clearance")), exercise, notes, at)))
                        .map(given -> created(given, Map.of("athleteId", athlete))));
    }

    /** 201 with the event's timeline data (the thing in the shape of its POST body, plus its id). */
    private static ResponseEntity<Object> created(Object event, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(Timeline.describe(event).orElseThrow().data());
        body.putAll(extra);
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    private static RelationshipId relationship(UUID coach, UUID athlete) {
        return Relationships.idOf(new CoachId(coach), new AthleteId(athlete));
    }

    private static UUID id(UUID given, UUID coach, String key, String kind) {
        if (given != null) {
            return given;
        }
        return key == null ? UUID.randomUUID() : Idempotency.derivedId(coach.toString(), key, kind);
    }

}
