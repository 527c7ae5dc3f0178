package dev.hinge.kernel.coaching;

import java.util.Objects;
import java.util.UUID;

/** clearance id */
public record ClearanceId(UUID value) {
    public ClearanceId {
        Objects.requireNonNull(value, "clearance id");
    }

    public static ClearanceId of(UUID value) {
        return new ClearanceId(value);
    }

    /** Axon keys aggregates and entities by {@code toString()}, so this is the bare UUID. */
    @Override
    public String toString() {
        return value.toString();
    }
}
