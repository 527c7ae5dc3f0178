package dev.hinge.kernel.training;

import dev.hinge.kernel.common.Decimals;
import dev.hinge.kernel.common.DomainException;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Rate of perceived exertion, 1 to 10 in half steps (8.5 is one rep left, maybe two). A person's rating goes through
 * {@link #of}; the canonical constructor only requires a value, so a stored rating reads back as it was.
 */
public record Rpe(BigDecimal value) {
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final String RANGE = "must be between 1 and 10";

    public Rpe {
        Objects.requireNonNull(value, "rpe");
        value = value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }

    /** A rating a person gives: 1 to 10, whole or half. */
    public static Rpe of(BigDecimal value) {
        BigDecimal rating = Decimals.bounded(value, 2, 1, RANGE);
        if (rating.compareTo(BigDecimal.ONE) < 0 || rating.compareTo(BigDecimal.TEN) > 0) {
            throw DomainException.invalid(RANGE);
        }
        if (rating.remainder(HALF).signum() != 0) {
            throw DomainException.invalid("must be a whole or half number (8 or 8.5)");
        }
        return new Rpe(rating);
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
