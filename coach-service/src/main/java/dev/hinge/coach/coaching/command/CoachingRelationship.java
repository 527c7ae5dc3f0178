package dev.hinge.coach.coaching.command;

import dev.hinge.kernel.coaching.AssignCueCommand;
import dev.hinge.kernel.coaching.ClearanceGivenEvent;
import dev.hinge.kernel.coaching.ClearanceId;
import dev.hinge.kernel.coaching.CloseRelationshipCommand;
import dev.hinge.kernel.coaching.CueAssignedEvent;
import dev.hinge.kernel.coaching.CueId;
import dev.hinge.kernel.coaching.CueRetiredEvent;
import dev.hinge.kernel.coaching.Deload;
import dev.hinge.kernel.coaching.DeloadId;
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
import dev.hinge.kernel.coaching.ReviewId;
import dev.hinge.kernel.coaching.ReviewVideoCommand;
import dev.hinge.kernel.coaching.VideoReviewedEvent;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.common.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * What one coach may do for one athlete. It opens and closes with the athlete's grants; while closed it refuses
 * everything as "not found", so a coach without a live grant learns nothing about the athlete. Ids arrive on
 * the commands: a repeated id answers what was recorded the first time.
 * <p>
 * Snapshotted every {@code hinge.snapshot-threshold} events: its fields are the snapshot, so a change to them
 * bumps the {@code @Revision} (older snapshots are then ignored and the history is replayed).
 */
@Aggregate(cache = "aggregateCache", snapshotTriggerDefinition = "snapshotTrigger")
@Revision("1")
class CoachingRelationship {
    @AggregateIdentifier
    private RelationshipId relationshipId;
    private CoachId coachId;
    private AthleteId athleteId;
    private boolean open;
    private final Map<ReviewId, VideoReviewedEvent> reviews = new HashMap<>();
    private final Map<CueId, CueAssignedEvent> cues = new HashMap<>();
    private final Map<CueId, CueRetiredEvent> retiredCues = new HashMap<>();
    private final Map<DeloadId, DeloadPrescribedEvent> deloads = new HashMap<>();
    private final Map<ClearanceId, ClearanceGivenEvent> clearances = new HashMap<>();

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
        VideoReviewedEvent reviewed = reviews.get(command.reviewId());
        if (reviewed != null) {
            return reviewed;
        }
        requireOpen();
        VideoReviewedEvent event = new VideoReviewedEvent(athleteId, coachId, command.reviewId(), command.videoId(),
                command.faults(), command.barOffsetInches(), command.notes(),
                FormFault.cuesFor(command.faults().stream().map(FaultObservation::fault).toList()), command.at());
        apply(event);
        return event;
    }

    @CommandHandler
    CueAssignedEvent handle(AssignCueCommand command) {
        CueAssignedEvent assigned = cues.get(command.cueId());
        if (assigned != null) {
            return assigned;
        }
        requireOpen();
        CueAssignedEvent event = new CueAssignedEvent(athleteId, coachId, command.cueId(), command.text(),
                command.exercise(), command.fault(), command.videoId(), command.atSecond(), command.at());
        apply(event);
        return event;
    }

    @CommandHandler
    void handle(RetireCueCommand command) {
        requireOpen();
        if (retiredCues.containsKey(command.cueId())) {
            return;
        }
        if (!cues.containsKey(command.cueId())) {
            throw DomainException.notFound("No cue " + command.cueId() + " for this athlete");
        }
        apply(new CueRetiredEvent(athleteId, coachId, command.cueId(), command.at()));
    }

    @CommandHandler
    DeloadPrescribedEvent handle(PrescribeDeloadCommand command) {
        DeloadPrescribedEvent prescribed = deloads.get(command.deloadId());
        if (prescribed != null) {
            return prescribed;
        }
        requireOpen();
        DeloadPrescribedEvent event = new DeloadPrescribedEvent(athleteId, coachId, command.deloadId(),
                command.exercise(), Deload.of(command.percent(), command.referenceMax()), command.at());
        apply(event);
        return event;
    }

    @CommandHandler
    ClearanceGivenEvent handle(GiveClearanceCommand command) {
        ClearanceGivenEvent given = clearances.get(command.clearanceId());
        if (given != null) {
            return given;
        }
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

    @EventSourcingHandler
    void on(VideoReviewedEvent event) {
        reviews.put(event.reviewId(), event);
    }

    @EventSourcingHandler
    void on(CueAssignedEvent event) {
        cues.put(event.cueId(), event);
    }

    @EventSourcingHandler
    void on(CueRetiredEvent event) {
        retiredCues.put(event.cueId(), event);
    }

    @EventSourcingHandler
    void on(DeloadPrescribedEvent event) {
        deloads.put(event.deloadId(), event);
    }

    @EventSourcingHandler
    void on(ClearanceGivenEvent event) {
        clearances.put(event.clearanceId(), event);
    }
}
