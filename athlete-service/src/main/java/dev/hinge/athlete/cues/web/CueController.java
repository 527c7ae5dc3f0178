package dev.hinge.athlete.cues.web;

import dev.hinge.athlete.cues.query.CueProjection;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.web.Blocking;
import dev.hinge.platform.paging.Page;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The cues the athlete carries into their next sets. */
@RestController
class CueController {
    private final CueProjection cues;

    CueController(CueProjection cues) {
        this.cues = cues;
    }

    /** Active cues are few (a coach gives a handful); the list is one page. */
    @Operation(summary = "The cues now active, newest first, every exercise (one page: next is null)")
    @GetMapping("/api/v1/me/cues")
    Mono<Page<CueProjection.CueView>> cues(@AuthenticationPrincipal Jwt jwt) {
        return Blocking.call(() -> new Page<>(cues.active(CurrentUser.id(jwt)), null));
    }
}
