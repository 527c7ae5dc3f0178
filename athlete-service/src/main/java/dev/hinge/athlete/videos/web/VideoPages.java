package dev.hinge.athlete.videos.web;

import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.training.VideoId;
import dev.hinge.platform.pages.PageController;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.videos.VideoKey;
import dev.hinge.platform.videos.VideoPlayback;
import dev.hinge.platform.web.Params;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The athlete's uploaded videos for the pages' player, on the page session (a {@code <video>} element cannot send a
 * bearer token): the same bytes, ranges and headers as the API's {@code GET /api/v1/videos/{videoId}}, by the same code.
 */
@PageController
class VideoPages {
    private final VideoPlayback playback;

    VideoPages(VideoPlayback playback) {
        this.playback = playback;
    }

    /** The athlete's own uploaded video; another athlete's id, or a linked video's, is not found. */
    @GetMapping("/athlete/videos/{videoId}/file")
    Mono<ResponseEntity<Flux<DataBuffer>>> play(@AuthenticationPrincipal Jwt jwt, @PathVariable String videoId,
                                                ServerHttpRequest request) {
        VideoKey key = new VideoKey(new AthleteId(CurrentUser.id(jwt)), new VideoId(Params.pathId("videoId", videoId)));
        return playback.play(key, request);
    }
}
