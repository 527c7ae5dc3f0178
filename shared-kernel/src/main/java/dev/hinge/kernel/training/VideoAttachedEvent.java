package dev.hinge.kernel.training;

import dev.hinge.kernel.common.AthleteId;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Objects;

/**
 * Footage of a set, waiting for a coach's review. Revision 2 added {@code source}: revision-1 events, all links,
 * are upcast with {@code source} {@code LINK}.
 */
@Revision("2")
public record VideoAttachedEvent(AthleteId athleteId, VideoId videoId, SetId setId, Exercise exercise,
                                 VideoSource source, VideoUrl url, String note, Instant at) {
    public VideoAttachedEvent {
        Objects.requireNonNull(source, "video source");
    }

    /** A linked video: footage hosted elsewhere, at {@code url}. */
    public VideoAttachedEvent(AthleteId athleteId, VideoId videoId, SetId setId, Exercise exercise, VideoUrl url,
                              String note, Instant at) {
        this(athleteId, videoId, setId, exercise, VideoSource.LINK, url, note, at);
    }
}
