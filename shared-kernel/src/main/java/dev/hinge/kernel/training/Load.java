package dev.hinge.kernel.training;

import dev.hinge.kernel.common.Decimals;
import dev.hinge.kernel.common.DomainException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.Objects;

/**
 * A weight on the bar, in the unit it was given. Values are exact decimals: a load is never rounded
 * unless a rule says so (plate rounding), and display rounding never changes a stored value.
 * <p>
 * The canonical constructor checks only the structure (a value and a unit), so a load read back from a stored event
 * is what was recorded, whatever today's rules say; every load a person enters goes through {@link #lifted}.
 */
public record Load(BigDecimal value, WeightUnit unit) implements Comparable<Load> {
    public static final BigDecimal MAX_KILOGRAMS = new BigDecimal("1000");
    /** A load a person enters has at most this many decimals (gram precision in kg). */
    public static final int MAX_DECIMALS = 3;
    /** Scale kept when a load is converted from kg to lb (the only inexact direction). */
    public static final int CONVERSION_SCALE = 12;

    private static final String TOO_HEAVY = "must be at most 1000 kg (2204.6 lb)";
    private static final Comparator<Load> BY_MASS = Comparator.comparing(Load::kilograms);

    public Load {
        Objects.requireNonNull(value, "load value");
        Objects.requireNonNull(unit, "load unit");
        value = normalize(value);
    }

    /**
     * A load someone lifted or could lift: above 0, at most 1000 kg (2204.6 lb), at most 3 decimals. Derived loads
     * (an estimated max, a deload) are plain {@code Load}s; every load a person enters goes through here.
     */
    public static Load lifted(BigDecimal value, WeightUnit unit) {
        Objects.requireNonNull(unit, "load unit");
        BigDecimal exact;
        try {
            exact = Decimals.bounded(value, 4, MAX_DECIMALS, TOO_HEAVY);
        } catch (DomainException e) {
            throw DomainException.invalid("value", e.getMessage());
        }
        if (exact.signum() <= 0) {
            throw DomainException.invalid("value", "must be greater than 0");
        }
        Load load = new Load(exact, unit);
        if (load.kilograms().compareTo(MAX_KILOGRAMS) > 0) {
            throw DomainException.invalid("value", TOO_HEAVY);
        }
        return load;
    }

    public static Load of(String value, WeightUnit unit) {
        return new Load(new BigDecimal(value), unit);
    }

    public static Load lb(double value) {
        return new Load(BigDecimal.valueOf(value), WeightUnit.LB);
    }

    public static Load kg(double value) {
        return new Load(BigDecimal.valueOf(value), WeightUnit.KG);
    }

    /** The mass in kilograms, exact. */
    public BigDecimal kilograms() {
        return value.multiply(unit.kilograms());
    }

    /** The same mass in {@code target} units: exact from lb to kg, to 12 decimals from kg to lb. */
    public Load in(WeightUnit target) {
        if (target == unit) {
            return this;
        }
        if (target == WeightUnit.KG) {
            return new Load(kilograms(), target);
        }
        BigDecimal converted = kilograms().divide(target.kilograms(), CONVERSION_SCALE, RoundingMode.HALF_EVEN);
        return new Load(converted, target);
    }

    /** This load times {@code fraction} (0.5 for half), exact, in the same unit. */
    public Load times(BigDecimal fraction) {
        return new Load(value.multiply(fraction), unit);
    }

    /** Rounded down to a multiple of {@code step} in this load's unit; never below one step. */
    public Load roundedDown(BigDecimal step) {
        if (step.signum() <= 0) {
            throw DomainException.invalid("plate step must be greater than 0");
        }
        BigDecimal steps = value.divide(step, 0, RoundingMode.FLOOR);
        BigDecimal rounded = step.multiply(steps.max(BigDecimal.ONE));
        return new Load(rounded, unit);
    }

    /** Rounded down to the unit's default plate step (5 lb, 2.5 kg). */
    public Load roundedDownToPlate() {
        return roundedDown(unit.defaultPlateStep());
    }

    /** Compares masses, whatever the units. */
    @Override
    public int compareTo(Load other) {
        return BY_MASS.compare(this, other);
    }

    public boolean heavierThan(Load other) {
        return compareTo(other) > 0;
    }

    /** "182.5 lb" */
    @Override
    public String toString() {
        return value.toPlainString() + " " + unit.name().toLowerCase();
    }

    /** 365 rather than 365.0 or 3.65E+2, so equal loads are equal records and print alike. */
    private static BigDecimal normalize(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
