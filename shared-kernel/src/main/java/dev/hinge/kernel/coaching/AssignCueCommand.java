package dev.hinge.kernel.coaching;

import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.VideoId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;

/** fault, videoId and atSecond may be null. */
public record AssignCueCommand(@TargetAggregateIdentifier RelationshipId relationshipId, CueId cueId, String text, Exercise exercise, FormFault fault, VideoId videoId, BigDecimal atSecond, Instant at) {
}
