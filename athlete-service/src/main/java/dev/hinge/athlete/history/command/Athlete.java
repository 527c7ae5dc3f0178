package dev.hinge.athlete.history.command;

import dev.hinge.kernel.access.AccessOfferId;
import dev.hinge.kernel.access.CoachAccessGrantedEvent;
import dev.hinge.kernel.access.CoachAccessOfferedEvent;
import dev.hinge.kernel.access.CoachAccessRevokedEvent;
import dev.hinge.kernel.access.GrantCoachAccessCommand;
import dev.hinge.kernel.access.GrantOfferedAccessCommand;
import dev.hinge.kernel.access.OfferCoachAccessCommand;
import dev.hinge.kernel.access.RevokeCoachAccessCommand;
import dev.hinge.kernel.account.AthleteRegisteredEvent;
import dev.hinge.kernel.account.RegisterAthleteCommand;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.common.DomainException;
import dev.hinge.kernel.pain.PainReportedEvent;
import dev.hinge.kernel.pain.RedFlagStop;
import dev.hinge.kernel.pain.ReportPainCommand;
import dev.hinge.kernel.training.AttachVideoCommand;
import dev.hinge.kernel.training.LogSetCommand;
import dev.hinge.kernel.training.LoggedSet;
import dev.hinge.kernel.training.SetLoggedEvent;
import dev.hinge.kernel.training.VideoAttachedEvent;
import dev.hinge.platform.recorded.RecordedIds;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One athlete's history: what they logged and whom they let see it; a red flag in what they log raises a
 * {@link RedFlagStop}, recorded beside the entry, never refusing it. Its state is what its rules decide on: who the
 * athlete is, which coaches they granted and which offers of access they made. Ids arrive on the commands; a repeat
 * of an id is answered before the
 * athlete is loaded ({@link LogRepeats}), and whether a set is in this athlete's log is asked of the
 * {@link RecordedIds}, so the state does not grow with the sets, videos and pain reports logged.
 * <p>
 * Snapshotted every {@code hinge.snapshot-threshold} events: its fields are the snapshot, so a change to them
 * bumps the {@code @Revision} (older snapshots are then ignored and the history is replayed).
 */
@Aggregate(cache = "aggregateCache", snapshotTriggerDefinition = "snapshotTrigger")
@Revision("4")
class Athlete {
    @AggregateIdentifier
    private AthleteId athleteId;
    private final Set<CoachId> coaches = new HashSet<>();
    private final Set<AccessOfferId> offers = new HashSet<>();

    Athlete() {
        // for Axon
    }

    @CommandHandler
    Athlete(RegisterAthleteCommand command) {
        apply(new AthleteRegisteredEvent(command.athleteId(), command.displayName(), command.at()));
    }

    @CommandHandler
    LoggedSet handle(LogSetCommand command) {
        SetLoggedEvent set = new SetLoggedEvent(athleteId, command.setId(), command.exercise(), command.load(),
                command.reps(), command.rpe(), command.performedAt(), command.pain(), command.checklist(), command.notes());
        apply(set);
        VideoAttachedEvent video = null;
        if (command.videoUrl() != null) {
            video = new VideoAttachedEvent(athleteId, command.videoId(), command.setId(), command.exercise(),
                    command.videoUrl(), null, command.performedAt());
            apply(video);
        }
        RedFlagStop.raise(athleteId, command.setId().value(), command.exercise(), command.pain(), command.performedAt())
                .ifPresent(AggregateLifecycle::apply);
        return new LoggedSet(set, video);
    }

    /** A video attaches to a set of this athlete's own log, and is filed under that set's exercise. */
    @CommandHandler
    VideoAttachedEvent handle(AttachVideoCommand command, RecordedIds log) {
        SetLoggedEvent set = log.first(athleteId, LogIds.SET, command.setId().value()).orElseThrow(() ->
                DomainException.notFound("No set " + command.setId() + " in this athlete's log"));
        VideoAttachedEvent video = new VideoAttachedEvent(athleteId, command.videoId(), command.setId(), set.exercise(),
                command.source(), command.url(), command.note(), command.at());
        apply(video);
        return video;
    }

    @CommandHandler
    PainReportedEvent handle(ReportPainCommand command) {
        PainReportedEvent event = new PainReportedEvent(athleteId, command.painReportId(), command.report(),
                command.exercise(), command.at(), command.notes());
        apply(event);
        RedFlagStop.raise(athleteId, command.painReportId().value(), command.exercise(), command.report(), command.at())
                .ifPresent(AggregateLifecycle::apply);
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
    void handle(OfferCoachAccessCommand command) {
        apply(new CoachAccessOfferedEvent(athleteId, command.offerId(), command.coachEmailDigest(), command.at()));
    }

    /** A coach who took up one of this athlete's offers gets access; an offer the athlete never made grants nothing. */
    @CommandHandler
    void handle(GrantOfferedAccessCommand command) {
        if (offers.contains(command.offerId()) && !coaches.contains(command.coachId())) {
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
    void on(CoachAccessGrantedEvent event) {
        coaches.add(event.coachId());
    }

    @EventSourcingHandler
    void on(CoachAccessOfferedEvent event) {
        offers.add(event.offerId());
    }

    @EventSourcingHandler
    void on(CoachAccessRevokedEvent event) {
        coaches.remove(event.coachId());
    }
}
