package dev.hinge.coach.cues.web;

import dev.hinge.coach.access.AccessProjection;
import dev.hinge.coach.videos.VideoProjection;
import dev.hinge.kernel.coaching.AssignCueCommand;
import dev.hinge.kernel.coaching.CueAssignedEvent;
import dev.hinge.kernel.coaching.CueId;
import dev.hinge.kernel.coaching.FaultObservation;
import dev.hinge.kernel.coaching.FormFault;
import dev.hinge.kernel.coaching.Relationships;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.common.DomainException;
import dev.hinge.kernel.common.Slugs;
import dev.hinge.kernel.common.Text;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.VideoId;
import dev.hinge.platform.problem.RequestFields;
import dev.hinge.platform.web.Blocking;
import dev.hinge.platform.web.Commands;
import dev.hinge.platform.web.Params;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Assigning a cue, as the API route and the coach's athlete page both ask for it: the request read field by field
 * (every refusal under the API's field name), then the command sent once the coach's access and the video are
 * checked. One reading of the request for both, so a form refuses exactly what the API refuses.
 */
@Component
class CueAssignments {
    static final int MAX_CUE = 200;

    private final Commands commands;
    private final AccessProjection access;
    private final VideoProjection videos;

    CueAssignments(Commands commands, AccessProjection access, VideoProjection videos) {
        this.commands = commands;
        this.access = access;
        this.videos = videos;
    }

    /** A cue request read and validated: everything the command needs but the ids. */
    record Cue(UUID athlete, String text, Exercise exercise, FormFault fault, UUID videoId, BigDecimal atSecond,
               Instant at) {
        AssignCueCommand command(UUID coach, CueId id) {
            return new AssignCueCommand(Relationships.idOf(new CoachId(coach), new AthleteId(athlete)), id, text,
                    exercise, fault, videoId == null ? null : new VideoId(videoId), atSecond, at);
        }
    }

    /** The request's fields as a cue, or an {@code InvalidRequestException} naming every refused field. */
    static Cue read(String athleteId, CueController.CueRequest request, Instant now) {
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

    /**
     * Assigns the cue under {@code id}: 404 unless the athlete granted this coach access, a refusal on
     * {@code videoId} unless the video is this athlete's.
     */
    Mono<CueAssignedEvent> assign(UUID coach, Cue cue, CueId id) {
        return Blocking.call(() -> {
            access.require(coach, cue.athlete());
            if (cue.videoId() != null && !videos.isVideoOf(cue.videoId(), cue.athlete())) {
                throw DomainException.invalid("videoId", "is not a video of this athlete");
            }
            return cue.command(coach, id);
        }).flatMap(commands::<CueAssignedEvent>send);
    }
}
