package dev.hinge.kernel.pain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.hinge.kernel.common.Refusals.refusedAsInvalid;
import static dev.hinge.kernel.pain.PainClass.NORMAL_SORENESS;
import static dev.hinge.kernel.pain.PainClass.PAIN_FREE;
import static dev.hinge.kernel.pain.PainClass.RED_FLAG;
import static dev.hinge.kernel.pain.PainClass.STOP_AND_REASSESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class PainReportTest {

    private static PainReport report(int score, PainQuality quality) {
        return PainReport.of(PainScore.of(score), "lower back", quality);
    }

    @Test
    void noPainIsScoreZeroWithoutLocationOrQuality() {
        assertThat(PainReport.NONE.score()).isEqualTo(PainScore.ZERO);
        assertThat(PainReport.NONE.location()).isNull();
        assertThat(PainReport.NONE.quality()).isEqualTo(PainQuality.NONE);
        assertThat(PainReport.NONE.classification()).isEqualTo(PAIN_FREE);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 10})
    void refusesQualityNoneWithAScoreAboveZero(int score) {
        var refusal = refusedAsInvalid(() -> PainReport.of(PainScore.of(score), null, PainQuality.NONE));

        assertThat(refusal.field()).isEqualTo("quality");
    }

    @Test
    void requiresAScoreAndAQuality() {
        assertThatNullPointerException().isThrownBy(() -> new PainReport(null, null, PainQuality.NONE));
        assertThatNullPointerException().isThrownBy(() -> new PainReport(PainScore.ZERO, null, null));
    }

    @Test
    void trimsTheLocation() {
        assertThat(PainReport.of(PainScore.of(2), "  lower back ", PainQuality.SORENESS).location())
                .isEqualTo("lower back");
    }

    @Test
    void refusesABlankLocationNamingTheField() {
        var refusal = refusedAsInvalid(() -> PainReport.of(PainScore.of(2), "   ", PainQuality.SORENESS));

        assertThat(refusal.field()).isEqualTo("location");
    }

    @Test
    void refusesALocationOverEightyCharacters() {
        String eighty = "x".repeat(PainReport.MAX_LOCATION_LENGTH);

        assertThat(PainReport.of(PainScore.of(2), eighty, PainQuality.SORENESS).location()).hasSize(80);
        var refusal = refusedAsInvalid(() -> PainReport.of(PainScore.of(2), eighty + "x", PainQuality.SORENESS));
        assertThat(refusal.field()).isEqualTo("location");
    }

    @Test
    void zeroPainIsPainFree() {
        PainReport report = new PainReport(PainScore.ZERO, null, PainQuality.NONE);

        assertThat(report.classification()).isEqualTo(PAIN_FREE);
        assertThat(report.isPainFree()).isTrue();
        assertThat(report.isRedFlag()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void mildSorenessIsNormal(int score) {
        PainReport report = report(score, PainQuality.SORENESS);

        assertThat(report.classification()).isEqualTo(NORMAL_SORENESS);
        assertThat(report.isPainFree()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 8})
    void sharpPainStopsTheExerciseWhateverTheScore(int score) {
        assertThat(report(score, PainQuality.SHARP).classification()).isEqualTo(STOP_AND_REASSESS);
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5, 10})
    void aScoreOfFourOrMoreStopsTheExerciseEvenAsSoreness(int score) {
        assertThat(report(score, PainQuality.SORENESS).classification()).isEqualTo(STOP_AND_REASSESS);
    }

    @ParameterizedTest
    @CsvSource({"0, RADIATING", "3, RADIATING", "10, RADIATING", "2, TINGLING", "0, NUMBNESS", "7, NUMBNESS"})
    void radiatingTinglingOrNumbnessIsARedFlagWhateverTheScore(int score, PainQuality quality) {
        PainReport report = report(score, quality);

        assertThat(report.classification()).isEqualTo(RED_FLAG);
        assertThat(report.isRedFlag()).isTrue();
        assertThat(report.isPainFree()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = PainQuality.class, names = {"RADIATING", "TINGLING", "NUMBNESS"}, mode = EnumSource.Mode.EXCLUDE)
    void onlyRadiatingTinglingAndNumbnessAreRedFlags(PainQuality quality) {
        assertThat(quality.isRedFlag()).isFalse();
        int score = quality == PainQuality.NONE ? 0 : 5;
        assertThat(report(score, quality).isRedFlag()).isFalse();
    }
}
