package dev.hinge.coach.review.web;

import dev.hinge.coach.access.AccessProjection;
import dev.hinge.coach.web.Answers;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.common.DomainException;
import dev.hinge.kernel.common.Text;
import dev.hinge.platform.idempotency.Idempotency;
import dev.hinge.platform.problem.RequestFields;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.web.Blocking;
import dev.hinge.platform.web.Commands;
import dev.hinge.platform.web.Params;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.ArrayList;
import java.util.List;

import dev.hinge.coach.videos.VideoProjection;
import dev.hinge.kernel.coaching.BarOffset;
import dev.hinge.kernel.coaching.FaultObservation;
import dev.hinge.kernel.coaching.FormFault;
import dev.hinge.kernel.coaching.Relationships;
import dev.hinge.kernel.coaching.ReviewId;
import dev.hinge.kernel.coaching.ReviewVideoCommand;
import dev.hinge.kernel.coaching.VideoReviewedEvent;
import dev.hinge.kernel.common.Slugs;
import dev.hinge.kernel.training.VideoId;

/** Review an athlete's video: the faults seen (each at a moment of the video), bar offset, notes; cues are suggested. */
@RestController
class ReviewController {
    private final Commands commands;
    private final AccessProjection access;
    private final VideoProjection videos;
    private final Idempotency idempotency;
    private final Clock clock;

    ReviewController(Commands commands, AccessProjection access, VideoProjection videos, Idempotency idempotency,
                     Clock clock) {
        this.commands = commands;
        this.access = access;
        this.videos = videos;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    record FaultBody(String fault, BigDecimal atSecond, String note) {
    }

    @Schema(example = """
            {"faults": [{"fault": "hips_rise_too_fast", "atSecond": 2, "note": "shoulders drop, lower back rounds"},
                        {"fault": "bar_drifts_forward"}],
             "barOffsetInches": 3, "notes": "Form first, then load.", "at": "2026-09-30T12:00:00Z"}""")
    record ReviewRequest(UUID id, List<FaultBody> faults, BigDecimal barOffsetInches, String notes, String at) {
    }

    /** The answer: the review, with the cues its faults suggest (not assigned yet). */
    @Schema(example = """
            {"id": "ae38d47e-3faa-4ece-b98c-8742dc13d427", "videoId": "9c49c5dc-c9e1-33b9-9ea1-9bb6d45815e6",
             "faults": [{"fault": "hips_rise_too_fast", "atSecond": 2, "note": "shoulders drop, lower back rounds"},
                        {"fault": "bar_drifts_forward", "atSecond": null, "note": null}],
             "barOffsetInches": 3, "notes": "Form first, then load.",
             "suggestedCues": ["chest up", "push the floor away", "drag the bar up your legs"],
             "athleteId": "18c0ed1c-007a-481c-9ad2-cfafa76bf106"}""")
    record ReviewAnswer(UUID id, UUID videoId, List<FaultBody> faults, BigDecimal barOffsetInches, String notes,
                        List<String> suggestedCues, UUID athleteId) {
    }

    @Operation(summary = "Review a video: the faults seen, the bar's offset from mid-foot, notes", description = """
            `faults` is required (empty when none was seen); each fault may name the second of the video it shows at. \
            The answer suggests the faults' standard cues: assign the ones you want. A video that is not this \
            athlete's (or not known here yet) is a 404.""")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ReviewAnswer.class)))
    @PostMapping("/api/v1/athletes/{athleteId}/videos/{videoId}/reviews")
    Mono<ResponseEntity<?>> review(@AuthenticationPrincipal Jwt jwt, @PathVariable String athleteId,
                                   @PathVariable String videoId, @RequestBody ReviewRequest request,
                                   @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return Blocking.defer(() -> review(CurrentUser.id(jwt), athleteId, videoId, request, key));
    }

    private Mono<ResponseEntity<?>> review(UUID coach, String athleteId, String videoId, ReviewRequest request, String key) {
        Review review = read(athleteId, videoId, request, clock.instant());
        String route = "POST /api/v1/athletes/" + review.athlete() + "/videos/" + review.video() + "/reviews";
        return idempotency.execute(coach.toString(), key, route, request, () -> send(coach, review,
                Idempotency.idFor(request.id(), coach, key, "review"))
                .map(reviewed -> Answers.created(reviewed, Map.of("athleteId", review.athlete()))));
    }

    /** A review request read and checked: what the command is made of. */
    record Review(UUID athlete, UUID video, List<FaultObservation> faults, BigDecimal barOffsetInches, String notes,
                  Instant at) {
    }

    /**
     * The one reading of a review request, for the API and the review page alike: each field checked, a refusal
     * naming the API's field ({@code faults[0].atSecond}); {@code now} when the request names no {@code at}.
     */
    static Review read(String athleteId, String videoId, ReviewRequest request, Instant now) {
        RequestFields fields = new RequestFields();
        UUID athlete = fields.required("athleteId", athleteId, Params::uuid);
        UUID video = fields.required("videoId", videoId, Params::uuid);
        List<FaultObservation> faults = new ArrayList<>();
        if (request.faults() == null) {
            fields.reject("faults", "is required (an empty list when no fault was seen)");
        } else {
            for (int i = 0; i < request.faults().size(); i++) {
                FaultBody body = request.faults().get(i);
                String field = "faults[" + i + "]";
                if (body == null) {
                    fields.reject(field, "is required");
                    continue;
                }
                FormFault fault = fields.required(field + ".fault", body.fault(), f -> Slugs.parse(FormFault.class, f));
                FaultObservation observation = fault == null ? null
                        : fields.optional(field, fault, f -> FaultObservation.of(f, body.atSecond(), body.note()));
                if (observation != null) {
                    faults.add(observation);
                }
            }
        }
        BigDecimal offset = fields.optional("barOffsetInches", request.barOffsetInches(), BarOffset::inches);
        String notes = fields.optional("notes", request.notes(), n -> Text.optional(n, Answers.MAX_NOTES));
        Instant at = Params.happenedAt(fields, "at", request.at(), now);
        fields.validate();
        return new Review(athlete, video, faults, offset, notes, at);
    }

    /** Records {@code review} for {@code coach}: 404 unless the athlete lets the coach in and the video is theirs. */
    Mono<VideoReviewedEvent> send(UUID coach, Review review, UUID reviewId) {
        return Blocking.call(() -> {
            access.require(coach, review.athlete());
            if (!videos.isVideoOf(review.video(), review.athlete())) {
                throw DomainException.notFound("No video " + review.video() + " of this athlete");
            }
            return Relationships.idOf(new CoachId(coach), new AthleteId(review.athlete()));
        }).flatMap(relationship -> commands.<VideoReviewedEvent>send(new ReviewVideoCommand(relationship,
                new ReviewId(reviewId), new VideoId(review.video()), review.faults(), review.barOffsetInches(),
                review.notes(), review.at())));
    }
}
