package dev.hinge.kernel.coaching;

import java.util.Objects;
import java.util.UUID;

/** cue id */
public record CueId(UUID value) {
    public CueId {
        Objects.requireNonNull(value, "cue id");
    }

    public static CueId of(UUID value) {
        return new CueId(value);
    }

    /** Axon keys aggregates and entities by {@code toString()}, so this is the bare UUID. */
    @Override
    public String toString() {
        return value.toString();
    }
}
