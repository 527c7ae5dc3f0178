package dev.hinge.coach.relationship.command;

import dev.hinge.kernel.coaching.AssignCueCommand;
import dev.hinge.kernel.coaching.GiveClearanceCommand;
import dev.hinge.kernel.coaching.PrescribeDeloadCommand;
import dev.hinge.kernel.coaching.ReviewVideoCommand;
import dev.hinge.platform.recorded.RecordedIds;
import dev.hinge.platform.recorded.RepeatInterceptor;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * A review, cue, deload or clearance recorded again under an id the coach already used for this athlete answers what
 * was recorded the first time, without loading the relationship ({@link RepeatInterceptor}).
 */
@Component
class CoachingRepeats extends RepeatInterceptor {

    CoachingRepeats(RecordedIds recorded) {
        super(recorded);
    }

    @Override
    protected Optional<?> firstAnswer(Object command) {
        if (command instanceof ReviewVideoCommand review) {
            return recorded.first(review.relationshipId(), CoachingIds.REVIEW, review.reviewId().value());
        }
        if (command instanceof AssignCueCommand cue) {
            return recorded.first(cue.relationshipId(), CoachingIds.CUE, cue.cueId().value());
        }
        if (command instanceof PrescribeDeloadCommand deload) {
            return recorded.first(deload.relationshipId(), CoachingIds.DELOAD, deload.deloadId().value());
        }
        if (command instanceof GiveClearanceCommand clearance) {
            return recorded.first(clearance.relationshipId(), CoachingIds.CLEARANCE, clearance.clearanceId().value());
        }
        return Optional.empty();
    }
}
