package dev.hinge.kernel.coaching;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static dev.hinge.kernel.common.Refusals.refusedAsInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class PercentTest {

    @ParameterizedTest
    @ValueSource(strings = {"1", "50", "62.5", "80", "100", "100.0"})
    void acceptsOneToAHundredWithOneDecimal(String value) {
        assertThat(Percent.of(value).value()).isEqualByComparingTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "0.5", "-5", "100.01", "150", "62.55", "1e10000000", "1e-999999999"})
    void refusesBelowOneAboveAHundredAndMoreThanOneDecimal(String value) {
        refusedAsInvalid(() -> Percent.of(value));
    }

    @Test
    void requiresAValue() {
        assertThatNullPointerException().isThrownBy(() -> new Percent(null));
    }

    @Test
    void dropsTrailingZeros() {
        assertThat(Percent.of("50.0")).isEqualTo(Percent.of("50")).hasToString("50%");
        assertThat(Percent.of("100").value()).isEqualTo(new BigDecimal("100"));
    }

    @Test
    void fiftyPercentIsAFractionOfOneHalf() {
        assertThat(Percent.of("50").fraction()).isEqualByComparingTo("0.5");
        assertThat(Percent.of("62.5").fraction()).isEqualByComparingTo("0.625");
    }

    @Test
    void theFractionIsExactWhateverTheDigits() {
        assertThat(new Percent(new BigDecimal("33.33333333333333333")).fraction()).isEqualByComparingTo("0.3333333333333333333");
    }
}
