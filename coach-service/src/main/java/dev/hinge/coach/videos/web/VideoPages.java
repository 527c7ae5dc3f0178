package dev.hinge.coach.videos.web;

import dev.hinge.platform.pages.PageController;
import dev.hinge.platform.security.CurrentUser;
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
 * The review page's player source, in the page session: the same bytes, ranges (206) and 404s as the API's
 * {@code /api/v1/videos/{id}}, answered by the same {@link VideoPlaybackController#play}.
 */
@PageController
class VideoPages {
    private final VideoPlaybackController playback;

    VideoPages(VideoPlaybackController playback) {
        this.playback = playback;
    }

    @GetMapping("/coach/videos/{videoId}/file")
    Mono<ResponseEntity<Flux<DataBuffer>>> file(@AuthenticationPrincipal Jwt jwt, @PathVariable String videoId,
                                                ServerHttpRequest request) {
        return playback.play(CurrentUser.id(jwt), videoId, request);
    }
}
