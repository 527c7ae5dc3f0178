package dev.hinge.kernel.common;

import java.util.Objects;
import java.util.UUID;

/** athlete id */
public record AthleteId(UUID value) {
    public AthleteId {
        Objects.requireNonNull(value, "athlete id");
    }

    public static AthleteId of(UUID value) {
        return new AthleteId(value);
    }

    /** Axon keys aggregates and entities by {@code toString()}, so this is the bare UUID. */
    @Override
    public String toString() {
        return value.toString();
    }
}
