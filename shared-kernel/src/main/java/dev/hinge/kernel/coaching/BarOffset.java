package dev.hinge.kernel.coaching;

import dev.hinge.kernel.common.Decimals;
import dev.hinge.kernel.common.DomainException;

import java.math.BigDecimal;

/** Where a bar starts relative to mid-foot, as a coach measures it on video: positive in front of mid-foot. */
public final class BarOffset {
    public static final BigDecimal MAX_INCHES = BigDecimal.valueOf(24);
    private static final String RANGE =
            "must be between -24 and 24 inches (positive: in front of mid-foot), with at most one decimal";

    private BarOffset() {
    }

    /** An offset a coach gives: within ±24 in., at most one decimal (3.5). */
    public static BigDecimal inches(BigDecimal inches) {
        BigDecimal offset = Decimals.bounded(inches, 2, 1, RANGE);
        if (offset.abs().compareTo(MAX_INCHES) > 0) {
            throw DomainException.invalid(RANGE);
        }
        return offset;
    }
}
