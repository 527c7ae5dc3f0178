package dev.hinge.coach.timeline.web;

import dev.hinge.coach.access.AccessProjection;
import dev.hinge.readside.progress.ProgressProjection;
import dev.hinge.coach.roster.AthleteNames;
import dev.hinge.readside.timeline.TimelineProjection;
import dev.hinge.kernel.progress.ProgressView;
import dev.hinge.kernel.timeline.TimelineItem;
import dev.hinge.readside.export.TimelineExport;
import dev.hinge.platform.problem.InvalidRequestException;
import dev.hinge.readside.progress.ProgressQuery;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.web.Blocking;
import dev.hinge.platform.web.Params;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * What a coach hands on about an athlete who granted them access: the sets as CSV (streamed a page at a time), and a
 * one-page progress summary of one exercise a physiotherapist can read and print. Anyone else gets 404.
 */
@RestController
class AthleteExportController {
    /** The summary lists the last eight weeks of the exercise, at most this many entries, so it fits one page. */
    static final Duration SUMMARY_PERIOD = Duration.ofDays(56);
    static final int SUMMARY_ENTRIES = 40;

    private final AccessProjection access;
    private final TimelineProjection timeline;
    private final ProgressProjection progress;
    private final AthleteNames names;
    private final Clock clock;

    AthleteExportController(AccessProjection access, TimelineProjection timeline, ProgressProjection progress,
                            AthleteNames names, Clock clock) {
        this.access = access;
        this.timeline = timeline;
        this.progress = progress;
        this.names = names;
        this.clock = clock;
    }

    @GetMapping("/api/v1/athletes/{athleteId}/export")
    Mono<ResponseEntity<Flux<DataBuffer>>> export(@AuthenticationPrincipal Jwt jwt, @PathVariable String athleteId,
                                                  @RequestParam(required = false) String format) {
        UUID coach = CurrentUser.id(jwt);
        UUID athlete = Params.pathId("athleteId", athleteId);
        if (!"csv".equals(format)) {
            return Mono.error(InvalidRequestException.of("format", "must be csv (the sets)"));
        }
        Instant now = clock.instant();
        return Blocking.call(() -> {
            access.require(coach, athlete);
            return TimelineExport.setsCsv("hinge-sets-" + athlete, now, TimelineExport.items(timeline.store(), athlete, null));
        });
    }

    @ApiResponse(responseCode = "200", description = "A one-page printable HTML summary",
            content = @Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string")))
    @GetMapping(path = "/api/v1/athletes/{athleteId}/summary", produces = MediaType.TEXT_HTML_VALUE)
    Mono<ResponseEntity<String>> summary(@AuthenticationPrincipal Jwt jwt, @PathVariable String athleteId,
                                         @RequestParam(required = false) String exercise,
                                         @RequestParam(required = false) String asOf) {
        UUID coach = CurrentUser.id(jwt);
        UUID athlete = Params.pathId("athleteId", athleteId);
        ProgressQuery query = ProgressQuery.parse(exercise, asOf, clock.instant());
        return Blocking.call(() -> {
            access.require(coach, athlete);
            String name = names.of(athlete).orElse("");
            ProgressView view = progress.progress(athlete, query.exercise(), query.asOf());
            List<TimelineItem> recent = timeline.store().page(athlete, query.exercise().slug(),
                    query.asOf().minus(SUMMARY_PERIOD), null, query.asOf(), 1000, null).items();
            List<TimelineItem> shown = recent.subList(Math.max(0, recent.size() - SUMMARY_ENTRIES), recent.size());
            String html = ProgressSummary.html(name, view, shown, recent.size() - shown.size(), query.asOf());
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("hinge-summary-"
                            + athlete + "-" + view.exercise() + "-" + LocalDate.ofInstant(query.asOf(), ZoneOffset.UTC)
                            + ".html").build().toString())
                    .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(html);
        });
    }
}
