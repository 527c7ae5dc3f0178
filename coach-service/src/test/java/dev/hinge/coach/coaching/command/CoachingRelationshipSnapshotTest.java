package dev.hinge.coach.coaching.command;

import dev.hinge.kernel.coaching.ClearanceGivenEvent;
import dev.hinge.kernel.coaching.ClearanceId;
import dev.hinge.kernel.coaching.CueAssignedEvent;
import dev.hinge.kernel.coaching.CueId;
import dev.hinge.kernel.coaching.CueRetiredEvent;
import dev.hinge.kernel.coaching.Deload;
import dev.hinge.kernel.coaching.DeloadId;
import dev.hinge.kernel.coaching.DeloadPrescribedEvent;
import dev.hinge.kernel.coaching.FaultObservation;
import dev.hinge.kernel.coaching.FormFault;
import dev.hinge.kernel.coaching.Percent;
import dev.hinge.kernel.coaching.RelationshipClosedEvent;
import dev.hinge.kernel.coaching.RelationshipId;
import dev.hinge.kernel.coaching.RelationshipOpenedEvent;
import dev.hinge.kernel.coaching.Relationships;
import dev.hinge.kernel.coaching.ReviewId;
import dev.hinge.kernel.coaching.VideoReviewedEvent;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.Load;
import dev.hinge.kernel.training.VideoId;
import dev.hinge.platform.axon.SnapshotConfiguration;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A relationship's state survives the snapshot serializer: what is read back equals what was written, field by field. */
class CoachingRelationshipSnapshotTest {
    private static final CoachId COACH = new CoachId(UUID.randomUUID());
    private static final AthleteId MARK = new AthleteId(UUID.randomUUID());
    private static final RelationshipId ID = Relationships.idOf(COACH, MARK);
    private static final Instant AT = Instant.parse("2026-10-02T18:00:00Z");

    private final Serializer serializer = SnapshotConfiguration.snapshotSerializer();

    @Test
    void aRelationshipWithReviewsCuesDeloadsAndClearancesReadsBackAsItWasWritten() {
        CoachingRelationship relationship = relationshipWithSomethingOfEverything();

        SerializedObject<byte[]> snapshot = serializer.serialize(relationship, byte[].class);
        CoachingRelationship read = serializer.deserialize(snapshot);

        assertThat(snapshot.getType().getRevision()).isEqualTo("1");
        assertThat(read).usingRecursiveComparison().isEqualTo(relationship);
    }

    @Test
    void aClosedRelationshipReadsBackClosed() {
        CoachingRelationship relationship = relationshipWithSomethingOfEverything();
        relationship.on(new RelationshipClosedEvent(ID, COACH, MARK, AT));

        CoachingRelationship read = serializer.deserialize(serializer.serialize(relationship, byte[].class));

        assertThat(read).usingRecursiveComparison().isEqualTo(relationship);
    }

    private static CoachingRelationship relationshipWithSomethingOfEverything() {
        CoachingRelationship relationship = new CoachingRelationship();
        relationship.on(new RelationshipOpenedEvent(ID, COACH, MARK, AT));
        VideoId video = new VideoId(UUID.randomUUID());
        relationship.on(new VideoReviewedEvent(MARK, COACH, new ReviewId(UUID.randomUUID()), video,
                List.of(new FaultObservation(FormFault.values()[0], BigDecimal.valueOf(3), "at lockoff")), new BigDecimal("1.5"), "better",
                List.of("chest up"), AT));
        CueId kept = new CueId(UUID.randomUUID());
        CueId retired = new CueId(UUID.randomUUID());
        relationship.on(new CueAssignedEvent(MARK, COACH, kept, "chest up", Exercise.DEADLIFT, FormFault.values()[0], video, BigDecimal.valueOf(2), AT));
        relationship.on(new CueAssignedEvent(MARK, COACH, retired, "brace", Exercise.DEADLIFT, null, null, null, AT));
        relationship.on(new CueRetiredEvent(MARK, COACH, retired, AT));
        relationship.on(new DeloadPrescribedEvent(MARK, COACH, new DeloadId(UUID.randomUUID()), Exercise.DEADLIFT,
                Deload.of(new Percent(new BigDecimal("50")), Load.lb(365)), AT));
        relationship.on(new ClearanceGivenEvent(MARK, COACH, new ClearanceId(UUID.randomUUID()), Exercise.DEADLIFT,
                "PT cleared him", AT));
        return relationship;
    }
}
