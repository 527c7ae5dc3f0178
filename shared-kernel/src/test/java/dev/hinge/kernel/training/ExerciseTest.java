package dev.hinge.kernel.training;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.hinge.kernel.common.Refusals.refusedAsInvalid;
import static org.assertj.core.api.Assertions.assertThat;

class ExerciseTest {
    private static final String FORTY = "a" + "b".repeat(39);

    @ParameterizedTest
    @ValueSource(strings = {"deadlift", "back_squat", "a", "romanian_deadlift_2", "x9", "z_"})
    void acceptsASlug(String slug) {
        assertThat(new Exercise(slug).slug()).isEqualTo(slug);
    }

    @Test
    void acceptsASlugOfExactlyFortyCharacters() {
        assertThat(FORTY).hasSize(40);
        assertThat(new Exercise(FORTY)).hasToString(FORTY);
    }

    @Test
    void refusesASlugOfFortyOneCharacters() {
        String fortyOne = FORTY + "c";

        assertThat(fortyOne).hasSize(41);
        refusedAsInvalid(() -> new Exercise(fortyOne));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Deadlift", "DEADLIFT", "back_Squat", "1deadlift", "2", "_deadlift", "back-squat",
            "back squat", " deadlift", "deadlift ", "dead.lift", "dèadlift"})
    void refusesAnythingElse(String slug) {
        refusedAsInvalid(() -> new Exercise(slug));
    }

    @Test
    void isDisplayedAsACapitalisedPhrase() {
        assertThat(new Exercise("back_squat").displayName()).isEqualTo("Back squat");
        assertThat(Exercise.DEADLIFT.displayName()).isEqualTo("Deadlift");
    }

    @Test
    void equalSlugsAreTheSameExercise() {
        assertThat(new Exercise("deadlift")).isEqualTo(Exercise.DEADLIFT);
        assertThat(new Exercise("sumo_deadlift")).isNotEqualTo(Exercise.DEADLIFT);
    }
}
