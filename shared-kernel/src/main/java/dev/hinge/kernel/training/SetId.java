package dev.hinge.kernel.training;

import java.util.Objects;
import java.util.UUID;

/** set id */
public record SetId(UUID value) {
    public SetId {
        Objects.requireNonNull(value, "set id");
    }

    public static SetId of(UUID value) {
        return new SetId(value);
    }

    /** Axon keys aggregates and entities by {@code toString()}, so this is the bare UUID. */
    @Override
    public String toString() {
        return value.toString();
    }
}
