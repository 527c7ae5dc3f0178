package dev.hinge.coach.videos;

import dev.hinge.coach.access.AccessProjection;
import dev.hinge.kernel.common.DomainException;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Who may see an athlete's video on coach-service: a coach the athlete grants access, for the API's playback and
 * the review page alike. Anyone else, a coach whose access was revoked included, is told there is no such video.
 */
@Component
public class VideoAccess {
    private final VideoProjection videos;
    private final AccessProjection access;

    VideoAccess(VideoProjection videos, AccessProjection access) {
        this.videos = videos;
        this.access = access;
    }

    /** The athlete whose video this is, if they let {@code coach} in; else the same 404 as for no video at all. */
    public UUID athleteLettingIn(UUID coach, UUID video) {
        UUID athlete = videos.athleteOf(video).orElseThrow(VideoAccess::noSuchVideo);
        try {
            access.require(coach, athlete);
        } catch (DomainException notGranted) {
            throw noSuchVideo();
        }
        return athlete;
    }

    private static DomainException noSuchVideo() {
        return DomainException.notFound("No such video");
    }
}
