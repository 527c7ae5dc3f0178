package dev.hinge.kernel.training;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class PlateRoundingProperties {

    @Provide
    Arbitrary<BigDecimal> values() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("2204.6")).ofScale(2);
    }

    @Provide
    Arbitrary<BigDecimal> steps() {
        return Arbitraries.oneOf(
                Arbitraries.of(new BigDecimal("5"), new BigDecimal("2.5"), new BigDecimal("1.25"), BigDecimal.ONE,
                        new BigDecimal("0.5"), new BigDecimal("10")),
                Arbitraries.bigDecimals().between(new BigDecimal("0.25"), new BigDecimal("20")).ofScale(2));
    }

    @Property
    void theResultIsAMultipleOfTheStep(@ForAll("values") BigDecimal value, @ForAll("steps") BigDecimal step,
                                       @ForAll WeightUnit unit) {
        Load rounded = new Load(value, unit).roundedDown(step);

        assertThat(rounded.value().remainder(step)).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Property
    void theResultIsNeverAboveTheOriginalUnlessTheOriginalIsBelowOneStep(@ForAll("values") BigDecimal value,
                                                                          @ForAll("steps") BigDecimal step,
                                                                          @ForAll WeightUnit unit) {
        Load rounded = new Load(value, unit).roundedDown(step);

        if (value.compareTo(step) >= 0) {
            assertThat(rounded.value()).isLessThanOrEqualTo(value);
        } else {
            assertThat(rounded.value()).isEqualByComparingTo(step);
        }
    }

    @Property
    void theResultIsLessThanOneStepBelowTheOriginal(@ForAll("values") BigDecimal value,
                                                    @ForAll("steps") BigDecimal step, @ForAll WeightUnit unit) {
        Load rounded = new Load(value, unit).roundedDown(step);

        assertThat(rounded.value()).isGreaterThan(value.subtract(step));
    }

    @Property
    void roundingIsIdempotent(@ForAll("values") BigDecimal value, @ForAll("steps") BigDecimal step,
                              @ForAll WeightUnit unit) {
        Load rounded = new Load(value, unit).roundedDown(step);

        assertThat(rounded.roundedDown(step)).isEqualTo(rounded);
    }

    @Property
    void roundingKeepsTheUnit(@ForAll("values") BigDecimal value, @ForAll("steps") BigDecimal step,
                              @ForAll WeightUnit unit) {
        assertThat(new Load(value, unit).roundedDown(step).unit()).isEqualTo(unit);
    }

    @Property
    void plateRoundingUsesFivePoundsOrTwoAndAHalfKilograms(@ForAll("values") BigDecimal value,
                                                           @ForAll WeightUnit unit) {
        BigDecimal plate = unit == WeightUnit.LB ? new BigDecimal("5") : new BigDecimal("2.5");

        Load rounded = new Load(value, unit).roundedDownToPlate();

        assertThat(rounded).isEqualTo(new Load(value, unit).roundedDown(plate));
        assertThat(rounded.value().remainder(plate)).isEqualByComparingTo(BigDecimal.ZERO);
    }
}
