package dev.hinge.kernel.coaching;

import java.util.Objects;
import java.util.UUID;

/** deload id */
public record DeloadId(UUID value) {
    public DeloadId {
        Objects.requireNonNull(value, "deload id");
    }

    public static DeloadId of(UUID value) {
        return new DeloadId(value);
    }

    /** Axon keys aggregates and entities by {@code toString()}, so this is the bare UUID. */
    @Override
    public String toString() {
        return value.toString();
    }
}
