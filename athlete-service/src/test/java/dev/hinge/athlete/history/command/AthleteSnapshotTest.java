package dev.hinge.athlete.history.command;

import dev.hinge.kernel.access.AccessOfferId;
import dev.hinge.kernel.access.CoachAccessGrantedEvent;
import dev.hinge.kernel.access.CoachAccessOfferedEvent;
import dev.hinge.kernel.access.CoachAccessRevokedEvent;
import dev.hinge.kernel.access.GrantCoachAccessCommand;
import dev.hinge.kernel.account.AthleteRegisteredEvent;
import dev.hinge.kernel.account.DisplayName;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.pain.PainQuality;
import dev.hinge.kernel.pain.PainReport;
import dev.hinge.kernel.pain.PainReportId;
import dev.hinge.kernel.pain.PainReportedEvent;
import dev.hinge.kernel.pain.PainScore;
import dev.hinge.kernel.training.ChecklistItem;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.kernel.training.Load;
import dev.hinge.kernel.training.Reps;
import dev.hinge.kernel.training.SetId;
import dev.hinge.kernel.training.SetLoggedEvent;
import dev.hinge.kernel.training.VideoAttachedEvent;
import dev.hinge.kernel.training.VideoId;
import dev.hinge.kernel.training.VideoUrl;
import dev.hinge.platform.axon.SnapshotConfiguration;
import dev.hinge.platform.recorded.RecordedIds;
import dev.hinge.platform.test.RecordedInHistory;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** An athlete's state, as the snapshot serializer writes it: read back as written, and no larger for a longer log. */
class AthleteSnapshotTest {
    private static final AthleteId MARK = new AthleteId(UUID.randomUUID());
    private static final Instant AT = Instant.parse("2026-10-01T18:00:00Z");
    private static final AthleteRegisteredEvent REGISTERED = new AthleteRegisteredEvent(MARK, new DisplayName("Mark"), AT);
    private static final PainReport SHARP = new PainReport(new PainScore(6), "lower back", PainQuality.SHARP);

    private final Serializer serializer = SnapshotConfiguration.snapshotSerializer();

    @Test
    void anAthleteWithCoachesReadsBackAsItWasWritten() {
        Athlete athlete = new Athlete();
        athlete.on(REGISTERED);
        CoachId carter = new CoachId(UUID.randomUUID());
        CoachId former = new CoachId(UUID.randomUUID());
        athlete.on(new CoachAccessGrantedEvent(MARK, carter, AT));
        athlete.on(new CoachAccessGrantedEvent(MARK, former, AT));
        athlete.on(new CoachAccessRevokedEvent(MARK, former, AT));
        athlete.on(new CoachAccessOfferedEvent(MARK, new AccessOfferId(UUID.fromString("0ffe0000-0000-4000-8000-000000000001")),
                "digest", AT));

        SerializedObject<byte[]> snapshot = serializer.serialize(athlete, byte[].class);
        Athlete read = serializer.deserialize(snapshot);

        assertThat(new String(snapshot.getData())).contains(MARK.toString()).contains(carter.toString())
                .contains("0ffe0000-0000-4000-8000-000000000001")
                .doesNotContain(former.toString());
        assertThat(read).usingRecursiveComparison().isEqualTo(athlete);
        assertThat(snapshot.getType().getName()).isEqualTo(Athlete.class.getName());
        assertThat(snapshot.getType().getRevision()).isEqualTo("4");
    }

    @Test
    void theStateIsNoLargerAfterAThousandSetsThanAfterTen() {
        int afterTen = snapshotBytesAfter(10);
        int afterAThousand = snapshotBytesAfter(1_000);

        assertThat(afterTen).isPositive();
        assertThat(afterAThousand).isEqualTo(afterTen);
    }

    /** The athlete as Axon sources it from a history of {@code sets} sets, each with a video and a pain report. */
    private int snapshotBytesAfter(int sets) {
        AggregateTestFixture<Athlete> fixture = new AggregateTestFixture<>(Athlete.class);
        fixture.registerInjectableResource((RecordedIds) new RecordedInHistory(fixture.getEventStore()));
        List<Object> history = new ArrayList<>(List.of(REGISTERED));
        for (int i = 0; i < sets; i++) {
            SetId set = new SetId(UUID.randomUUID());
            history.add(new SetLoggedEvent(MARK, set, Exercise.DEADLIFT, Load.lb(300 + i % 50), new Reps(5), null,
                    AT.plusSeconds(i), SHARP, List.of(ChecklistItem.GRIP), "set " + i));
            history.add(new VideoAttachedEvent(MARK, VideoId.ofSet(MARK, set), set, Exercise.DEADLIFT,
                    new VideoUrl("https://example.com/" + i + ".mp4"), null, AT.plusSeconds(i)));
            history.add(new PainReportedEvent(MARK, new PainReportId(UUID.randomUUID()), SHARP, null, AT.plusSeconds(i), null));
        }
        CoachId coach = new CoachId(UUID.fromString("00000000-0000-0000-0000-00000000c0ac"));
        AtomicInteger bytes = new AtomicInteger();
        fixture.given(history)
                .when(new GrantCoachAccessCommand(MARK, coach, AT))
                .expectEvents(new CoachAccessGrantedEvent(MARK, coach, AT))
                .expectState(athlete -> bytes.set(serializer.serialize(athlete, byte[].class).getData().length));
        return bytes.get();
    }
}
