package dev.hinge.coach.offers.query;

import dev.hinge.coach.config.ReadModels;
import dev.hinge.kernel.access.CoachAccessOfferAcceptedEvent;
import dev.hinge.kernel.access.CoachAccessOfferedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Athletes' offers of access, found by the digest of the email they were addressed to; open until accepted. */
@Component
@ProcessingGroup(ReadModels.GROUP)
public class OfferProjection {
    private final JdbcClient jdbc;

    OfferProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Offer(UUID offerId, UUID athleteId, Instant at) {
    }

    @EventHandler
    void on(CoachAccessOfferedEvent e) {
        jdbc.sql("insert into coach_access_offer (offer_id, athlete_id, email_digest, at) values (?, ?, ?, ?) on conflict do nothing")
                .params(e.offerId().value(), e.athleteId().value(), e.coachEmailDigest(),
                        OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC)).update();
    }

    @EventHandler
    void on(CoachAccessOfferAcceptedEvent e) {
        jdbc.sql("update coach_access_offer set accepted = true where offer_id = ?").params(e.offerId().value()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from coach_access_offer").update();
    }

    /** Up to {@code rows} open offers to this digest from {@code offset} on, oldest first. */
    public List<Offer> open(String digest, int offset, int rows) {
        return jdbc.sql("""
                        select offer_id, athlete_id, at from coach_access_offer where email_digest = ? and not accepted
                        order by at, offer_id limit ? offset ?""")
                .params(digest, rows, offset)
                .query((rs, n) -> new Offer(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, OffsetDateTime.class).toInstant())).list();
    }

    /** The offer, if it is open and was addressed to this digest. */
    public Optional<Offer> open(UUID offer, String digest) {
        return jdbc.sql("select offer_id, athlete_id, at from coach_access_offer where offer_id = ? and email_digest = ? and not accepted")
                .params(offer, digest)
                .query((rs, n) -> new Offer(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, OffsetDateTime.class).toInstant())).optional();
    }
}
