package dev.hinge.kernel.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.hinge.kernel.common.Refusals.refusedAsInvalid;
import static org.assertj.core.api.Assertions.assertThat;

class TextTest {

    @Test
    void optionalTextMayBeAbsent() {
        assertThat(Text.optional(null, 10)).isNull();
    }

    @Test
    void requiredTextMayNotBeAbsent() {
        refusedAsInvalid(() -> Text.required(null, 10));
    }

    @Test
    void trimsSurroundingWhitespace() {
        assertThat(Text.required("  felt strong \n", 80)).isEqualTo("felt strong");
        assertThat(Text.optional("\tlower back ", 80)).isEqualTo("lower back");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t ", "\u2003"})
    void refusesBlankTextEvenWhenOptional(String blank) {
        refusedAsInvalid(() -> Text.optional(blank, 10));
        refusedAsInvalid(() -> Text.required(blank, 10));
    }

    @Test
    void acceptsTextUpToTheLimitAfterTrimming() {
        assertThat(Text.required("  abcde  ", 5)).isEqualTo("abcde");
        refusedAsInvalid(() -> Text.required("abcdef", 5));
    }

    @Test
    void keepsLineBreaksAndTabsInside() {
        assertThat(Text.required("set 1: easy\nset 2:\thard", 80)).isEqualTo("set 1: easy\nset 2:\thard");
    }

    @Test
    void keepsWindowsLineBreaks() {
        assertThat(Text.required("set 1: easy\r\nset 2: hard", 80)).isEqualTo("set 1: easy\r\nset 2: hard");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "bell\u0007", "esc\u001b[31m", "a\u007fb"})
    void refusesControlCharacters(String text) {
        refusedAsInvalid(() -> Text.required(text, 80));
    }
}
