package dev.hinge.coach.invites.web;

import dev.hinge.platform.idempotency.Idempotency;
import dev.hinge.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.UUID;

/**
 * A coach's invite code, for athletes to find them by: given out on first asking, replaced on request (the old code
 * stops working, e.g. once a shared link has spread further than meant). The code lets an athlete grant this coach
 * access; it opens nothing of anyone's.
 */
@RestController
class InviteController {
    private final InviteCodes codes;
    private final Idempotency idempotency;

    InviteController(InviteCodes codes, Idempotency idempotency) {
        this.codes = codes;
        this.idempotency = idempotency;
    }

    /** {@code url}: the athlete page that grants with this code; a path unless {@code hinge.invites.link-base} is set. */
    record Invite(String code, String url) {
    }

    @GetMapping("/api/v1/me/invite")
    Mono<Invite> invite(@AuthenticationPrincipal Jwt jwt) {
        return codes.issue(CurrentUser.id(jwt), false);
    }

    @ApiResponse(responseCode = "200", description = "The new code; the old one stops working",
            content = @Content(schema = @Schema(implementation = Invite.class)))
    @PostMapping("/api/v1/me/invite")
    Mono<ResponseEntity<?>> replace(@AuthenticationPrincipal Jwt jwt,
                                    @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        UUID coach = CurrentUser.id(jwt);
        return idempotency.execute(coach.toString(), key, "POST /api/v1/me/invite", Map.of(),
                () -> codes.issue(coach, true).map(ResponseEntity::ok));
    }
}
