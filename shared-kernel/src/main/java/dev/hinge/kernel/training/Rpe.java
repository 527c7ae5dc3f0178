package dev.hinge.kernel.training;

import dev.hinge.kernel.common.DomainException;

import java.math.BigDecimal;
import java.util.Objects;

/** Rate of perceived exertion, 1 to 10 in half steps (8.5 is one rep left, maybe two). */
public record Rpe(BigDecimal value) {
    private static final BigDecimal HALF = new BigDecimal("0.5");

    public Rpe {
        Objects.requireNonNull(value, "rpe");
        if (value.compareTo(BigDecimal.ONE) < 0 || value.compareTo(BigDecimal.TEN) > 0) {
            throw DomainException.invalid("must be between 1 and 10");
        }
        if (value.remainder(HALF).signum() != 0) {
            throw DomainException.invalid("must be a whole or half number (8 or 8.5)");
        }
        value = value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
