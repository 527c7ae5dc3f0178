package dev.hinge.kernel.coaching;

import dev.hinge.kernel.common.DomainException;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a coach's deload instruction: "scale to 50%", "Scale to 50 %", "50%", "deload to 60 percent".
 * Case does not matter; anything else is refused.
 */
public final class DeloadInstruction {
    private static final Pattern FORM = Pattern.compile(
            "^(?:(?:scale|deload|drop|reduce|cut)(?:\\s+(?:back|down))?\\s+to\\s+)?(\\d{1,3}(?:\\.\\d+)?)\\s*(?:%|percent)$");

    /** Longer than any instruction a coach writes: the text is refused before the pattern reads it. */
    public static final int MAX_LENGTH = 100;

    private DeloadInstruction() {
    }

    public static Percent parse(String instruction) {
        if (instruction == null) {
            throw DomainException.invalid("is required");
        }
        if (instruction.length() > MAX_LENGTH) {
            throw DomainException.invalid("must be at most " + MAX_LENGTH + " characters");
        }
        Matcher m = FORM.matcher(instruction.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
        if (!m.matches()) {
            throw DomainException.invalid("must read like \"scale to 50%\", \"50%\" or \"deload to 60 percent\"");
        }
        return Percent.of(new BigDecimal(m.group(1)));
    }
}
