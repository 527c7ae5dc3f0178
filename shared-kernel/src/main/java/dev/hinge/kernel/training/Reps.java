package dev.hinge.kernel.training;

import dev.hinge.kernel.common.DomainException;

/** Repetitions in one set: 1 to 100. */
public record Reps(int value) {
    public static final int MAX = 100;

    public Reps {
        if (value < 1 || value > MAX) {
            throw DomainException.invalid("must be between 1 and " + MAX);
        }
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
