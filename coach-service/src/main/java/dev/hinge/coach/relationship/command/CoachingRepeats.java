package dev.hinge.coach.relationship.command;

import dev.hinge.kernel.coaching.AssignCueCommand;
import dev.hinge.kernel.coaching.GiveClearanceCommand;
import dev.hinge.kernel.coaching.PrescribeDeloadCommand;
import dev.hinge.kernel.coaching.ReviewVideoCommand;
import dev.hinge.platform.recorded.RecordedIds;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * A command that repeats an id the coach already recorded something under for this athlete answers what was recorded
 * the first time, read back from the store, and appends nothing: the relationship is not even loaded. Ids arrive on
 * the commands (the client's, or derived from its Idempotency-Key), so a retried request finds its first answer here.
 */
@Component
class CoachingRepeats implements MessageHandlerInterceptor<CommandMessage<?>> {
    private final RecordedIds recorded;

    CoachingRepeats(RecordedIds recorded) {
        this.recorded = recorded;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Optional<?> first = firstAnswer(unitOfWork.getMessage().getPayload());
        return first.isPresent() ? first.get() : chain.proceed();
    }

    private Optional<?> firstAnswer(Object command) {
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
