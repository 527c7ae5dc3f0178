package dev.hinge.athlete.cues.web;

import dev.hinge.athlete.cues.query.CueProjection;
import dev.hinge.athlete.web.HomeSection;
import dev.hinge.kernel.common.Slugs;
import dev.hinge.kernel.timeline.TimelineItem;
import dev.hinge.kernel.timeline.TimelineItemType;
import dev.hinge.platform.pages.PageController;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.web.Blocking;
import dev.hinge.readside.timeline.TimelineProjection;
import dev.hinge.readside.timeline.TimelineUpdates.Recorded;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The cue panel at the top of the athlete's home page, large: what the coach wants them to think of on the next pull
 * (the active cues), and the loads a coach scaled them back to (a deload stands until a clearance for its exercise).
 * The home page asks for it again ({@code GET /athlete/cues}) when its live timeline says a coach changed either.
 */
@PageController
class CuePages implements HomeSection {
    /** How far back the panel looks for a deload still standing. */
    private static final int DELOAD_LOOKBACK = 500;
    private static final String DELOAD = Slugs.of(TimelineItemType.DELOAD_PRESCRIBED);
    private static final String CLEARANCE = Slugs.of(TimelineItemType.CLEARANCE_GIVEN);

    private final CueProjection cues;
    private final TimelineProjection timeline;

    CuePages(CueProjection cues, TimelineProjection timeline) {
        this.cues = cues;
        this.timeline = timeline;
    }

    @GetMapping("/athlete/cues")
    Mono<Rendering> panel(@AuthenticationPrincipal Jwt jwt) {
        return model(CurrentUser.id(jwt)).map(model -> Rendering.view("athlete/cues :: panel").model(model).build());
    }

    @Override
    public Mono<Map<String, Object>> model(UUID athlete) {
        return Blocking.call(() -> {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("cues", cues.active(athlete));
            model.put("deloads", deloads(timeline.store().newestFirst(athlete, null, 0, DELOAD_LOOKBACK)));
            return model;
        });
    }

    /** The newest deload of each exercise that no clearance came after, newest first. */
    private static List<TimelineItem> deloads(List<Recorded> newestFirst) {
        Set<Object> decided = new HashSet<>();
        List<TimelineItem> standing = new ArrayList<>();
        for (Recorded recorded : newestFirst) {
            TimelineItem item = recorded.item();
            boolean deload = DELOAD.equals(item.type());
            if ((deload || CLEARANCE.equals(item.type())) && decided.add(item.data().get("exercise")) && deload) {
                standing.add(item);
            }
        }
        return standing;
    }
}
