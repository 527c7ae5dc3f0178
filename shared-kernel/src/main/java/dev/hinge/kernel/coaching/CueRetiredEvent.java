package dev.hinge.kernel.coaching;

import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;

import java.time.Instant;

public record CueRetiredEvent(AthleteId athleteId, CoachId coachId, CueId cueId, Instant at) {
}
