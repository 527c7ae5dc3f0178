package dev.hinge.platform.account;

import dev.hinge.kernel.common.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordStrengthTest {
    private final PasswordStrength strength = new PasswordStrength(3);

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaaaa", "1234567890", "          ", "password1234", "mark.lifts@example.com"})
    void commonRepeatedAndPersonalPasswordsAreRefused(String password) {
        assertThatThrownBy(() -> strength.check(password, "mark.lifts@example.com", "Mark Lifts"))
                .isInstanceOf(DomainException.class)
                .hasMessageStartingWith("is too easy to guess");
    }

    @Test
    void aPasswordMadeFromTheEmailSaysSo() {
        assertThatThrownBy(() -> strength.check("marklifts2026", "marklifts2026@example.com", "Mark"))
                .hasMessageContaining("made from your email or name");
        assertThatThrownBy(() -> strength.check("coach@example.com", "coach@example.com", "Coach"))
                .hasMessageContaining("made from your email or name");
    }

    @Test
    void aCommonPasswordSaysWhy() {
        assertThatThrownBy(() -> strength.check("1234567890", "mark@example.com", "Mark"))
                .hasMessageContaining("common password");
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery", "plum kettle orbit seventeen", "a long password", "benchmark password"})
    void aGoodPassphraseIsAccepted(String password) {
        assertThat(strength.check(password, "mark@example.com", "Mark")).isEqualTo(password);
    }

    @Test
    void lengthLimitsStay() {
        assertThatThrownBy(() -> strength.check("Xq7#vLp2", "mark@example.com", "Mark"))
                .hasMessage("must be at least 10 characters");
        assertThatThrownBy(() -> strength.check("ö".repeat(37), "mark@example.com", "Mark"))
                .hasMessage("must be at most 72 bytes");
    }
}
