package dev.hinge.coach.videos.web;

import dev.hinge.coach.videos.VideoAccess;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.training.VideoId;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.videos.VideoKey;
import dev.hinge.platform.videos.VideoPlayback;
import dev.hinge.platform.web.Blocking;
import dev.hinge.platform.web.Params;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * An uploaded video, played to a coach its athlete granted access: the same path as on athlete-service (the url in
 * the video's answers), and the review page's player source ({@link VideoPages}). Anyone else, a coach whose access
 * was revoked included, is told there is no such video.
 */
@RestController
class VideoPlaybackController {
    private final VideoAccess access;
    private final VideoPlayback playback;

    VideoPlaybackController(VideoAccess access, VideoPlayback playback) {
        this.access = access;
        this.playback = playback;
    }

    @GetMapping("/api/v1/videos/{videoId}")
    Mono<ResponseEntity<Flux<DataBuffer>>> play(@AuthenticationPrincipal Jwt jwt, @PathVariable String videoId,
                                                ServerHttpRequest request) {
        return play(CurrentUser.id(jwt), videoId, request);
    }

    /** The answer to {@code coach}'s request for the video: the API's and the review page's player's. */
    Mono<ResponseEntity<Flux<DataBuffer>>> play(UUID coach, String videoId, ServerHttpRequest request) {
        UUID video = Params.pathId("videoId", videoId);
        return Blocking.call(() -> access.athleteLettingIn(coach, video))
                .flatMap(athlete -> playback.play(new VideoKey(new AthleteId(athlete), new VideoId(video)), request));
    }
}
