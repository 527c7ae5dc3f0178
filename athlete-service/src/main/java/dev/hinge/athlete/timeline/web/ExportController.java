package dev.hinge.athlete.timeline.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hinge.athlete.access.CoachesGrantedProjection;
import dev.hinge.readside.timeline.TimelineProjection;
import dev.hinge.kernel.account.Role;
import dev.hinge.kernel.timeline.TimelineItem;
import dev.hinge.platform.account.Account;
import dev.hinge.platform.account.AccountStore;
import dev.hinge.readside.export.TimelineExport;
import dev.hinge.platform.problem.InvalidRequestException;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.web.Blocking;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything about the athlete, theirs to take away: as JSON (the account, the coaches with access now, and every
 * timeline item: sets, videos, pain, red flags, grants and revokes, reviews, cues, deloads, clearances), or the sets
 * as CSV. Both are streamed from the read models a page at a time ({@link TimelineExport}).
 */
@RestController
class ExportController {
    private static final int MAX_COACHES = 1000;

    private final TimelineProjection timeline;
    private final CoachesGrantedProjection coaches;
    private final AccountStore accounts;
    private final ObjectMapper json;
    private final Clock clock;

    ExportController(TimelineProjection timeline, CoachesGrantedProjection coaches, AccountStore accounts,
                     ObjectMapper json, Clock clock) {
        this.timeline = timeline;
        this.coaches = coaches;
        this.accounts = accounts;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/api/v1/me/export")
    Mono<ResponseEntity<Flux<DataBuffer>>> export(@AuthenticationPrincipal Jwt jwt,
                                                  @RequestParam(required = false) String format) {
        UUID athlete = CurrentUser.id(jwt);
        Instant now = clock.instant();
        Flux<TimelineItem> items = TimelineExport.items(timeline.store(), athlete, null);
        if ("csv".equals(format)) {
            return Mono.just(TimelineExport.setsCsv("hinge-sets", now, items));
        }
        if (format != null && !"json".equals(format)) {
            return Mono.error(InvalidRequestException.of("format", "must be json or csv"));
        }
        Flux<String> document = Blocking.call(() -> opening(athlete, now)).flatMapMany(opening -> Flux.concat(
                Flux.just(opening),
                items.index().map(item -> (item.getT1() == 0 ? "" : ",") + write(item.getT2())),
                Flux.just("]}")));
        return Mono.just(TimelineExport.download("hinge-export", now, "json", MediaType.APPLICATION_JSON, document));
    }

    /** The document up to the opening of its timeline list. */
    private String opening(UUID athlete, Instant now) {
        Account account = accounts.find(Role.ATHLETE, athlete).orElseThrow();
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("exportedAt", now);
        head.put("account", Map.of("id", account.id(), "email", account.email(), "displayName", account.displayName(),
                "role", "athlete"));
        List<CoachesGrantedProjection.CoachGranted> granted = coaches.page(athlete, 0, MAX_COACHES);
        head.put("coaches", granted);
        String written = write(head);
        return written.substring(0, written.length() - 1) + ",\"timeline\":[";
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
