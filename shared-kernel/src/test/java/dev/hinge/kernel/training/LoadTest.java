package dev.hinge.kernel.training;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static dev.hinge.kernel.common.Refusals.refusedAsInvalid;
import static dev.hinge.kernel.training.WeightUnit.KG;
import static dev.hinge.kernel.training.WeightUnit.LB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class LoadTest {

    @Nested
    class Validation {
        @Test
        void acceptsAPositiveValue() {
            Load load = Load.of("0.5", KG);

            assertThat(load.value()).isEqualByComparingTo("0.5");
            assertThat(load.unit()).isEqualTo(KG);
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "0.000", "-0.5", "-365"})
        void liftedRefusesAValueThatIsNotPositive(String value) {
            var refusal = refusedAsInvalid(() -> Load.lifted(new BigDecimal(value), LB));

            assertThat(refusal.field()).isEqualTo("value");
        }

        @Test
        void requiresAValueAndAUnit() {
            assertThatNullPointerException().isThrownBy(() -> new Load(null, KG));
            assertThatNullPointerException().isThrownBy(() -> new Load(BigDecimal.TEN, null));
        }

        @Test
        void liftedAcceptsExactlyOneThousandKilograms() {
            assertThat(Load.lifted(new BigDecimal("1000"), KG)).isEqualTo(Load.of("1000", KG));
        }

        @Test
        void liftedRefusesMoreThanOneThousandKilograms() {
            var refusal = refusedAsInvalid(() -> Load.lifted(new BigDecimal("1000.001"), KG));

            assertThat(refusal.field()).isEqualTo("value");
        }

        @Test
        void liftedRefusesPoundsJustAboveOneThousandKilograms() {
            refusedAsInvalid(() -> Load.lifted(new BigDecimal("2204.7"), LB));
        }

        @Test
        void liftedAcceptsPoundsJustBelowOneThousandKilograms() {
            assertThat(Load.lifted(new BigDecimal("2204.6"), LB)).isEqualTo(Load.of("2204.6", LB));
        }

        @ParameterizedTest
        @ValueSource(strings = {"100.0001", "1e-20000", "1e-999999999", "1e10000000", "0.0000000000000000000001",
                "100.00000000000000000000000"})
        void liftedRefusesMoreThanThreeDecimalsAndHugeExponentsBeforeAnyArithmetic(String value) {
            long started = System.nanoTime();
            var refusal = refusedAsInvalid(() -> Load.lifted(new BigDecimal(value), LB));

            assertThat(refusal.field()).isEqualTo("value");
            assertThat(System.nanoTime() - started).isLessThan(500_000_000L);
        }

        @Test
        void liftedAcceptsThreeDecimalsAndTrailingZeros() {
            assertThat(Load.lifted(new BigDecimal("182.125"), LB)).isEqualTo(Load.of("182.125", LB));
            assertThat(Load.lifted(new BigDecimal("182.50000"), LB)).isEqualTo(Load.of("182.5", LB));
            assertThat(Load.lifted(new BigDecimal("3.65E+2"), LB).value()).isEqualTo(new BigDecimal("365"));
        }

        @Test
        void aStoredLoadReadsBackWhateverTodaysRulesSay() {
            assertThat(new Load(new BigDecimal("1500"), KG).value()).isEqualByComparingTo("1500");
            assertThat(new Load(new BigDecimal("100.0001"), KG).value()).isEqualByComparingTo("100.0001");
        }

        @Test
        void liftedStillRefusesNonPositiveValues() {
            refusedAsInvalid(() -> Load.lifted(BigDecimal.ZERO, KG));
        }
    }

    @Nested
    class Normalisation {
        @Test
        void dropsTrailingZerosSo365Point0Is365() {
            Load load = Load.of("365.0", LB);

            assertThat(load.value()).isEqualTo(new BigDecimal("365"));
            assertThat(load).isEqualTo(Load.of("365", LB));
            assertThat(load).hasToString("365 lb");
        }

        @Test
        void writesWholeHundredsWithoutAnExponent() {
            Load load = new Load(new BigDecimal("1E+2"), KG);

            assertThat(load.value()).isEqualTo(new BigDecimal("100"));
            assertThat(load).hasToString("100 kg");
        }

        @Test
        void keepsMeaningfulDecimals() {
            assertThat(Load.of("182.50", LB)).hasToString("182.5 lb");
        }
    }

    @Nested
    class Conversion {
        @Test
        void onePoundIsExactly0Point45359237Kilograms() {
            assertThat(Load.of("1", LB).in(KG)).isEqualTo(Load.of("0.45359237", KG));
        }

        @Test
        void convertsPoundsToKilogramsExactly() {
            assertThat(Load.of("365", LB).in(KG)).isEqualTo(Load.of("165.56121505", KG));
        }

        @Test
        void convertsPoundsWithManyDecimalsToKilogramsWithoutRounding() {
            assertThat(Load.of("0.123456789", LB).in(KG)).isEqualTo(Load.of("0.05599905751509993", KG));
        }

        @Test
        void convertsKilogramsToPoundsToTwelveDecimals() {
            assertThat(Load.of("100", KG).in(LB)).isEqualTo(Load.of("220.462262184878", LB));
        }

        @Test
        void conversionToItsOwnUnitIsTheSameLoad() {
            Load load = Load.of("182.5", LB);

            assertThat(load.in(LB)).isEqualTo(load);
        }

        @Test
        void kilogramsOfAPoundLoadAreExact() {
            assertThat(Load.of("2204.6", LB).kilograms()).isEqualByComparingTo("999.989738902");
        }
    }

    @Nested
    class PlateRounding {
        @Test
        void roundsMarksHalfMaxOf182Point5PoundsDownTo180() {
            assertThat(Load.of("182.5", LB).roundedDownToPlate()).isEqualTo(Load.of("180", LB));
        }

        @Test
        void rounds91Point25KilogramsDownTo90() {
            assertThat(Load.of("91.25", KG).roundedDownToPlate()).isEqualTo(Load.of("90", KG));
        }

        @Test
        void keepsALoadThatIsAlreadyOnAPlateStep() {
            assertThat(Load.of("92.5", KG).roundedDownToPlate()).isEqualTo(Load.of("92.5", KG));
            assertThat(Load.of("185", LB).roundedDownToPlate()).isEqualTo(Load.of("185", LB));
        }

        @ParameterizedTest
        @CsvSource({"2, LB, 5", "4.99, LB, 5", "1, KG, 2.5", "0.1, KG, 2.5"})
        void neverRoundsBelowOneStep(String value, WeightUnit unit, String expected) {
            assertThat(Load.of(value, unit).roundedDownToPlate()).isEqualTo(Load.of(expected, unit));
        }

        @Test
        void roundsToAStepTheAthleteConfigured() {
            Load load = Load.of("91.3", KG);

            assertThat(load.roundedDown(new BigDecimal("1.25"))).isEqualTo(Load.of("91.25", KG));
            assertThat(Load.of("182.5", LB).roundedDown(new BigDecimal("2.5"))).isEqualTo(Load.of("182.5", LB));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-2.5"})
        void refusesAStepThatIsNotPositive(String step) {
            refusedAsInvalid(() -> Load.of("100", KG).roundedDown(new BigDecimal(step)));
        }
    }

    @Nested
    class Comparison {
        @Test
        void comparesMassesAcrossUnits() {
            Load hundredKilograms = Load.of("100", KG);

            assertThat(hundredKilograms).isGreaterThan(Load.of("220", LB));
            assertThat(hundredKilograms).isLessThan(Load.of("221", LB));
        }

        @Test
        void treatsOnePoundAndItsKilogramsAsTheSameMass() {
            assertThat(Load.of("1", LB).compareTo(Load.of("0.45359237", KG))).isZero();
        }

        @Test
        void isHeavierOnlyWhenTheMassIsGreater() {
            assertThat(Load.of("365", LB).heavierThan(Load.of("165", KG))).isTrue();
            assertThat(Load.of("365", LB).heavierThan(Load.of("166", KG))).isFalse();
            assertThat(Load.of("365", LB).heavierThan(Load.of("365", LB))).isFalse();
        }
    }

    @Test
    void halfOf365PoundsIsExactly182Point5Pounds() {
        assertThat(Load.of("365", LB).times(new BigDecimal("0.5"))).isEqualTo(Load.of("182.5", LB));
    }

    @Test
    void multipliesExactlyEvenWithManyDigits() {
        Load load = Load.of("365.123456789", LB);

        assertThat(load.times(new BigDecimal("0.33333333")).value())
                .isEqualByComparingTo("121.70781771258847737");
    }

    @Test
    void readsAsValueAndUnit() {
        assertThat(Load.of("182.5", LB)).hasToString("182.5 lb");
        assertThat(Load.of("92.5", KG)).hasToString("92.5 kg");
    }
}
