package dev.hinge.athlete.history.command;

import dev.hinge.kernel.pain.ReportPainCommand;
import dev.hinge.kernel.training.AttachVideoCommand;
import dev.hinge.kernel.training.LogSetCommand;
import dev.hinge.kernel.training.LoggedSet;
import dev.hinge.kernel.training.VideoId;
import dev.hinge.platform.recorded.RecordedIds;
import dev.hinge.platform.recorded.RepeatInterceptor;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * A set, video or pain report logged again under an id the athlete already used answers what was logged the first
 * time, without loading the athlete ({@link RepeatInterceptor}). A set's answer includes the video logged with it,
 * whether or not the repeat carries footage again.
 */
@Component
class LogRepeats extends RepeatInterceptor {

    LogRepeats(RecordedIds recorded) {
        super(recorded);
    }

    @Override
    protected Optional<?> firstAnswer(Object command) {
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
