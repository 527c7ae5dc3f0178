package dev.hinge.platform.web;

import dev.hinge.kernel.common.Slugs;
import dev.hinge.kernel.training.Load;
import dev.hinge.kernel.training.WeightUnit;
import dev.hinge.platform.problem.RequestFields;

import java.math.BigDecimal;

/** A load in a request, {@code {"value": 365, "unit": "lb"}}: above 0, at most 1000 kg, at most 3 decimals, kg or lb. */
public record LoadBody(BigDecimal value, String unit) {

    /** The load, or null with every refusal recorded under {@code field} ("load.value", "load.unit"). */
    public static Load lifted(RequestFields fields, String field, LoadBody body) {
        if (body == null) {
            return null;
        }
        BigDecimal value = fields.required(field + ".value", body.value(), v -> v);
        WeightUnit unit = fields.required(field + ".unit", body.unit(), u -> Slugs.parse(WeightUnit.class, u));
        return value == null || unit == null ? null : fields.optional(field, value, v -> Load.lifted(v, unit));
    }
}
