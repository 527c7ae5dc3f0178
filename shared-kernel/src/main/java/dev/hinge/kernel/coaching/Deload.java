package dev.hinge.kernel.coaching;

import dev.hinge.kernel.training.Load;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * "Scale to N%" of a reference max: the exact load and the load rounded down to the plate step, both in the
 * reference max's unit. 50% of 365 lb is 182.5 lb exact and 180 lb rounded.
 */
public record Deload(Percent percent, Load referenceMax, Load exactLoad, Load roundedLoad) {
    public Deload {
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(referenceMax, "reference max");
        Objects.requireNonNull(exactLoad, "exact load");
        Objects.requireNonNull(roundedLoad, "rounded load");
    }

    public static Deload of(Percent percent, Load referenceMax) {
        return of(percent, referenceMax, referenceMax.unit().defaultPlateStep());
    }

    public static Deload of(Percent percent, Load referenceMax, BigDecimal plateStep) {
        Load exact = referenceMax.times(percent.fraction());
        return new Deload(percent, referenceMax, exact, exact.roundedDown(plateStep));
    }
}
