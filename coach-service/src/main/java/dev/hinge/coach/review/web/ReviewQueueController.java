package dev.hinge.coach.review.web;

import dev.hinge.coach.access.AccessProjection;
import dev.hinge.coach.videos.VideoProjection;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.web.Blocking;
import dev.hinge.platform.paging.Page;
import dev.hinge.platform.paging.Paging;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.UUID;

/** Videos of the coach's athletes waiting for review, oldest first. */
@RestController
class ReviewQueueController {
    private final AccessProjection access;
    private final VideoProjection videos;

    ReviewQueueController(AccessProjection access, VideoProjection videos) {
        this.access = access;
        this.videos = videos;
    }

    @Operation(summary = "Videos of your athletes waiting for review, oldest first (paged: limit, cursor)")
    @GetMapping("/api/v1/me/review-queue")
    Mono<Page<VideoProjection.QueuedVideo>> queue(@AuthenticationPrincipal Jwt jwt,
                                                  @RequestParam(required = false) String limit,
                                                  @RequestParam(required = false) String cursor) {
        UUID coach = CurrentUser.id(jwt);
        int size = Paging.limit(limit);
        return Blocking.call(() -> videos.queue(access.athletesOf(coach), size, cursor));
    }
}
