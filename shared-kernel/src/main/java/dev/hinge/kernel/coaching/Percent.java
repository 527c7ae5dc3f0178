package dev.hinge.kernel.coaching;

import dev.hinge.kernel.common.Decimals;
import dev.hinge.kernel.common.DomainException;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A deload percentage of a reference max. A coach gives 1 to 100 with at most one decimal ({@link #of}); the
 * canonical constructor only requires a value, so a stored deload reads back as it was.
 */
public record Percent(BigDecimal value) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final String RANGE = "must be between 1 and 100, with at most one decimal";

    public Percent {
        Objects.requireNonNull(value, "percent");
        value = value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }

    /** A percentage a coach gives: 1 to 100, at most one decimal (62.5). */
    public static Percent of(BigDecimal value) {
        BigDecimal percent = Decimals.bounded(value, 3, 1, RANGE);
        if (percent.compareTo(BigDecimal.ONE) < 0 || percent.compareTo(HUNDRED) > 0) {
            throw DomainException.invalid(RANGE);
        }
        return new Percent(percent);
    }

    public static Percent of(String value) {
        return of(new BigDecimal(value));
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
