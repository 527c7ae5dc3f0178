package dev.hinge.kernel.coaching;

import dev.hinge.kernel.training.Load;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static dev.hinge.kernel.training.WeightUnit.KG;
import static dev.hinge.kernel.training.WeightUnit.LB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class DeloadTest {

    @Test
    void canScaleToFiftyPercentOfReferenceMax() {
        Deload deload = Deload.of(Percent.of("50"), Load.of("365", LB));

        assertThat(deload.percent()).isEqualTo(Percent.of("50"));
        assertThat(deload.referenceMax()).isEqualTo(Load.of("365", LB));
        assertThat(deload.exactLoad()).isEqualTo(Load.of("182.5", LB));
        assertThat(deload.roundedLoad()).isEqualTo(Load.of("180", LB));
    }

    @ParameterizedTest
    @CsvSource({
            "50, 185, 92.5, 92.5",
            "60, 140, 84, 82.5",
            "50, 182.5, 91.25, 90",
            "80, 100, 80, 80"})
    void scalesAKilogramMaxAndRoundsDownToTwoAndAHalfKilograms(String percent, String max, String exact,
                                                               String rounded) {
        Deload deload = Deload.of(Percent.of(percent), Load.of(max, KG));

        assertThat(deload.exactLoad()).isEqualTo(Load.of(exact, KG));
        assertThat(deload.roundedLoad()).isEqualTo(Load.of(rounded, KG));
    }

    @Test
    void eightyPercentOfMarksOldMaxIs292Pounds() {
        assertThat(Deload.of(Percent.of("80"), Load.of("365", LB)).exactLoad()).isEqualTo(Load.of("292", LB));
    }

    @Test
    void roundsToTheStepTheAthleteConfigured() {
        Deload deload = Deload.of(Percent.of("50"), Load.of("365", LB), new BigDecimal("2.5"));

        assertThat(deload.exactLoad()).isEqualTo(Load.of("182.5", LB));
        assertThat(deload.roundedLoad()).isEqualTo(Load.of("182.5", LB));
    }

    @Test
    void neverPrescribesLessThanOnePlateStep() {
        Deload deload = Deload.of(Percent.of("1"), Load.of("100", LB));

        assertThat(deload.exactLoad()).isEqualTo(Load.of("1", LB));
        assertThat(deload.roundedLoad()).isEqualTo(Load.of("5", LB));
    }

    @Test
    void theExactLoadIsExactWhateverTheDigits() {
        Deload deload = Deload.of(new Percent(new BigDecimal("33.333333")), Load.of("365.123456789", LB));

        assertThat(deload.exactLoad().value()).isEqualByComparingTo("121.70781771258847737");
        assertThat(deload.roundedLoad()).isEqualTo(Load.of("120", LB));
    }

    @Test
    void requiresEveryPart() {
        Load max = Load.of("365", LB);
        Percent half = Percent.of("50");

        assertThatNullPointerException().isThrownBy(() -> new Deload(null, max, max, max));
        assertThatNullPointerException().isThrownBy(() -> new Deload(half, null, max, max));
        assertThatNullPointerException().isThrownBy(() -> new Deload(half, max, null, max));
        assertThatNullPointerException().isThrownBy(() -> new Deload(half, max, max, null));
    }
}
