package dev.hinge.kernel.pain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.hinge.kernel.common.Refusals.refusedAsInvalid;
import static org.assertj.core.api.Assertions.assertThat;

class PainScoreTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4, 10})
    void acceptsTheZeroToTenScale(int score) {
        assertThat(PainScore.of(score).value()).isEqualTo(score);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 11, 100})
    void refusesScoresOffTheScale(int score) {
        refusedAsInvalid(() -> PainScore.of(score));
    }

    @Test
    void readsAsOutOfTen() {
        assertThat(PainScore.of(6)).hasToString("6/10");
        assertThat(PainScore.ZERO).hasToString("0/10");
    }

    @Test
    void painCountsFromFourAndTwoPointsIsAMeaningfulChange() {
        assertThat(PainScore.PAINFUL_FROM).isEqualTo(4);
        assertThat(PainScore.MEANINGFUL_CHANGE).isEqualTo(2);
    }
}
