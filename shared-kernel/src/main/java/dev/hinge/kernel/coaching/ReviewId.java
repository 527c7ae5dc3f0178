package dev.hinge.kernel.coaching;

import java.util.Objects;
import java.util.UUID;

/** review id */
public record ReviewId(UUID value) {
    public ReviewId {
        Objects.requireNonNull(value, "review id");
    }

    public static ReviewId of(UUID value) {
        return new ReviewId(value);
    }

    /** Axon keys aggregates and entities by {@code toString()}, so this is the bare UUID. */
    @Override
    public String toString() {
        return value.toString();
    }
}
