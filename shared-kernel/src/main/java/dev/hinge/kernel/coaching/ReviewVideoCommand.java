package dev.hinge.kernel.coaching;

import dev.hinge.kernel.training.VideoId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A coach's reading of one of the athlete's videos. */
public record ReviewVideoCommand(@TargetAggregateIdentifier RelationshipId relationshipId, ReviewId reviewId, VideoId videoId, List<FaultObservation> faults, BigDecimal barOffsetInches, String notes, Instant at) {
}
