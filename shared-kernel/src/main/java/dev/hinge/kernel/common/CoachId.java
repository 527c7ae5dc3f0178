package dev.hinge.kernel.common;

import java.util.Objects;
import java.util.UUID;

/** coach id */
public record CoachId(UUID value) {
    public CoachId {
        Objects.requireNonNull(value, "coach id");
    }

    public static CoachId of(UUID value) {
        return new CoachId(value);
    }

    /** Axon keys aggregates and entities by {@code toString()}, so this is the bare UUID. */
    @Override
    public String toString() {
        return value.toString();
    }
}
