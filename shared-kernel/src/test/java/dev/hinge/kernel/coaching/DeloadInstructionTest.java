package dev.hinge.kernel.coaching;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.hinge.kernel.common.Refusals.refusedAsInvalid;
import static org.assertj.core.api.Assertions.assertThat;

class DeloadInstructionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "scale to 50%          | 50",
            "Scale to 50 %         | 50",
            "50%                   | 50",
            "deload to 60 percent  | 60",
            "SCALE TO 50%          | 50",
            "  scale   to  50%     | 50",
            "scale back to 62.5%   | 62.5",
            "drop down to 70 percent | 70",
            "scale to 100%         | 100"})
    void readsTheCoachsPercentage(String instruction, String percent) {
        assertThat(DeloadInstruction.parse(instruction)).isEqualTo(Percent.of(percent));
    }

    @Test
    void canScaleToFiftyPercentOfReferenceMax() {
        assertThat(DeloadInstruction.parse("scale to 50%").fraction()).isEqualByComparingTo("0.5");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"scale to", "50", "scale to 50", "fifty percent", "scale to fifty percent", "%",
            "scale 50%", "scale to 50% please", "to 50%", "scale to -50%", "scale to 50.%", "50 per cent"})
    void refusesAnInstructionItCannotRead(String instruction) {
        refusedAsInvalid(() -> DeloadInstruction.parse(instruction));
    }

    @ParameterizedTest
    @ValueSource(strings = {"scale to 150%", "0%", "scale to 0 percent", "scale to 100.5%"})
    void refusesAPercentageOutsideAboveZeroToAHundred(String instruction) {
        refusedAsInvalid(() -> DeloadInstruction.parse(instruction));
    }
}
