package dev.hinge.kernel.coaching;

import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.training.VideoId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A coach's reading of a video: faults seen, bar offset from mid-foot in inches, notes, the cues it suggests. */
public record VideoReviewedEvent(AthleteId athleteId, CoachId coachId, ReviewId reviewId, VideoId videoId,
                                 List<FaultObservation> faults, BigDecimal barOffsetInches, String notes,
                                 List<String> suggestedCues, Instant at) {
    public VideoReviewedEvent {
        faults = List.copyOf(faults);
        suggestedCues = List.copyOf(suggestedCues);
    }
}
