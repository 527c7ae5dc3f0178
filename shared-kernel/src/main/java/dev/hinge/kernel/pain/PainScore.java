package dev.hinge.kernel.pain;

import dev.hinge.kernel.common.DomainException;

/** The 0–10 numeric rating scale; a change of 2 points is meaningful. */
public record PainScore(int value) {
    public static final PainScore ZERO = new PainScore(0);
    /** From this score on, a session counts as painful for progress (docs/domain.md, "Pain"). */
    public static final int PAINFUL_FROM = 4;
    public static final int MEANINGFUL_CHANGE = 2;

    public PainScore {
        if (value < 0 || value > 10) {
            throw DomainException.invalid("must be between 0 and 10");
        }
    }

    @Override
    public String toString() {
        return value + "/10";
    }
}
