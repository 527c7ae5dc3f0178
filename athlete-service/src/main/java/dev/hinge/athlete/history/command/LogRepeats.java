package dev.hinge.athlete.history.command;

import dev.hinge.kernel.pain.ReportPainCommand;
import dev.hinge.kernel.training.AttachVideoCommand;
import dev.hinge.kernel.training.LogSetCommand;
import dev.hinge.kernel.training.LoggedSet;
import dev.hinge.kernel.training.VideoId;
import dev.hinge.platform.recorded.RecordedIds;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * A command that repeats an id the athlete already logged something under answers what was recorded the first time,
 * read back from the store, and appends nothing: the athlete is not even loaded. Ids arrive on the commands (the
 * client's, or derived from its Idempotency-Key), so a retried request finds its first answer here. A set's answer
 * includes the video logged with it, whether or not the repeat carries footage again.
 */
@Component
class LogRepeats implements MessageHandlerInterceptor<CommandMessage<?>> {
    private final RecordedIds recorded;

    LogRepeats(RecordedIds recorded) {
        this.recorded = recorded;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Optional<?> first = firstAnswer(unitOfWork.getMessage().getPayload());
        return first.isPresent() ? first.get() : chain.proceed();
    }

    private Optional<?> firstAnswer(Object command) {
        if (command instanceof LogSetCommand logSet) {
            VideoId itsVideo = VideoId.ofSet(logSet.athleteId(), logSet.setId());
            return recorded.first(logSet.athleteId(), LogIds.SET, logSet.setId().value()).map(set -> new LoggedSet(set,
                    recorded.first(logSet.athleteId(), LogIds.VIDEO, itsVideo.value()).orElse(null)));
        }
        if (command instanceof AttachVideoCommand attach) {
            return recorded.first(attach.athleteId(), LogIds.VIDEO, attach.videoId().value());
        }
        if (command instanceof ReportPainCommand report) {
            return recorded.first(report.athleteId(), LogIds.PAIN_REPORT, report.painReportId().value());
        }
        return Optional.empty();
    }
}
