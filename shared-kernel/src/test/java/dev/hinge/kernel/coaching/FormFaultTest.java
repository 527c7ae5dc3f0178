package dev.hinge.kernel.coaching;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.hinge.kernel.coaching.FormFault.BAR_DRIFTS_FORWARD;
import static dev.hinge.kernel.coaching.FormFault.HIPS_RISE_TOO_FAST;
import static dev.hinge.kernel.coaching.FormFault.HYPEREXTENDED_LOCKOUT;
import static dev.hinge.kernel.coaching.FormFault.INSUFFICIENT_BRACING;
import static dev.hinge.kernel.coaching.FormFault.OVERLOADING_TOO_SOON;
import static dev.hinge.kernel.coaching.FormFault.ROUNDED_LOWER_BACK;
import static org.assertj.core.api.Assertions.assertThat;

class FormFaultTest {

    @Test
    void marksFaultsGiveHisThreeCuesInOrder() {
        assertThat(FormFault.cuesFor(List.of(HIPS_RISE_TOO_FAST, BAR_DRIFTS_FORWARD)))
                .containsExactly("chest up", "push the floor away", "drag the bar up your legs");
    }

    @Test
    void aCueSharedByTwoFaultsIsGivenOnce() {
        assertThat(FormFault.cuesFor(List.of(ROUNDED_LOWER_BACK, HIPS_RISE_TOO_FAST)))
                .containsExactly("chest up", "shoulder blades in your back pockets", "push the floor away");
    }

    @Test
    void cuesFollowTheOrderTheFaultsAreNamedIn() {
        assertThat(FormFault.cuesFor(List.of(BAR_DRIFTS_FORWARD, HIPS_RISE_TOO_FAST)))
                .containsExactly("drag the bar up your legs", "chest up", "push the floor away");
    }

    @Test
    void overloadingTooSoonIsAnsweredByADeloadNotACue() {
        assertThat(OVERLOADING_TOO_SOON.standardCues()).isEmpty();
        assertThat(FormFault.cuesFor(List.of(OVERLOADING_TOO_SOON))).isEmpty();
    }

    @Test
    void noFaultsNeedNoCues() {
        assertThat(FormFault.cuesFor(List.of())).isEmpty();
    }

    @Test
    void eachFaultCarriesTheArticlesStandardCues() {
        assertThat(ROUNDED_LOWER_BACK.standardCues()).containsExactly("chest up", "shoulder blades in your back pockets");
        assertThat(HYPEREXTENDED_LOCKOUT.standardCues()).containsExactly("hips drive forward, don't lean back");
        assertThat(HIPS_RISE_TOO_FAST.standardCues()).containsExactly("chest up", "push the floor away");
        assertThat(BAR_DRIFTS_FORWARD.standardCues()).containsExactly("drag the bar up your legs");
        assertThat(INSUFFICIENT_BRACING.standardCues())
                .containsExactly("breathe into your belly and brace as for a punch");
    }
}
