package dev.hinge.kernel.training;

import dev.hinge.kernel.common.AthleteId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/**
 * Attaches footage to one of the athlete's own sets; an unknown set is not found. An uploaded video is sent only once
 * its file is stored.
 */
public record AttachVideoCommand(@TargetAggregateIdentifier AthleteId athleteId, VideoId videoId, SetId setId,
                                 VideoSource source, VideoUrl url, String note, Instant at) {
    public AttachVideoCommand {
        Objects.requireNonNull(source, "video source");
    }

    /** A linked video: footage hosted elsewhere, at {@code url}. */
    public AttachVideoCommand(AthleteId athleteId, VideoId videoId, SetId setId, VideoUrl url, String note, Instant at) {
        this(athleteId, videoId, setId, VideoSource.LINK, url, note, at);
    }

    /** An uploaded video, already kept in the platform's video storage under {@code videoId}. */
    public static AttachVideoCommand uploaded(AthleteId athleteId, VideoId videoId, SetId setId, String note, Instant at) {
        return new AttachVideoCommand(athleteId, videoId, setId, VideoSource.UPLOAD, VideoUrl.uploaded(videoId), note, at);
    }
}
