package dev.hinge.coach.api;

import dev.hinge.kernel.access.CoachAccessGrantedEvent;
import dev.hinge.kernel.access.CoachAccessRevokedEvent;
import dev.hinge.kernel.account.AthleteRegisteredEvent;
import dev.hinge.kernel.account.DisplayName;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.pain.PainReport;
import dev.hinge.kernel.pain.PainReportId;
import dev.hinge.kernel.pain.PainReportedEvent;
import dev.hinge.kernel.pain.RedFlagStop;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.Load;
import dev.hinge.kernel.training.Reps;
import dev.hinge.kernel.training.SetId;
import dev.hinge.kernel.training.SetLoggedEvent;
import dev.hinge.kernel.training.VideoAttachedEvent;
import dev.hinge.kernel.training.VideoId;
import dev.hinge.kernel.training.VideoSource;
import dev.hinge.kernel.training.VideoUrl;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for athlete-service: appends the athletes' events to the shared store, each athlete's history
 * under their own aggregate with its own sequence, exactly as the Athlete aggregate would.
 */
final class AthleteSide {
    private final EventStore eventStore;
    private final Map<AthleteId, Long> sequences = new ConcurrentHashMap<>();

    AthleteSide(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    AthleteId registers(String name) {
        AthleteId athlete = new AthleteId(UUID.randomUUID());
        append(athlete, new AthleteRegisteredEvent(athlete, new DisplayName(name), Instant.now()));
        return athlete;
    }

    void grants(AthleteId athlete, CoachApi coach) {
        append(athlete, new CoachAccessGrantedEvent(athlete, new CoachId(coach.id()), Instant.now()));
    }

    void revokes(AthleteId athlete, CoachApi coach) {
        append(athlete, new CoachAccessRevokedEvent(athlete, new CoachId(coach.id()), Instant.now()));
    }

    SetId logsSet(AthleteId athlete, String exercise, Load load, PainReport pain, Instant performedAt) {
        SetId set = new SetId(UUID.randomUUID());
        append(athlete, new SetLoggedEvent(athlete, set, new Exercise(exercise), load, new Reps(5), null, performedAt,
                pain, List.of(), null));
        RedFlagStop.raise(athlete, set.value(), new Exercise(exercise), pain, performedAt).ifPresent(e -> append(athlete, e));
        return set;
    }

    /** A set logged with its footage in the same request, under the set id the athlete's app chose. */
    VideoId logsSetWithVideo(AthleteId athlete, SetId set, String exercise, Load load, Instant performedAt) {
        append(athlete, new SetLoggedEvent(athlete, set, new Exercise(exercise), load, new Reps(5), null, performedAt,
                PainReport.NONE, List.of(), null));
        VideoId video = VideoId.ofSet(athlete, set);
        append(athlete, new VideoAttachedEvent(athlete, video, set, new Exercise(exercise),
                new VideoUrl("https://example.com/" + athlete + "/" + set + ".mp4"), null, performedAt));
        return video;
    }

    VideoId attachesVideo(AthleteId athlete, SetId set, String exercise, Instant at) {
        VideoId video = new VideoId(UUID.randomUUID());
        append(athlete, new VideoAttachedEvent(athlete, video, set, new Exercise(exercise),
                new VideoUrl("https://example.com/" + video + ".mp4"), "side view", at));
        return video;
    }

    /** An uploaded video, recorded as athlete-service records one once its file is kept. */
    VideoId uploadsVideo(AthleteId athlete, SetId set, String exercise, Instant at) {
        VideoId video = new VideoId(UUID.randomUUID());
        append(athlete, new VideoAttachedEvent(athlete, video, set, new Exercise(exercise), VideoSource.UPLOAD,
                VideoUrl.uploaded(video), null, at));
        return video;
    }

    void reportsPain(AthleteId athlete, PainReport report, Instant at) {
        PainReportId id = new PainReportId(UUID.randomUUID());
        append(athlete, new PainReportedEvent(athlete, id, report, null, at, null));
        RedFlagStop.raise(athlete, id.value(), null, report, at).ifPresent(e -> append(athlete, e));
    }

    synchronized void append(AthleteId athlete, Object event) {
        long sequence = sequences.merge(athlete, 0L, (previous, zero) -> previous + 1);
        eventStore.publish(new GenericDomainEventMessage<>("Athlete", athlete.toString(), sequence, event));
    }
}
