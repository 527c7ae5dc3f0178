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
import dev.hinge.platform.security.EmailDigests;
import dev.hinge.platform.web.Blocking;
import dev.hinge.platform.web.Commands;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The offers addressed to a coach's email and their acceptance, as the API routes and the coach's roster page both
 * read and accept them: only the coach with that address sees an offer; any other is "not found".
 */
@Component
class Offers {
    private final OfferProjection offers;
    private final AthleteNames names;
    private final AccountStore accounts;
    private final EmailDigests digests;
    private final Commands commands;

    Offers(OfferProjection offers, AthleteNames names, AccountStore accounts, EmailDigests digests, Commands commands) {
        this.offers = offers;
        this.names = names;
        this.accounts = accounts;
        this.digests = digests;
        this.commands = commands;
    }

    /** Up to {@code rows} open offers to this coach from {@code offset} on, oldest first, with the athlete's name (blocking). */
    List<OfferController.OfferItem> open(UUID coach, int offset, int rows) {
        return offers.open(digest(coach), offset, rows).stream()
                .map(o -> new OfferController.OfferItem(o.offerId(), o.athleteId(), names.of(o.athleteId()).orElse(null), o.at()))
                .toList();
    }

    /** Accepts the open offer {@code offer} to this coach at {@code at}: "not found" unless there is one. */
    Mono<OfferController.Accepted> accept(UUID coach, UUID offer, Instant at) {
        return Blocking.call(() -> offers.open(offer, digest(coach)).orElseThrow(() ->
                        DomainException.notFound("No open offer " + offer + " to this coach")))
                .flatMap(open -> commands.send(new AcceptCoachAccessOfferCommand(new CoachId(coach),
                                new AccessOfferId(open.offerId()), new AthleteId(open.athleteId()), at))
                        .thenReturn(new OfferController.Accepted(open.offerId(), open.athleteId(), at)));
    }

    private String digest(UUID coach) {
        return digests.of(accounts.find(Role.COACH, coach).orElseThrow().email());
    }
}
