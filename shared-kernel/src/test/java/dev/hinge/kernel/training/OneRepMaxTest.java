package dev.hinge.kernel.training;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.hinge.kernel.training.WeightUnit.KG;
import static dev.hinge.kernel.training.WeightUnit.LB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OneRepMaxTest {

    @Test
    void aSingleIsItsOwnMax() {
        assertThat(OneRepMax.epley(Load.of("365", LB), new Reps(1))).contains(Load.of("365", LB));
    }

    @Test
    void hundredKilogramsForFiveEstimatesAbout116Point67Kilograms() {
        Load max = OneRepMax.epley(Load.of("100", KG), new Reps(5)).orElseThrow();

        assertThat(max.unit()).isEqualTo(KG);
        assertThat(max.value().doubleValue()).isCloseTo(116.66666666666667, within(1e-9));
    }

    @Test
    void threeRepsAddATenth() {
        assertThat(OneRepMax.epley(Load.of("365", LB), new Reps(3))).contains(Load.of("401.5", LB));
    }

    @Test
    void tenRepsIsTheLastEstimate() {
        Load max = OneRepMax.epley(Load.of("90", KG), new Reps(10)).orElseThrow();

        assertThat(max.value()).isEqualByComparingTo("120");
    }

    @Test
    void keepsTheUnitOfTheLoad() {
        Load max = OneRepMax.epley(Load.of("182.5", LB), new Reps(5)).orElseThrow();

        assertThat(max.unit()).isEqualTo(LB);
        assertThat(max.value().doubleValue()).isCloseTo(212.91666666666666, within(1e-9));
    }

    @ParameterizedTest
    @ValueSource(ints = {11, 12, 20, 100})
    void givesNoEstimateAboveTenReps(int reps) {
        assertThat(OneRepMax.epley(Load.of("60", KG), new Reps(reps))).isEmpty();
    }
}
