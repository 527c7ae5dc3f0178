package dev.hinge.coach.review.web;

import dev.hinge.coach.access.AccessProjection;
import dev.hinge.coach.videos.VideoAccess;
import dev.hinge.coach.videos.VideoProjection;
import dev.hinge.coach.videos.VideoProjection.ReviewVideo;
import dev.hinge.kernel.coaching.FaultObservation;
import dev.hinge.kernel.coaching.FormFault;
import dev.hinge.kernel.coaching.VideoReviewedEvent;
import dev.hinge.kernel.common.DomainException;
import dev.hinge.kernel.common.Slugs;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.coach.web.Display;
import dev.hinge.coach.web.PageForms;
import dev.hinge.platform.pages.PageController;
import dev.hinge.platform.pages.PageErrors;
import dev.hinge.platform.problem.InvalidRequestException;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.web.Blocking;
import dev.hinge.platform.web.Params;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The coach's review pages: the queue of videos awaiting review, and one video's review page (the player, the
 * faults marked on its seek bar, the cues they suggest). Marking a fault is a review with that one fault, read and
 * sent by the API's own {@link ReviewController#read} and {@link ReviewController#send}.
 */
@PageController
class ReviewPages {
    static final int QUEUE_SIZE = 100;
    /** The frame rate frame stepping assumes: a phone's default. */
    static final int FRAMES_PER_SECOND = 30;

    private final AccessProjection access;
    private final VideoProjection videos;
    private final VideoAccess videoAccess;
    private final ReviewController reviews;
    private final Clock clock;

    ReviewPages(AccessProjection access, VideoProjection videos, VideoAccess videoAccess, ReviewController reviews,
                Clock clock) {
        this.access = access;
        this.videos = videos;
        this.videoAccess = videoAccess;
        this.reviews = reviews;
        this.clock = clock;
    }

    /** A queued or reviewed video as a page prints it. */
    public record VideoView(UUID videoId, String athleteName, String exercise, String set, boolean uploaded, String url,
                     Instant submittedAt, String submitted) {
        private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
                .withZone(ZoneOffset.UTC);

        static VideoView of(ReviewVideo v) {
            String set = v.loadValue() == null ? null
                    : v.loadValue().stripTrailingZeros().toPlainString() + " " + v.loadUnit()
                    + (v.reps() == null ? "" : " × " + v.reps());
            return new VideoView(v.videoId(), v.athleteName() == null ? "An athlete" : v.athleteName(),
                    new Exercise(v.exercise()).displayName(), set, v.uploaded(), v.url(), v.submittedAt(),
                    WHEN.format(v.submittedAt()));
        }
    }

    /** A fault on the page: its marker, its line in the list, the cues it suggests. */
    public record FaultView(String fault, String label, BigDecimal atSecond, String at, String note, List<String> cues) {
        static FaultView of(String slug, BigDecimal atSecond, String note) {
            List<String> cues = List.of();
            try {
                cues = Slugs.parse(FormFault.class, slug).standardCues();
            } catch (DomainException unknown) {
                // a fault this version does not know: shown by its slug, with no cue to suggest
            }
            return new FaultView(slug, Display.words(slug), atSecond, seconds(atSecond), note, cues);
        }

        static FaultView of(FaultObservation f) {
            return of(Slugs.of(f.fault()), f.atSecond(), f.note());
        }
    }

    /** 1.532 as "1.532", 2 as "2.000": the player's clock shows milliseconds. */
    static String seconds(BigDecimal second) {
        return second == null ? null : second.setScale(3).toPlainString();
    }

    @GetMapping("/coach/reviews")
    Mono<Rendering> queue(@AuthenticationPrincipal Jwt jwt) {
        UUID coach = CurrentUser.id(jwt);
        return Blocking.call(() -> videos.awaitingReview(access.athletesOf(coach), QUEUE_SIZE).stream()
                        .map(VideoView::of).toList())
                .map(items -> Rendering.view("coach/reviews").modelAttribute("videos", items).build());
    }

