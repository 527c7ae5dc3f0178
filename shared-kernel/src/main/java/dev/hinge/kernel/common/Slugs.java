package dev.hinge.kernel.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The wire form of every enumeration: lower-case snake case ({@code rounded_lower_back}). */
public final class Slugs {
    private Slugs() {
    }

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The constant whose slug is exactly {@code slug}; anything else is refused, listing the allowed slugs. */
    public static <E extends Enum<E>> E parse(Class<E> type, String slug) {
        if (slug != null) {
            for (E constant : type.getEnumConstants()) {
                if (of(constant).equals(slug)) {
                    return constant;
                }
            }
        }
        throw DomainException.invalid("must be one of " + allowed(type));
    }

    public static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Slugs::of).collect(Collectors.joining(", "));
    }
}
