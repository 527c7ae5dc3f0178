package dev.hinge.athlete.videos.web;

import dev.hinge.athlete.videos.UploadedParts;
import dev.hinge.athlete.videos.VideoUploads;

import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.Text;
import dev.hinge.kernel.timeline.Timeline;
import dev.hinge.kernel.training.AttachVideoCommand;
import dev.hinge.kernel.training.SetId;
import dev.hinge.kernel.training.VideoAttachedEvent;
import dev.hinge.kernel.training.VideoId;
import dev.hinge.kernel.training.VideoUrl;
import dev.hinge.platform.idempotency.Idempotency;
import dev.hinge.platform.problem.RequestFields;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.videos.VideoKey;
import dev.hinge.platform.videos.VideoPlayback;
import dev.hinge.platform.web.Blocking;
import dev.hinge.platform.web.Commands;
import dev.hinge.platform.web.Params;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static dev.hinge.athlete.web.LogRequests.MAX_NOTES;

/**
 * Footage of a set already logged, for the coaches to review: a link to it (JSON), or the video itself
 * ({@code multipart/form-data}), which the athlete then plays from here and their coaches from coach-service.
 */
@RestController
class VideoController {
    private final Commands commands;
    private final Clock clock;
    private final Idempotency idempotency;
    private final VideoUploads uploads;
    private final VideoPlayback playback;

    VideoController(Commands commands, Clock clock, Idempotency idempotency, VideoUploads uploads, VideoPlayback playback) {
        this.commands = commands;
        this.clock = clock;
        this.idempotency = idempotency;
        this.uploads = uploads;
        this.playback = playback;
    }

    @Schema(example = """
            {"url": "https://example.com/mark-365-side.mp4", "note": "side view"}""")
    record AttachVideoRequest(UUID id, String url, String note, String at) {
    }

    @Schema(example = """
            {"id": "22c96034-57a6-4516-9834-238913ebae8d", "setId": "1a315b0f-37d3-4891-8b50-be3bccda1576",
             "url": "https://example.com/mark-365-side.mp4", "note": "side view"}""")
    record VideoAnswer(UUID id, UUID setId, String url, String note) {
    }

    @Operation(summary = "Attach a video to a set already logged, for the coaches to review",
            description = "A set that is not this athlete's is a 404.")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = VideoAnswer.class)))
    @PostMapping("/api/v1/me/sets/{setId}/videos")
    Mono<ResponseEntity<?>> attachVideo(@AuthenticationPrincipal Jwt jwt, @PathVariable String setId,
                                        @RequestBody AttachVideoRequest request,
                                        @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        return Blocking.defer(() -> attachVideo(CurrentUser.id(jwt), setId, request, key));
    }

    private Mono<ResponseEntity<?>> attachVideo(UUID athlete, String setId, AttachVideoRequest request, String key) {
        RequestFields fields = new RequestFields();
        UUID set = fields.required("setId", setId, Params::uuid);
        VideoUrl url = fields.required("url", request.url(), VideoUrl::of);
        String note = fields.optional("note", request.note(), n -> Text.optional(n, MAX_NOTES));
        Instant at = Params.happenedAt(fields, "at", request.at(), clock.instant());
        fields.validate();
        AttachVideoCommand command = new AttachVideoCommand(new AthleteId(athlete),
                new VideoId(Idempotency.idFor(request.id(), athlete, key, "video")), new SetId(set), url, note, at);
        return idempotency.execute(athlete.toString(), key, "POST /api/v1/me/sets/" + set + "/videos", request,
                () -> commands.<VideoAttachedEvent>send(command).map(VideoController::created));
    }

    /**
     * An upload: read, checked, kept and recorded by {@link VideoUploads} (the athlete's set form uses the same). A
     * repeat of an Idempotency-Key with the same file and fields gets the first answer, and the second copy is dropped.
     */
    @PostMapping(path = "/api/v1/me/sets/{setId}/videos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Mono<ResponseEntity<?>> uploadVideo(@AuthenticationPrincipal Jwt jwt, @PathVariable String setId,
                                        @RequestBody Flux<PartEvent> parts, ServerHttpRequest request,
                                        @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        UUID athlete = CurrentUser.id(jwt);
        UUID set = Params.pathId("setId", setId);
        return uploads.receive(parts, request.getHeaders().getContentLength(), UploadedParts.API_FIELDS, false,
                upload -> Blocking.defer(() -> record(athlete, set, upload, key)));
    }

    private Mono<ResponseEntity<?>> record(UUID athlete, UUID set, UploadedParts.Upload upload, String key) {
        RequestFields fields = new RequestFields();
        String note = fields.optional("note", upload.fields().get("note"), n -> Text.optional(n, MAX_NOTES));
        Instant at = Params.happenedAt(fields, "at", upload.fields().get("at"), clock.instant());
        fields.validate();
        VideoId video = new VideoId(Idempotency.idFor(null, athlete, key, "video"));
        Map<String, Object> fingerprint = new LinkedHashMap<>(upload.fields());
        fingerprint.put("file", upload.sha256());
        return idempotency.execute(athlete.toString(), key, "POST /api/v1/me/sets/" + set + "/videos", fingerprint,
                () -> uploads.attach(athlete, video, set, upload, note, at).map(VideoController::created));
    }

    /** The athlete's own uploaded video; another athlete's id, or a linked video's, is not found. */
    @GetMapping("/api/v1/videos/{videoId}")
    Mono<ResponseEntity<Flux<DataBuffer>>> play(@AuthenticationPrincipal Jwt jwt, @PathVariable String videoId,
                                                ServerHttpRequest request) {
        VideoKey key = new VideoKey(new AthleteId(CurrentUser.id(jwt)), new VideoId(Params.pathId("videoId", videoId)));
        return playback.play(key, request);
    }

    private static ResponseEntity<?> created(VideoAttachedEvent video) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Timeline.describe(video).orElseThrow().data());
    }
}
