package dev.hinge.kernel.training;

import dev.hinge.kernel.common.DomainException;

import java.util.regex.Pattern;

/** An exercise by its slug: {@code deadlift}, {@code back_squat}. */
public record Exercise(String slug) {
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    public static final Exercise DEADLIFT = new Exercise("deadlift");

    public Exercise {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw DomainException.invalid("must be a slug of 1 to 40 characters: a-z first, then a-z, 0-9 or _");
        }
    }

    /** "Back squat" for {@code back_squat}. */
    public String displayName() {
        String words = slug.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    @Override
    public String toString() {
        return slug;
    }
}
