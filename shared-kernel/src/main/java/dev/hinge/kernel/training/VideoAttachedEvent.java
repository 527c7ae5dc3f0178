package dev.hinge.kernel.training;

import dev.hinge.kernel.common.AthleteId;

import java.time.Instant;

/** Footage of a set, waiting for a coach's review. */
public record VideoAttachedEvent(AthleteId athleteId, VideoId videoId, SetId setId, Exercise exercise, VideoUrl url,
                                 String note, Instant at) {
}
