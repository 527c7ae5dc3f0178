package dev.hinge.coach.offers.web;

import dev.hinge.coach.offers.query.OfferProjection;
import dev.hinge.coach.roster.AthleteNames;
import dev.hinge.kernel.access.AcceptCoachAccessOfferCommand;
import dev.hinge.kernel.access.AccessOfferId;
import dev.hinge.kernel.account.Role;
import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;
import dev.hinge.kernel.common.DomainException;
import dev.hinge.platform.account.AccountStore;
import dev.hinge.platform.idempotency.Idempotency;
import dev.hinge.platform.paging.Page;
import dev.hinge.platform.paging.Paging;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.security.EmailDigests;
import dev.hinge.platform.web.Blocking;
import dev.hinge.platform.web.Commands;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Offers of access athletes addressed to this coach's email: only the coach with that address sees them, and access
 * follows when they accept (athlete-service grants it a moment later). An offer to anyone else is 404.
 */
@RestController
class OfferController {
    private final OfferProjection offers;
    private final AthleteNames names;
    private final AccountStore accounts;
    private final EmailDigests digests;
    private final Commands commands;
    private final Idempotency idempotency;
    private final Clock clock;

    OfferController(OfferProjection offers, AthleteNames names, AccountStore accounts, EmailDigests digests,
                    Commands commands, Idempotency idempotency, Clock clock) {
        this.offers = offers;
        this.names = names;
        this.accounts = accounts;
        this.digests = digests;
        this.commands = commands;
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
        return Blocking.call(() -> {
            List<OfferItem> items = offers.open(digest(coach), offset, size + 1).stream()
                    .map(o -> new OfferItem(o.offerId(), o.athleteId(), names.of(o.athleteId()).orElse(null), o.at()))
                    .toList();
            return Paging.page(items, offset, size);
        });
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
                Blocking.call(() -> offers.open(offer, digest(coach)).orElseThrow(() ->
                                DomainException.notFound("No open offer " + offer + " to this coach")))
                        .flatMap(open -> commands.send(new AcceptCoachAccessOfferCommand(new CoachId(coach),
                                        new AccessOfferId(open.offerId()), new AthleteId(open.athleteId()), at))
                                .thenReturn(ResponseEntity.status(HttpStatus.ACCEPTED)
                                        .body(new Accepted(open.offerId(), open.athleteId(), at)))));
    }

    private String digest(UUID coach) {
        return digests.of(accounts.find(Role.COACH, coach).orElseThrow().email());
    }
}