    @GetMapping("/coach/videos/{videoId}")
    Mono<Rendering> review(@AuthenticationPrincipal Jwt jwt, @PathVariable String videoId) {
        UUID coach = CurrentUser.id(jwt);
        UUID video = Params.pathId("videoId", videoId);
        return Blocking.call(() -> {
            UUID athlete = videoAccess.athleteLettingIn(coach, video);
            ReviewVideo found = videos.reviewVideo(video).orElseThrow();
            List<FaultView> faults = videos.faultsOf(athlete, video).stream()
                    .map(f -> FaultView.of(f.fault(), f.atSecond(), f.note())).toList();
            Map<String, Object> model = new HashMap<>();
            model.put("video", VideoView.of(found));
            model.put("faults", faults);
            model.put("faultOptions", Display.FAULTS);
            model.put("fps", FRAMES_PER_SECOND);
            model.put("faultForm", Map.of());
            model.put("cueForm", Map.of());
            model.put("errors", Map.of());
            return Rendering.view("coach/review").model(model).build();
        });
    }

    /**
     * Marks one fault (form fields {@code fault}, {@code atSecond}, {@code note}): a review with that fault. Answers
     * the fault form again, emptied, with the new marker and list line swapped in out of band; or the form as sent
     * with its errors under the API's field names ({@code faults[0].atSecond}) and nothing recorded.
     */
    @PostMapping("/coach/videos/{videoId}/faults")
    Mono<Rendering> markFault(@AuthenticationPrincipal Jwt jwt, @PathVariable String videoId,
                              ServerWebExchange exchange) {
        UUID coach = CurrentUser.id(jwt);
        UUID video = Params.pathId("videoId", videoId);
        return exchange.getFormData().flatMap(form -> Blocking.call(() -> {
            videoAccess.athleteLettingIn(coach, video);
            return videos.reviewVideo(video).orElseThrow();
        }).flatMap(found -> {
            Map<String, String> values = PageForms.values(form, "fault", "atSecond", "note");
            ReviewController.Review review;
            try {
                BigDecimal atSecond = PageForms.decimal("faults[0].atSecond", values.get("atSecond"));
                review = ReviewController.read(found.athleteId().toString(), videoId,
                        new ReviewController.ReviewRequest(null, List.of(new ReviewController.FaultBody(
                                values.get("fault"), atSecond, values.get("note"))), null, null, null),
                        clock.instant());
            } catch (InvalidRequestException invalid) {
                return Mono.just(faultForm(VideoView.of(found), values, PageErrors.of(invalid)));
            }
            return reviews.send(coach, review, UUID.randomUUID())
                    .map(reviewed -> marked(VideoView.of(found), reviewed));
        }));
    }

    private static Rendering faultForm(VideoView video, Map<String, String> values, Map<String, String> errors) {
        return Rendering.view("coach/review :: fault-form").status(HttpStatus.UNPROCESSABLE_ENTITY)
                .modelAttribute("video", video)
                .modelAttribute("faultOptions", Display.FAULTS)
                .modelAttribute("faultForm", values)
                .modelAttribute("errors", errors)
                .build();
    }

    private static Rendering marked(VideoView video, VideoReviewedEvent reviewed) {
        List<FaultView> added = reviewed.faults().stream().map(FaultView::of).toList();
        String marked = added.stream().map(f -> f.label() + (f.at() == null ? "" : " at " + f.at() + " s"))
                .collect(Collectors.joining(", "));
        return Rendering.view("coach/review-fault-marked")
                .modelAttribute("video", video)
                .modelAttribute("faultOptions", Display.FAULTS)
                .modelAttribute("faultForm", Map.of())
                .modelAttribute("errors", Map.of())
                .modelAttribute("added", added)
                .modelAttribute("marked", "Marked: " + marked + ".")
                .build();
    }
}
