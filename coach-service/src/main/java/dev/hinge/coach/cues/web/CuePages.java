package dev.hinge.coach.cues.web;

import dev.hinge.coach.videos.VideoAccess;
import dev.hinge.coach.videos.VideoProjection;
import dev.hinge.coach.web.Display;
import dev.hinge.coach.web.PageForms;
import dev.hinge.kernel.common.DomainException;
import dev.hinge.platform.pages.PageController;
import dev.hinge.platform.pages.PageErrors;
import dev.hinge.platform.problem.InvalidRequestException;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.web.Blocking;
import dev.hinge.platform.web.Params;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * The review page's cue form and its one-click suggested cues: a cue at a moment of the video, for the video's
 * exercise, read and sent by the API's own {@link CueController#read} and {@link CueController#send}.
 */
@PageController
class CuePages {
    private final VideoAccess videoAccess;
    private final VideoProjection videos;
    private final CueController cues;
    private final Clock clock;

    CuePages(VideoAccess videoAccess, VideoProjection videos, CueController cues, Clock clock) {
        this.videoAccess = videoAccess;
        this.videos = videos;
        this.cues = cues;
        this.clock = clock;
    }

    /**
     * Assigns a cue (form fields {@code text}, {@code fault}, {@code atSecond}) on the video's exercise. Answers the
     * cue form again, emptied and saying what was assigned; or as sent, with its errors under the API's field names.
     */
    @PostMapping("/coach/videos/{videoId}/cues")
    Mono<Rendering> assign(@AuthenticationPrincipal Jwt jwt, @PathVariable String videoId, ServerWebExchange exchange) {
        UUID coach = CurrentUser.id(jwt);
        UUID video = Params.pathId("videoId", videoId);
        return exchange.getFormData().flatMap(form -> Blocking.call(() -> {
            videoAccess.athleteLettingIn(coach, video);
            return videos.reviewVideo(video).orElseThrow();
        }).flatMap(found -> {
            Map<String, String> values = PageForms.values(form, "text", "fault", "atSecond");
            CueController.Cue cue;
            try {
                BigDecimal atSecond = PageForms.decimal("atSecond", values.get("atSecond"));
                cue = CueController.read(found.athleteId().toString(), new CueController.CueRequest(null,
                        values.get("text"), found.exercise(), values.get("fault"), video, atSecond, null), clock.instant());
            } catch (InvalidRequestException invalid) {
                return Mono.just(cueForm(video, values, PageErrors.of(invalid), null));
            }
            return cues.send(coach, cue, UUID.randomUUID())
                    .map(assigned -> cueForm(video, Map.of(), Map.of(), assigned.text()))
                    .onErrorResume(DomainException.class, e -> e.field() == null ? Mono.error(e)
                            : Mono.just(cueForm(video, values, Map.of(e.field(), e.getMessage()), null)));
        }));
    }

    private static Rendering cueForm(UUID video, Map<String, String> values, Map<String, String> errors, String assigned) {
        Rendering.Builder<?> view = Rendering.view("coach/review :: cue-form")
                .modelAttribute("video", Map.of("videoId", video))
                .modelAttribute("faultOptions", Display.FAULTS)
                .modelAttribute("cueForm", values)
                .modelAttribute("errors", errors);
        if (assigned != null) {
            view.modelAttribute("assigned", assigned);
        }
        if (!errors.isEmpty()) {
            view.status(HttpStatus.UNPROCESSABLE_ENTITY);
        }
        return view.build();
    }
}
