package dev.hinge.coach.offers.web;

import dev.hinge.coach.web.Display;
import dev.hinge.kernel.common.DomainException;
import dev.hinge.kernel.common.ErrorCode;
import dev.hinge.platform.security.CurrentUser;
import dev.hinge.platform.web.Blocking;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import dev.hinge.platform.pages.PageController;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The offers of access waiting for the coach, on the roster page (as a fragment it loads) or a page of their own,
 * each with an accept button that accepts exactly as {@code POST /api/v1/me/offers/{id}/accept} does.
 */
@PageController
class OfferPages {
    static final int SHOWN = 50;

    private final Offers offers;
    private final Clock clock;

    OfferPages(Offers offers, Clock clock) {
        this.offers = offers;
        this.clock = clock;
    }

    record Shown(UUID offerId, String name, String at) {
    }

    @GetMapping("/coach/offers")
    Mono<Rendering> offers(@AuthenticationPrincipal Jwt jwt,
                           @RequestHeader(name = "HX-Request", required = false) String htmx) {
        return shown(CurrentUser.id(jwt), null, null, htmx);
    }

    @PostMapping("/coach/offers/{offerId}/accept")
    Mono<Rendering> accept(@AuthenticationPrincipal Jwt jwt, @PathVariable String offerId,
                           @RequestHeader(name = "HX-Request", required = false) String htmx) {
        UUID coach = CurrentUser.id(jwt);
        UUID offer;
        try {
            offer = UUID.fromString(offerId);
        } catch (IllegalArgumentException e) {
            return shown(coach, null, "That offer is no longer open.", htmx);
        }
        return offers.accept(coach, offer, clock.instant())
                .flatMap(accepted -> htmx == null ? Mono.just(Rendering.redirectTo("/coach/").build())
                        : shown(coach, offer, "Offer accepted: the athlete joins your roster in a moment.", htmx))
                .onErrorResume(DomainException.class, e -> e.code() == ErrorCode.NOT_FOUND
                        ? shown(coach, null, "That offer is no longer open.", htmx) : Mono.error(e));
    }

    /** The open offers but {@code accepted} (just accepted: the read model may not know yet), and a notice. */
    private Mono<Rendering> shown(UUID coach, UUID accepted, String notice, String htmx) {
        return Blocking.call(() -> offers.open(coach, 0, SHOWN)).map(open -> {
            List<Shown> items = open.stream().filter(o -> !o.offerId().equals(accepted)).map(o -> new Shown(o.offerId(),
                    o.displayName() == null ? "An athlete" : o.displayName(), Display.when(o.at()))).toList();
            return Rendering.view(htmx == null ? "coach/offers" : "coach/offers :: offers")
                    .modelAttribute("offers", items)
                    .modelAttribute("notice", notice == null ? "" : notice)
                    .build();
        });
    }
}
