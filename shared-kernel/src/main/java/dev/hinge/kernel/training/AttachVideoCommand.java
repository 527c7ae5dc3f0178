package dev.hinge.kernel.training;

import dev.hinge.kernel.common.AthleteId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Links footage to one of the athlete's own sets; an unknown set is not found. */
public record AttachVideoCommand(@TargetAggregateIdentifier AthleteId athleteId, VideoId videoId, SetId setId,
                                 VideoUrl url, String note, Instant at) {
}
