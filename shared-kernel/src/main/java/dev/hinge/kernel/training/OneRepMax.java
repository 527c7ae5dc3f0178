package dev.hinge.kernel.training;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;

/** Estimated one-rep max by Epley, {@code w × (1 + reps/30)}, for up to 10 reps; a single is its own max. */
public final class OneRepMax {
    public static final int MAX_REPS = 10;
    private static final BigDecimal THIRTY = BigDecimal.valueOf(30);

    private OneRepMax() {
    }

    /** Empty above 10 reps, where the formula stops being a useful estimate. */
    public static Optional<Load> epley(Load load, Reps reps) {
        if (reps.value() > MAX_REPS) {
            return Optional.empty();
        }
        if (reps.value() == 1) {
            return Optional.of(load);
        }
        // w × (30 + reps) / 30: one rounding, at the end, so that exact cases (90 kg × 10 = 120 kg) stay exact.
        BigDecimal estimate = load.value().multiply(BigDecimal.valueOf(30L + reps.value()))
                .divide(THIRTY, MathContext.DECIMAL64);
        return Optional.of(new Load(estimate, load.unit()));
    }
}
