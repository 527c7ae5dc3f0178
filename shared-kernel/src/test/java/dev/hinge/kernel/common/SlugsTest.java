package dev.hinge.kernel.common;

import dev.hinge.kernel.coaching.FormFault;
import dev.hinge.kernel.pain.PainQuality;
import dev.hinge.kernel.training.WeightUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.hinge.kernel.common.Refusals.refusedAsInvalid;
import static org.assertj.core.api.Assertions.assertThat;

class SlugsTest {

    @Test
    void writesAConstantInLowerSnakeCase() {
        assertThat(Slugs.of(WeightUnit.KG)).isEqualTo("kg");
        assertThat(Slugs.of(FormFault.HIPS_RISE_TOO_FAST)).isEqualTo("hips_rise_too_fast");
    }

    @Test
    void readsTheExactSlug() {
        assertThat(Slugs.parse(WeightUnit.class, "lb")).isEqualTo(WeightUnit.LB);
        assertThat(Slugs.parse(FormFault.class, "bar_drifts_forward")).isEqualTo(FormFault.BAR_DRIFTS_FORWARD);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"KG", "Kg", " kg", "kg ", "kilograms", "KG\n"})
    void refusesAnythingButTheExactLowerCaseSlug(String slug) {
        var refusal = refusedAsInvalid(() -> Slugs.parse(WeightUnit.class, slug));

        assertThat(refusal.getMessage()).contains("kg, lb");
    }

    @Test
    void refusesTheConstantNameOfAMultiWordValue() {
        refusedAsInvalid(() -> Slugs.parse(PainQuality.class, "RADIATING"));
        refusedAsInvalid(() -> Slugs.parse(FormFault.class, "hips-rise-too-fast"));
    }

    @Test
    void listsTheAllowedSlugsInDeclarationOrder() {
        assertThat(Slugs.allowed(PainQuality.class)).isEqualTo("none, soreness, sharp, radiating, tingling, numbness");
    }

    @Test
    void everyConstantRoundTripsThroughItsSlug() {
        for (FormFault fault : FormFault.values()) {
            assertThat(Slugs.parse(FormFault.class, Slugs.of(fault))).isEqualTo(fault);
        }
    }
}
