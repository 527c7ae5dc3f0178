package dev.hinge.kernel.training;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.hinge.kernel.common.Refusals.refusedAsInvalid;
import static org.assertj.core.api.Assertions.assertThat;

class RepsTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 100})
    void acceptsOneToAHundredRepetitions(int reps) {
        assertThat(Reps.of(reps).value()).isEqualTo(reps);
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 101, Integer.MAX_VALUE})
    void refusesCountsOutsideOneToAHundred(int reps) {
        refusedAsInvalid(() -> Reps.of(reps));
    }

    @Test
    void readsAsTheBareCount() {
        assertThat(Reps.of(5)).hasToString("5");
    }
}
