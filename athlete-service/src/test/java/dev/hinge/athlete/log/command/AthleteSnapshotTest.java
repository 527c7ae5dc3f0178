package dev.hinge.athlete.log.command;

import dev.hinge.kernel.access.CoachAccessGrantedEvent;
import dev.hinge.kernel.access.CoachAccessRevokedEvent;
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
import dev.hinge.kernel.training.Rpe;
import dev.hinge.kernel.training.SetId;
import dev.hinge.kernel.training.SetLoggedEvent;
import dev.hinge.kernel.training.VideoAttachedEvent;
import dev.hinge.kernel.training.VideoId;
import dev.hinge.kernel.training.VideoUrl;
import dev.hinge.platform.axon.SnapshotConfiguration;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An athlete's state survives the snapshot serializer: what is read back equals what was written, field by field. */
class AthleteSnapshotTest {
    private static final AthleteId MARK = new AthleteId(UUID.randomUUID());
    private static final Instant AT = Instant.parse("2026-10-01T18:00:00Z");
    private static final PainReport SHARP = new PainReport(new PainScore(6), "lower back", PainQuality.SHARP);

    private final Serializer serializer = SnapshotConfiguration.snapshotSerializer();

    @Test
    void anAthleteWithSetsVideosPainAndCoachesReadsBackAsItWasWritten() {
        Athlete athlete = athleteWithSomethingOfEverything();

        SerializedObject<byte[]> snapshot = serializer.serialize(athlete, byte[].class);
        Athlete read = serializer.deserialize(snapshot);

        assertThat(new String(snapshot.getData())).contains(MARK.toString());
        assertThat(read).usingRecursiveComparison().isEqualTo(athlete);
    }

    @Test
    void aSnapshotCarriesTheAggregatesRevision() {
        SerializedObject<byte[]> snapshot = serializer.serialize(athleteWithSomethingOfEverything(), byte[].class);

        assertThat(snapshot.getType().getName()).isEqualTo(Athlete.class.getName());
        assertThat(snapshot.getType().getRevision()).isEqualTo("2");
    }

    private static Athlete athleteWithSomethingOfEverything() {
        Athlete athlete = new Athlete();
        athlete.on(new AthleteRegisteredEvent(MARK, new DisplayName("Mark"), AT));
        SetId set = new SetId(UUID.randomUUID());
        athlete.on(new SetLoggedEvent(MARK, set, Exercise.DEADLIFT, Load.lb(365), new Reps(5), new Rpe(new BigDecimal("9.5")),
                AT, SHARP, List.of(ChecklistItem.values()[0]), "back hurt after"), 1);
        athlete.on(new SetLoggedEvent(MARK, new SetId(UUID.randomUUID()), new Exercise("back_squat"), Load.kg(140), new Reps(3), null,
                AT.plusSeconds(60), null, List.of(), null), 2);
        athlete.on(new VideoAttachedEvent(MARK, new VideoId(UUID.randomUUID()), set, Exercise.DEADLIFT,
                new VideoUrl("https://example.com/mark.mp4"), "side view", AT), 3);
        athlete.on(new PainReportedEvent(MARK, new PainReportId(UUID.randomUUID()), SHARP, null, AT, "after work"), 4);
        CoachId carter = new CoachId(UUID.randomUUID());
        CoachId former = new CoachId(UUID.randomUUID());
        athlete.on(new CoachAccessGrantedEvent(MARK, carter, AT));
        athlete.on(new CoachAccessGrantedEvent(MARK, former, AT));
        athlete.on(new CoachAccessRevokedEvent(MARK, former, AT));
        return athlete;
    }
}
