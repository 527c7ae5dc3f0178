package dev.hinge.kernel.coaching;

import dev.hinge.kernel.common.DomainException;

import java.math.BigDecimal;
import java.util.Objects;

/** A deload percentage of a reference max: above 0, at most 100. */
public record Percent(BigDecimal value) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Percent {
        Objects.requireNonNull(value, "percent");
        if (value.signum() <= 0 || value.compareTo(HUNDRED) > 0) {
            throw DomainException.invalid("must be above 0 and at most 100");
        }
        value = value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }

    public static Percent of(String value) {
        return new Percent(new BigDecimal(value));
    }

    /** 0.5 for 50%. */
    public BigDecimal fraction() {
        return value.movePointLeft(2);
    }

    @Override
    public String toString() {
        return value.toPlainString() + "%";
    }
}
