package dev.hinge.kernel.pain;

import dev.hinge.kernel.common.DomainException;

/**
 * The 0–10 numeric rating scale; a change of 2 points is meaningful. A person's rating goes through {@link #of};
 * the canonical constructor takes any score, so a stored report reads back as it was.
 */
public record PainScore(int value) {
    public static final PainScore ZERO = new PainScore(0);
    /** From this score on, a session counts as painful for progress (docs/domain.md, "Pain"). */
    public static final int PAINFUL_FROM = 4;
    public static final int MEANINGFUL_CHANGE = 2;

    /** A rating a person gives: 0 to 10. */
    public static PainScore of(int value) {
        if (value < 0 || value > 10) {
            throw DomainException.invalid("must be between 0 and 10");
        }
        return new PainScore(value);
    }

    @Override
    public String toString() {
        return value + "/10";
    }
}
