package dev.hinge.kernel.pain;

import dev.hinge.kernel.coaching.ClearanceGivenEvent;
import dev.hinge.kernel.coaching.ClearanceId;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.training.Exercise;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What raises a red-flag stop, what it stops, and what lifts it (docs/domain.md, "Red flags"). */
class RedFlagStopTest {
    private static final AthleteId MARK = AthleteId.of(UUID.fromString("00000000-0000-0000-0000-00000000a001"));
    private static final Exercise SQUAT = new Exercise("back_squat");
    private static final UUID SOURCE = UUID.fromString("5e700000-0000-4000-8000-000000000001");
    private static final Instant AT = Instant.parse("2026-10-06T18:00:00Z");

    private static PainReport pain(int score, PainQuality quality) {
        return new PainReport(PainScore.of(score), "left leg", quality);
    }

    private static RedFlagRaisedEvent redFlag(Exercise exercise) {
        return RedFlagStop.raise(MARK, SOURCE, exercise, pain(5, PainQuality.RADIATING), AT).orElseThrow();
    }

    private static ClearanceGivenEvent clearance(Exercise exercise) {
        return new ClearanceGivenEvent(MARK, CoachId.of(UUID.randomUUID()), ClearanceId.of(UUID.randomUUID()), exercise,
                "seen by a physical therapist", AT.plusSeconds(3600));
    }

    @ParameterizedTest
    @CsvSource({"0, RADIATING", "3, TINGLING", "10, NUMBNESS", "1, RADIATING"})
    void aRedFlagQualityRaisesARedFlagWhateverTheScoreWithAnIdDerivedFromItsSource(int score, PainQuality quality) {
        PainReport report = pain(score, quality);

        assertThat(RedFlagStop.raise(MARK, SOURCE, Exercise.DEADLIFT, report, AT)).contains(new RedFlagRaisedEvent(MARK,
                RedFlagRaisedEvent.idFor(SOURCE), SOURCE, Exercise.DEADLIFT, report, AT));
    }

    @ParameterizedTest
    @CsvSource({"0, NONE", "3, SORENESS", "10, SORENESS", "9, SHARP"})
    void painWithoutARedFlagQualityRaisesNothingHoweverBad(int score, PainQuality quality) {
        assertThat(RedFlagStop.raise(MARK, SOURCE, Exercise.DEADLIFT, pain(score, quality), AT)).isEmpty();
    }

    @Test
    void aSetLoggedWithoutAPainAnswerRaisesNothing() {
        assertThat(RedFlagStop.raise(MARK, SOURCE, Exercise.DEADLIFT, null, AT)).isEmpty();
    }

    @Test
    void theSameSourceAlwaysRaisesTheSameRedFlagSoAReplayIsExact() {
        UUID other = UUID.fromString("5e700000-0000-4000-8000-000000000002");

        assertThat(redFlag(Exercise.DEADLIFT).redFlagId()).isEqualTo(redFlag(SQUAT).redFlagId())
                .isNotEqualTo(RedFlagStop.raise(MARK, other, SQUAT, pain(5, PainQuality.NUMBNESS), AT).orElseThrow().redFlagId());
    }

    @Test
    void aRedFlagStopsTheExerciseItNamesAndNoOther() {
        RedFlagRaisedEvent deadliftOnly = redFlag(Exercise.DEADLIFT);

        assertThat(RedFlagStop.on(Exercise.DEADLIFT, deadliftOnly)).contains(new RedFlagStop(Exercise.DEADLIFT,
                deadliftOnly.redFlagId(), deadliftOnly.report(), AT));
        assertThat(RedFlagStop.on(SQUAT, deadliftOnly)).isEmpty();
    }

    @Test
    void aRedFlagWithoutAnExerciseStopsEveryExerciseEachOnItsOwn() {
        RedFlagRaisedEvent everything = redFlag(null);

        assertThat(RedFlagStop.on(Exercise.DEADLIFT, everything)).get().extracting(RedFlagStop::exercise)
                .isEqualTo(Exercise.DEADLIFT);
        assertThat(RedFlagStop.on(SQUAT, everything)).get().extracting(RedFlagStop::exercise).isEqualTo(SQUAT);
    }

    @Test
    void aClearanceForTheStoppedExerciseLiftsTheStop() {
        RedFlagStop stop = RedFlagStop.on(Exercise.DEADLIFT, redFlag(Exercise.DEADLIFT)).orElseThrow();

        assertThat(stop.liftedBy(clearance(Exercise.DEADLIFT))).isTrue();
    }

    @Test
    void aClearanceForAnotherExerciseDoesNotLiftTheStop() {
        RedFlagStop stop = RedFlagStop.on(Exercise.DEADLIFT, redFlag(Exercise.DEADLIFT)).orElseThrow();

        assertThat(stop.liftedBy(clearance(SQUAT))).isFalse();
    }

    @Test
    void aRedFlagOfEveryExerciseNeedsAClearancePerExercise() {
        RedFlagRaisedEvent everything = redFlag(null);
        ClearanceGivenEvent deadliftCleared = clearance(Exercise.DEADLIFT);

        assertThat(RedFlagStop.on(Exercise.DEADLIFT, everything).orElseThrow().liftedBy(deadliftCleared)).isTrue();
        assertThat(RedFlagStop.on(SQUAT, everything).orElseThrow().liftedBy(deadliftCleared)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = PainQuality.class, names = {"RADIATING", "TINGLING", "NUMBNESS"})
    void aStopNamesTheRedFlagsPainForTheReason(PainQuality quality) {
        RedFlagRaisedEvent raised = RedFlagStop.raise(MARK, SOURCE, null, pain(2, quality), AT).orElseThrow();

        RedFlagStop stop = RedFlagStop.on(SQUAT, raised).orElseThrow();

        assertThat(stop.report().quality()).isEqualTo(quality);
        assertThat(stop.at()).isEqualTo(AT);
        assertThat(stop.redFlagId()).isEqualTo(raised.redFlagId());
    }
}
