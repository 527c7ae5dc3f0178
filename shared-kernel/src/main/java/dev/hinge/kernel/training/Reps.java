package dev.hinge.kernel.training;

import dev.hinge.kernel.common.DomainException;

/**
 * Repetitions in one set. A person enters 1 to 100 ({@link #of}); the canonical constructor takes any count, so a
 * set stored under another rule reads back as it was.
 */
public record Reps(int value) {
    public static final int MAX = 100;

    /** Reps a person enters: 1 to 100. */
    public static Reps of(int value) {
        if (value < 1 || value > MAX) {
            throw DomainException.invalid("must be between 1 and " + MAX);
        }
        return new Reps(value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
