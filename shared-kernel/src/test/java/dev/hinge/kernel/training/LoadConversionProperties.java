package dev.hinge.kernel.training;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;

import static dev.hinge.kernel.training.WeightUnit.KG;
import static dev.hinge.kernel.training.WeightUnit.LB;
import static org.assertj.core.api.Assertions.assertThat;

class LoadConversionProperties {
    /** The international pound, by definition. */
    private static final BigDecimal KILOGRAMS_PER_POUND = new BigDecimal("0.45359237");
    private static final BigDecimal A_BILLIONTH = new BigDecimal("1E-9");
    private static final BigDecimal A_GRAM = new BigDecimal("0.001");

    @Provide
    Arbitrary<BigDecimal> pounds() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.000001"), new BigDecimal("2204.6")).ofScale(6);
    }

    @Provide
    Arbitrary<BigDecimal> kilograms() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("1000")).ofScale(3);
    }

    @Property
    void poundsToKilogramsAndBackIsTheOriginalWithinABillionth(@ForAll("pounds") BigDecimal pounds) {
        Load load = new Load(pounds, LB);

        Load back = load.in(KG).in(LB);

        assertThat(back.unit()).isEqualTo(LB);
        assertThat(back.value().subtract(load.value()).abs()).isLessThanOrEqualTo(A_BILLIONTH);
    }

    @Property
    void kilogramsToPoundsAndBackIsTheOriginalWithinABillionth(@ForAll("kilograms") BigDecimal kilograms) {
        Load load = new Load(kilograms, KG);

        Load back = load.in(LB).in(KG);

        assertThat(back.unit()).isEqualTo(KG);
        assertThat(back.value().subtract(load.value()).abs()).isLessThanOrEqualTo(A_BILLIONTH);
    }

    @Property
    void poundsToKilogramsIsExact(@ForAll("pounds") BigDecimal pounds) {
        Load inKilograms = new Load(pounds, LB).in(KG);

        assertThat(inKilograms.unit()).isEqualTo(KG);
        assertThat(inKilograms.value()).isEqualByComparingTo(pounds.multiply(KILOGRAMS_PER_POUND));
    }

    /** Compares masses across units, against a kilogram load computed here by the definition of the pound. */
    @Property
    void aPoundLoadWeighsTheSameAsItsMassInKilogramsAndMoreThanAGramLess(@ForAll("pounds") BigDecimal pounds) {
        Load inPounds = new Load(pounds, LB);
        BigDecimal kilograms = pounds.multiply(KILOGRAMS_PER_POUND);

        assertThat(inPounds.compareTo(new Load(kilograms, KG))).isZero();
        assertThat(new Load(kilograms, KG).compareTo(inPounds)).isZero();
        assertThat(inPounds.compareTo(new Load(kilograms.add(A_GRAM), KG))).isNegative();
        assertThat(inPounds.heavierThan(new Load(kilograms.subtract(A_GRAM).max(A_BILLIONTH), KG))).isTrue();
    }

    @Property
    void poundsToKilogramsPreservesOrdering(@ForAll("pounds") BigDecimal a, @ForAll("pounds") BigDecimal b) {
        int before = Integer.signum(a.compareTo(b));

        int after = Integer.signum(new Load(a, LB).in(KG).value().compareTo(new Load(b, LB).in(KG).value()));

        assertThat(after).isEqualTo(before);
    }

    @Property
    void kilogramsToPoundsPreservesOrdering(@ForAll("kilograms") BigDecimal a, @ForAll("kilograms") BigDecimal b) {
        int before = Integer.signum(a.compareTo(b));

        int after = Integer.signum(new Load(a, KG).in(LB).value().compareTo(new Load(b, KG).in(LB).value()));

        assertThat(after).isEqualTo(before);
    }

    @Property
    void comparingAcrossUnitsAgreesWithComparingInOneUnit(@ForAll("pounds") BigDecimal pounds,
                                                          @ForAll("kilograms") BigDecimal kilograms) {
        Load inPounds = new Load(pounds, LB);
        Load inKilograms = new Load(kilograms, KG);

        int expected = Integer.signum(pounds.multiply(KILOGRAMS_PER_POUND).compareTo(kilograms));

        assertThat(Integer.signum(inPounds.compareTo(inKilograms))).isEqualTo(expected);
        assertThat(Integer.signum(inKilograms.compareTo(inPounds))).isEqualTo(-expected);
    }
}
