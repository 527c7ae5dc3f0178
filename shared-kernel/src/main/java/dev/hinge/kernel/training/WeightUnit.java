package dev.hinge.kernel.training;

import java.math.BigDecimal;

/** The unit a load is logged in. A load keeps its unit; conversion is exact: 1 lb = 0.45359237 kg. */
public enum WeightUnit {
    KG(BigDecimal.ONE, new BigDecimal("2.5")),
    LB(new BigDecimal("0.45359237"), new BigDecimal("5"));

    private final BigDecimal kilograms;
    private final BigDecimal defaultPlateStep;

    WeightUnit(BigDecimal kilograms, BigDecimal defaultPlateStep) {
        this.kilograms = kilograms;
        this.defaultPlateStep = defaultPlateStep;
    }

    /** How many kilograms one of this unit is, exactly. */
    public BigDecimal kilograms() {
        return kilograms;
    }

    /** The smallest step a barbell load changes by: 2.5 kg or 5 lb. */
    public BigDecimal defaultPlateStep() {
        return defaultPlateStep;
    }
}
