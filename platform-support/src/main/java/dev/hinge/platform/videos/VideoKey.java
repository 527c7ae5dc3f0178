package dev.hinge.platform.videos;

import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.training.VideoId;

import java.util.Objects;

/**
 * Where an uploaded video is kept: under its athlete, so that a reader's own id is part of every look-up and an
 * athlete asking for another athlete's video id finds nothing.
 */
public record VideoKey(AthleteId athlete, VideoId video) {
    public VideoKey {
        Objects.requireNonNull(athlete, "athlete");
        Objects.requireNonNull(video, "video");
    }

    /** {@code <athlete id>/<video id>}: the object key in S3, the file's path (plus extension) in the folder. */
    public String path() {
        return athlete + "/" + video;
    }
}
