package dev.hinge.kernel.training;

import java.util.Objects;
import java.util.UUID;

/** video id */
public record VideoId(UUID value) {
    public VideoId {
        Objects.requireNonNull(value, "video id");
    }

    public static VideoId of(UUID value) {
        return new VideoId(value);
    }

    /** Axon keys aggregates and entities by {@code toString()}, so this is the bare UUID. */
    @Override
    public String toString() {
        return value.toString();
    }
}
