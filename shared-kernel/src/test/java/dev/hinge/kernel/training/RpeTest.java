package dev.hinge.kernel.training;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static dev.hinge.kernel.common.Refusals.refusedAsInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class RpeTest {

    @ParameterizedTest
    @ValueSource(strings = {"1", "1.5", "6", "8.5", "9.5", "10"})
    void acceptsWholeAndHalfStepsFromOneToTen(String value) {
        assertThat(Rpe.of(new BigDecimal(value)).value()).isEqualByComparingTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.5", "-1", "10.5", "11"})
    void refusesRatingsOutsideOneToTen(String value) {
        refusedAsInvalid(() -> Rpe.of(new BigDecimal(value)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.25", "8.3", "7.75", "9.01"})
    void refusesAnythingBetweenHalfSteps(String value) {
        refusedAsInvalid(() -> Rpe.of(new BigDecimal(value)));
    }

    @Test
    void requiresAValue() {
        assertThatNullPointerException().isThrownBy(() -> new Rpe(null));
    }

    @Test
    void dropsTrailingZeros() {
        assertThat(new Rpe(new BigDecimal("8.50"))).isEqualTo(new Rpe(new BigDecimal("8.5"))).hasToString("8.5");
        assertThat(new Rpe(new BigDecimal("10.0"))).hasToString("10");
        assertThat(new Rpe(new BigDecimal("1E+1")).value()).isEqualTo(new BigDecimal("10"));
    }
}
