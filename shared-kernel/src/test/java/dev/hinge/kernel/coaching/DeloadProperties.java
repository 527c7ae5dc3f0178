package dev.hinge.kernel.coaching;

import dev.hinge.kernel.training.Load;
import dev.hinge.kernel.training.WeightUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class DeloadProperties {
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    @Provide
    Arbitrary<BigDecimal> percents() {
        return Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(new BigDecimal("1"), HUNDRED).ofScale(1),
                Arbitraries.bigDecimals().between(new BigDecimal("0.000001"), HUNDRED).ofScale(6));
    }

    @Provide
    Arbitrary<BigDecimal> maxes() {
        return Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(new BigDecimal("20"), new BigDecimal("1000")).ofScale(1),
                Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("1000")).ofScale(6));
    }

    @Property
    void theExactLoadIsPercentOverAHundredTimesTheReferenceMaxExactly(@ForAll("percents") BigDecimal percent,
                                                                      @ForAll("maxes") BigDecimal max,
                                                                      @ForAll WeightUnit unit) {
        Deload deload = Deload.of(new Percent(percent), new Load(max, unit));

        assertThat(deload.exactLoad().unit()).isEqualTo(unit);
        assertThat(deload.exactLoad().value()).isEqualByComparingTo(percent.divide(HUNDRED).multiply(max));
    }

    @Property
    void theRoundedLoadIsTheExactLoadRoundedDownToThePlate(@ForAll("percents") BigDecimal percent,
                                                           @ForAll("maxes") BigDecimal max,
                                                           @ForAll WeightUnit unit) {
        Deload deload = Deload.of(new Percent(percent), new Load(max, unit));
        BigDecimal step = unit.defaultPlateStep();
        BigDecimal exact = deload.exactLoad().value();
        BigDecimal rounded = deload.roundedLoad().value();

        assertThat(deload.roundedLoad().unit()).isEqualTo(unit);
        assertThat(rounded.remainder(step)).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(rounded).isGreaterThan(exact.subtract(step));
        if (exact.compareTo(step) >= 0) {
            assertThat(rounded).isLessThanOrEqualTo(exact);
        } else {
            assertThat(rounded).isEqualByComparingTo(step);
        }
    }

    @Property
    void aHundredPercentIsTheReferenceMaxItself(@ForAll("maxes") BigDecimal max, @ForAll WeightUnit unit) {
        Load referenceMax = new Load(max, unit);

        assertThat(Deload.of(new Percent(HUNDRED), referenceMax).exactLoad()).isEqualTo(referenceMax);
    }
}
