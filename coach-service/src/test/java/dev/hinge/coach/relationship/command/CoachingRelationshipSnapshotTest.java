package dev.hinge.coach.relationship.command;

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
import dev.hinge.platform.recorded.RecordedIds;
import dev.hinge.platform.test.RecordedInHistory;
import dev.hinge.kernel.coaching.OpenRelationshipCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A relationship's state, as the snapshot serializer writes it: read back as written, and no larger for a longer history. */
class CoachingRelationshipSnapshotTest {
    private static final CoachId COACH = new CoachId(UUID.randomUUID());
    private static final AthleteId MARK = new AthleteId(UUID.randomUUID());
    private static final RelationshipId ID = Relationships.idOf(COACH, MARK);
    private static final Instant AT = Instant.parse("2026-10-02T18:00:00Z");

    private final Serializer serializer = SnapshotConfiguration.snapshotSerializer();

    @Test
    void anOpenRelationshipReadsBackAsItWasWritten() {
        CoachingRelationship relationship = new CoachingRelationship();
        relationship.on(new RelationshipOpenedEvent(ID, COACH, MARK, AT));

        SerializedObject<byte[]> snapshot = serializer.serialize(relationship, byte[].class);
        CoachingRelationship read = serializer.deserialize(snapshot);

        assertThat(snapshot.getType().getRevision()).isEqualTo("2");
        assertThat(read).usingRecursiveComparison().isEqualTo(relationship);
    }

    @Test
    void aClosedRelationshipReadsBackClosed() {
        CoachingRelationship relationship = new CoachingRelationship();
        relationship.on(new RelationshipOpenedEvent(ID, COACH, MARK, AT));
        relationship.on(new RelationshipClosedEvent(ID, COACH, MARK, AT));

        CoachingRelationship read = serializer.deserialize(serializer.serialize(relationship, byte[].class));

        assertThat(read).usingRecursiveComparison().isEqualTo(relationship);
        assertThat(new String(serializer.serialize(read, byte[].class).getData())).contains("\"open\":false");
    }

    @Test
    void theStateIsNoLargerAfterAThousandOfEachThingRecordedThanAfterTen() {
        int afterTen = snapshotBytesAfter(10);
        int afterAThousand = snapshotBytesAfter(1_000);

        assertThat(afterTen).isPositive();
        assertThat(afterAThousand).isEqualTo(afterTen);
    }

    /** The relationship as Axon sources it from {@code each} reviews, cues (retired), deloads and clearances. */
    private int snapshotBytesAfter(int each) {
        AggregateTestFixture<CoachingRelationship> fixture = new AggregateTestFixture<>(CoachingRelationship.class);
        fixture.registerInjectableResource((RecordedIds) new RecordedInHistory(fixture.getEventStore()));
        List<Object> history = new ArrayList<>(List.of(new RelationshipOpenedEvent(ID, COACH, MARK, AT)));
        for (int i = 0; i < each; i++) {
            VideoId video = new VideoId(UUID.randomUUID());
            history.add(new VideoReviewedEvent(MARK, COACH, new ReviewId(UUID.randomUUID()), video,
                    List.of(new FaultObservation(FormFault.values()[0], BigDecimal.valueOf(3), "at lockoff")), new BigDecimal("1.5"), "better",
                    List.of("chest up"), AT));
            CueId cue = new CueId(UUID.randomUUID());
            history.add(new CueAssignedEvent(MARK, COACH, cue, "chest up", Exercise.DEADLIFT, FormFault.values()[0], video, BigDecimal.valueOf(2), AT));
            history.add(new CueRetiredEvent(MARK, COACH, cue, AT));
            history.add(new DeloadPrescribedEvent(MARK, COACH, new DeloadId(UUID.randomUUID()), Exercise.DEADLIFT,
                    Deload.of(new Percent(new BigDecimal("50")), Load.lb(365)), AT));
            history.add(new ClearanceGivenEvent(MARK, COACH, new ClearanceId(UUID.randomUUID()), Exercise.DEADLIFT,
                    "PT cleared him", AT));
        }
        AtomicInteger bytes = new AtomicInteger();
        fixture.given(history)
                .when(new OpenRelationshipCommand(ID, COACH, MARK, AT))
                .expectNoEvents()
                .expectState(relationship -> bytes.set(serializer.serialize(relationship, byte[].class).getData().length));
        return bytes.get();
    }
}
