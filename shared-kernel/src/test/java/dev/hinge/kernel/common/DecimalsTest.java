package dev.hinge.kernel.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static dev.hinge.kernel.common.Refusals.refusedAsInvalid;
import static org.assertj.core.api.Assertions.assertThat;

class DecimalsTest {

    @ParameterizedTest
    @ValueSource(strings = {"1e10000000", "1e2147483647", "-1e10000000", "12345"})
    void refusesTooManyDigitsBeforeThePointAsTooLarge(String value) {
        var refusal = refusedAsInvalid(() -> Decimals.bounded(new BigDecimal(value), 4, 3, "is too large"));

        assertThat(refusal.getMessage()).isEqualTo("is too large");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e-20000", "1e-999999999", "1e-2147483647", "0.0001", "1.000000000000000000001"})
    void refusesMoreDecimalsThanAllowed(String value) {
        var refusal = refusedAsInvalid(() -> Decimals.bounded(new BigDecimal(value), 4, 3, "is too large"));

        assertThat(refusal.getMessage()).isEqualTo("must have at most 3 decimals");
    }

    @Test
    void refusesHugeExponentsInMicroseconds() {
        long started = System.nanoTime();
        for (String value : new String[]{"1e10000000", "1e-999999999", "-1e-2147483647", "0e10000000"}) {
            try {
                Decimals.bounded(new BigDecimal(value), 4, 3, "is too large");
            } catch (DomainException refused) {
                // expected for all but zero
            }
        }
        assertThat(System.nanoTime() - started).isLessThan(20_000_000L);
    }

    @Test
    void keepsTheValueWithoutTrailingZerosAndWithoutANegativeScale() {
        assertThat(Decimals.bounded(new BigDecimal("182.500"), 4, 3, "x")).isEqualTo(new BigDecimal("182.5"));
        assertThat(Decimals.bounded(new BigDecimal("3.65E+2"), 4, 3, "x")).isEqualTo(new BigDecimal("365"));
        assertThat(Decimals.bounded(new BigDecimal("0e10000000"), 4, 3, "x")).isEqualTo(BigDecimal.ZERO);
        assertThat(Decimals.bounded(new BigDecimal("-2.5"), 2, 1, "x")).isEqualTo(new BigDecimal("-2.5"));
    }
}
