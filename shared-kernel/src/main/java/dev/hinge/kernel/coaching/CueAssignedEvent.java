package dev.hinge.kernel.coaching;

import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.VideoId;

import java.math.BigDecimal;
import java.time.Instant;

/** A cue the athlete carries into the next sets, active until retired. fault, videoId, atSecond may be null. */
public record CueAssignedEvent(AthleteId athleteId, CoachId coachId, CueId cueId, String text, Exercise exercise,
                               FormFault fault, VideoId videoId, BigDecimal atSecond, Instant at) {
}
