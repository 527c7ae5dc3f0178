package dev.hinge.kernel.coaching;

import java.util.Objects;
import java.util.UUID;

/** coach-athlete relationship id */
public record RelationshipId(UUID value) {
    public RelationshipId {
        Objects.requireNonNull(value, "coach-athlete relationship id");
    }

    public static RelationshipId of(UUID value) {
        return new RelationshipId(value);
    }

    /** Axon keys aggregates and entities by {@code toString()}, so this is the bare UUID. */
    @Override
    public String toString() {
        return value.toString();
    }
}
