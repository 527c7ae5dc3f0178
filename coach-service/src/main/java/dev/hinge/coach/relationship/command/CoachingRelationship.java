package dev.hinge.coach.relationship.command;

import dev.hinge.kernel.coaching.AssignCueCommand;
import dev.hinge.kernel.coaching.ClearanceGivenEvent;
import dev.hinge.kernel.coaching.CloseRelationshipCommand;
import dev.hinge.kernel.coaching.CueAssignedEvent;
import dev.hinge.kernel.coaching.CueRetiredEvent;
import dev.hinge.kernel.coaching.Deload;
import dev.hinge.kernel.coaching.DeloadPrescribedEvent;
import dev.hinge.kernel.coaching.FaultObservation;
import dev.hinge.kernel.coaching.FormFault;
import dev.hinge.kernel.coaching.GiveClearanceCommand;
import dev.hinge.kernel.coaching.OpenRelationshipCommand;
import dev.hinge.kernel.coaching.PrescribeDeloadCommand;
import dev.hinge.kernel.coaching.RelationshipClosedEvent;
import dev.hinge.kernel.coaching.RelationshipId;
import dev.hinge.kernel.coaching.RelationshipOpenedEvent;
import dev.hinge.kernel.coaching.RetireCueCommand;
import dev.hinge.kernel.coaching.ReviewVideoCommand;
import dev.hinge.kernel.coaching.VideoReviewedEvent;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.common.DomainException;
import dev.hinge.platform.recorded.RecordedIds;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What one coach may do for one athlete. It opens and closes with the athlete's grants; while closed it refuses
 * everything as "not found", so a coach without a live grant learns nothing about the athlete. Its state is what its
 * rules decide on: whose relationship it is, and whether it is open. Ids arrive on the commands; a repeat of an id is
 * answered before the relationship is loaded ({@link CoachingRepeats}), and which cues were assigned and retired is
 * asked of the {@link RecordedIds}, so the state does not grow with what the coach records.
 * <p>
 * Snapshotted every {@code hinge.snapshot-threshold} events: its fields are the snapshot, so a change to them
 * bumps the {@code @Revision} (older snapshots are then ignored and the history is replayed).
 */
@Aggregate(cache = "aggregateCache", snapshotTriggerDefinition = "snapshotTrigger")
@Revision("2")
class CoachingRelationship {
    @AggregateIdentifier
    private RelationshipId relationshipId;
    private CoachId coachId;
    private AthleteId athleteId;
    private boolean open;

    CoachingRelationship() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenRelationshipCommand command) {
        if (!open) {
            apply(new RelationshipOpenedEvent(command.relationshipId(), command.coachId(), command.athleteId(), command.at()));
        }
    }

    @CommandHandler
    void handle(CloseRelationshipCommand command) {
        if (open) {
            apply(new RelationshipClosedEvent(relationshipId, coachId, athleteId, command.at()));
        }
    }

    @CommandHandler
    VideoReviewedEvent handle(ReviewVideoCommand command) {
        requireOpen();
        VideoReviewedEvent event = new VideoReviewedEvent(athleteId, coachId, command.reviewId(), command.videoId(),
                command.faults(), command.barOffsetInches(), command.notes(),
                FormFault.cuesFor(command.faults().stream().map(FaultObservation::fault).toList()), command.at());
        apply(event);
        return event;
    }

    @CommandHandler
    CueAssignedEvent handle(AssignCueCommand command) {
        requireOpen();
        CueAssignedEvent event = new CueAssignedEvent(athleteId, coachId, command.cueId(), command.text(),
                command.exercise(), command.fault(), command.videoId(), command.atSecond(), command.at());
        apply(event);
        return event;
    }

    /** A cue assigned in this relationship is retired once; retiring it again changes nothing. */
    @CommandHandler
    void handle(RetireCueCommand command, RecordedIds recorded) {
        requireOpen();
        if (recorded.contains(relationshipId, CoachingIds.CUE_RETIREMENT, command.cueId().value())) {
            return;
        }
        if (!recorded.contains(relationshipId, CoachingIds.CUE, command.cueId().value())) {
            throw DomainException.notFound("No cue " + command.cueId() + " for this athlete");
        }
        apply(new CueRetiredEvent(athleteId, coachId, command.cueId(), command.at()));
    }

    @CommandHandler
    DeloadPrescribedEvent handle(PrescribeDeloadCommand command) {
        requireOpen();
        DeloadPrescribedEvent event = new DeloadPrescribedEvent(athleteId, coachId, command.deloadId(),
                command.exercise(), Deload.of(command.percent(), command.referenceMax()), command.at());
        apply(event);
        return event;
    }

    @CommandHandler
    ClearanceGivenEvent handle(GiveClearanceCommand command) {
        requireOpen();
        ClearanceGivenEvent event = new ClearanceGivenEvent(athleteId, coachId, command.clearanceId(),
                command.exercise(), command.notes(), command.at());
        apply(event);
        return event;
    }

    /** Not found, not forbidden: a coach without a live grant must not learn that the athlete exists. */
    private void requireOpen() {
        if (!open) {
            throw DomainException.notFound("No such athlete");
        }
    }

    @EventSourcingHandler
    void on(RelationshipOpenedEvent event) {
        relationshipId = event.relationshipId();
        coachId = event.coachId();
        athleteId = event.athleteId();
        open = true;
    }

    @EventSourcingHandler
    void on(RelationshipClosedEvent event) {
        open = false;
    }
}
