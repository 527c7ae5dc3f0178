package dev.hinge.athlete.log.command;

import dev.hinge.kernel.access.CoachAccessGrantedEvent;
import dev.hinge.kernel.access.CoachAccessRevokedEvent;
import dev.hinge.kernel.access.GrantCoachAccessCommand;
import dev.hinge.kernel.access.RevokeCoachAccessCommand;
import dev.hinge.kernel.account.AthleteRegisteredEvent;
import dev.hinge.kernel.account.RegisterAthleteCommand;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.common.DomainException;
import dev.hinge.kernel.pain.PainReportId;
import dev.hinge.kernel.pain.PainReportedEvent;
import dev.hinge.kernel.pain.RedFlagRaisedEvent;
import dev.hinge.kernel.pain.ReportPainCommand;
import dev.hinge.kernel.training.AttachVideoCommand;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.LogSetCommand;
import dev.hinge.kernel.training.LoggedSet;
import dev.hinge.kernel.training.SetId;
import dev.hinge.kernel.training.SetLoggedEvent;
import dev.hinge.kernel.training.VideoAttachedEvent;
import dev.hinge.kernel.training.VideoId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One athlete's history: what they logged and whom they let see it. Ids arrive on the commands, so a repeat of
 * an id answers what was recorded the first time (read back from the store) and appends nothing. The state keeps
 * where each logged thing sits in the history, not the thing itself: an athlete logs thousands of sets, and this
 * state is held in the aggregate cache and written whole into every snapshot.
 * <p>
 * Snapshotted every {@code hinge.snapshot-threshold} events: its fields are the snapshot, so a change to them
 * bumps the {@code @Revision} (older snapshots are then ignored and the history is replayed).
 */
@Aggregate(cache = "aggregateCache", snapshotTriggerDefinition = "snapshotTrigger")
@Revision("2")
class Athlete {
    @AggregateIdentifier
    private AthleteId athleteId;
    private final Set<CoachId> coaches = new HashSet<>();
    /** Each set: the sequence number of its event, and its exercise (a video attached later is filed under it). */
    private final Map<SetId, Logged> sets = new HashMap<>();
    private final Map<VideoId, Long> videos = new HashMap<>();
    private final Map<PainReportId, Long> painReports = new HashMap<>();

    record Logged(long sequence, Exercise exercise) {
    }

    Athlete() {
        // for Axon
    }

    @CommandHandler
    Athlete(RegisterAthleteCommand command) {
        apply(new AthleteRegisteredEvent(command.athleteId(), command.displayName(), command.at()));
    }

    @CommandHandler
    LoggedSet handle(LogSetCommand command, EventStore history) {
        Logged logged = sets.get(command.setId());
        if (logged != null) {
            Long video = command.videoId() == null ? null : videos.get(command.videoId());
            return new LoggedSet(recorded(history, logged.sequence(), SetLoggedEvent.class),
                    video == null ? null : recorded(history, video, VideoAttachedEvent.class));
        }
        SetLoggedEvent set = new SetLoggedEvent(athleteId, command.setId(), command.exercise(), command.load(),
                command.reps(), command.rpe(), command.performedAt(), command.pain(), command.checklist(), command.notes());
        apply(set);
        VideoAttachedEvent video = null;
        if (command.videoUrl() != null) {
            video = new VideoAttachedEvent(athleteId, command.videoId(), command.setId(), command.exercise(),
                    command.videoUrl(), null, command.performedAt());
            apply(video);
        }
        if (command.pain() != null && command.pain().isRedFlag()) {
            apply(new RedFlagRaisedEvent(athleteId, RedFlagRaisedEvent.idFor(command.setId().value()),
                    command.setId().value(), command.exercise(), command.pain(), command.performedAt()));
        }
        return new LoggedSet(set, video);
    }

    @CommandHandler
    VideoAttachedEvent handle(AttachVideoCommand command, EventStore history) {
        Long attached = videos.get(command.videoId());
        if (attached != null) {
            return recorded(history, attached, VideoAttachedEvent.class);
        }
        Logged set = sets.get(command.setId());
        if (set == null) {
            throw DomainException.notFound("No set " + command.setId() + " in this athlete's log");
        }
        VideoAttachedEvent video = new VideoAttachedEvent(athleteId, command.videoId(), command.setId(), set.exercise(),
                command.url(), command.note(), command.at());
        apply(video);
        return video;
    }

    @CommandHandler
    PainReportedEvent handle(ReportPainCommand command, EventStore history) {
        Long reported = painReports.get(command.painReportId());
        if (reported != null) {
            return recorded(history, reported, PainReportedEvent.class);
        }
        PainReportedEvent event = new PainReportedEvent(athleteId, command.painReportId(), command.report(),
                command.exercise(), command.at(), command.notes());
        apply(event);
        if (command.report().isRedFlag()) {
            apply(new RedFlagRaisedEvent(athleteId, RedFlagRaisedEvent.idFor(command.painReportId().value()),
                    command.painReportId().value(), command.exercise(), command.report(), command.at()));
        }
        return event;
    }

    /** Granting a coach who already has access changes nothing. */
    @CommandHandler
    void handle(GrantCoachAccessCommand command) {
        if (!coaches.contains(command.coachId())) {
            apply(new CoachAccessGrantedEvent(athleteId, command.coachId(), command.at()));
        }
    }

    @CommandHandler
    void handle(RevokeCoachAccessCommand command) {
        if (!coaches.contains(command.coachId())) {
            throw DomainException.notFound("Coach " + command.coachId() + " has no access to revoke");
        }
        apply(new CoachAccessRevokedEvent(athleteId, command.coachId(), command.at()));
    }

    @EventSourcingHandler
    void on(AthleteRegisteredEvent event) {
        athleteId = event.athleteId();
    }

    @EventSourcingHandler
    void on(SetLoggedEvent event, @SequenceNumber long sequence) {
        sets.put(event.setId(), new Logged(sequence, event.exercise()));
    }

    @EventSourcingHandler
    void on(VideoAttachedEvent event, @SequenceNumber long sequence) {
        videos.put(event.videoId(), sequence);
    }

    @EventSourcingHandler
    void on(PainReportedEvent event, @SequenceNumber long sequence) {
        painReports.put(event.painReportId(), sequence);
    }

    /** What this athlete's history holds at {@code sequence}: the answer to a repeat, as first recorded. */
    private <T> T recorded(EventStore history, long sequence, Class<T> type) {
        DomainEventStream events = history.readEvents(athleteId.toString(), sequence);
        return type.cast(events.next().getPayload());
    }

    @EventSourcingHandler
    void on(CoachAccessGrantedEvent event) {
        coaches.add(event.coachId());
    }

    @EventSourcingHandler
    void on(CoachAccessRevokedEvent event) {
        coaches.remove(event.coachId());
    }
}
