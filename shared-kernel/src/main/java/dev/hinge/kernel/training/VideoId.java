package dev.hinge.kernel.training;

import dev.hinge.kernel.common.AthleteId;

import java.nio.charset.StandardCharsets;
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

    /**
     * The video linked with a set in the request that logs it: derived from the athlete and the set, so a repeat of
     * the set finds the same video, and another athlete's set with the same id has another video.
     */
    public static VideoId ofSet(AthleteId athlete, SetId set) {
        return new VideoId(UUID.nameUUIDFromBytes(("video-of-set:" + athlete + ":" + set).getBytes(StandardCharsets.UTF_8)));
    }

    /** Axon keys aggregates and entities by {@code toString()}, so this is the bare UUID. */
    @Override
    public String toString() {
        return value.toString();
    }
}
