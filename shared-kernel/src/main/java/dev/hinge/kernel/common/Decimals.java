package dev.hinge.kernel.common;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The edge rule for a decimal a person sends: a bounded number of digits before and after the point, checked from
 * the number's precision and scale alone, before any arithmetic touches it. {@code 1e10000000} or
 * {@code 1e-999999999} are refused in constant time: they would cost seconds in {@code setScale} or exhaust the
 * heap in {@code toPlainString}.
 */
public final class Decimals {
    /** No number a person enters here has more significant digits than this (trailing zeros included). */
    public static final int MAX_DIGITS = 20;

    private Decimals() {
    }

    /**
     * {@code value} without trailing zeros and with a scale of 0 or more, if it has at most
     * {@code maxIntegerDigits} digits before the point and at most {@code maxDecimals} after it; otherwise refused,
     * with {@code tooLarge} when it is too large. The result is small: range checks may then compare it freely.
     */
    public static BigDecimal bounded(BigDecimal value, int maxIntegerDigits, int maxDecimals, String tooLarge) {
        Objects.requireNonNull(value, "value");
        // precision and scale are fields of the number: reading them costs nothing, whatever the exponent
        long integerDigits = (long) value.precision() - value.scale();
        if (value.signum() != 0 && integerDigits > maxIntegerDigits) {
            throw DomainException.invalid(tooLarge);
        }
        if (value.precision() > MAX_DIGITS) {
            throw DomainException.invalid(decimals(maxDecimals));
        }
        // at most MAX_DIGITS digits: stripping is a few divisions by ten
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > maxDecimals) {
            throw DomainException.invalid(decimals(maxDecimals));
        }
        if (stripped.signum() == 0) {
            return BigDecimal.ZERO;
        }
        // the scale is now at least -maxIntegerDigits: setScale adds that many zeros at most
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String decimals(int maxDecimals) {
        return maxDecimals == 0 ? "must be a whole number"
                : "must have at most " + maxDecimals + (maxDecimals == 1 ? " decimal" : " decimals");
    }
}
