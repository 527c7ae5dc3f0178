package dev.hinge.coach.offers.web;

import dev.hinge.platform.idempotency.Idempotency;
import dev.hinge.platform.paging.Page;
import dev.hinge.platform.paging.Paging;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.web.Blocking;
import dev.hinge.platform.web.Params;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Offers of access athletes addressed to this coach's email: only the coach with that address sees them, and access
 * follows when they accept (athlete-service grants it a moment later). An offer to anyone else is 404.
 */
@RestController
class OfferController {
    private final Offers offers;
    private final Idempotency idempotency;
    private final Clock clock;

    OfferController(Offers offers, Idempotency idempotency, Clock clock) {
        this.offers = offers;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    record OfferItem(UUID offerId, UUID athleteId, String displayName, Instant at) {
    }

    @GetMapping("/api/v1/me/offers")
    Mono<Page<OfferItem>> offers(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String limit,
                                 @RequestParam(required = false) String cursor) {
        UUID coach = CurrentUser.id(jwt);
        int size = Paging.limit(limit);
        int offset = Paging.offset(cursor);
        return Blocking.call(() -> Paging.page(offers.open(coach, offset, size + 1), offset, size));
    }

    /** The accepted offer: access follows once athlete-service's offer policy grants it. */
    record Accepted(UUID offerId, UUID athleteId, Instant at) {
    }

    @ApiResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = Accepted.class)))
    @PostMapping("/api/v1/me/offers/{offerId}/accept")
    Mono<ResponseEntity<?>> accept(@AuthenticationPrincipal Jwt jwt, @PathVariable String offerId,
                                   @RequestHeader(name = Idempotency.HEADER, required = false) String key) {
        UUID coach = CurrentUser.id(jwt);
        UUID offer = Params.pathId("offerId", offerId);
        Instant at = clock.instant();
        return idempotency.execute(coach.toString(), key, "POST /api/v1/me/offers/" + offer + "/accept", Map.of(), () ->
                offers.accept(coach, offer, at).map(accepted -> ResponseEntity.status(HttpStatus.ACCEPTED).body(accepted)));
    }
}
