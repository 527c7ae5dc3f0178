package dev.hinge.athlete.access.query;

import dev.hinge.kernel.access.CoachInviteCodeIssuedEvent;
import dev.hinge.kernel.access.InviteCode;
import dev.hinge.kernel.account.CoachRegisteredEvent;
import dev.hinge.athlete.config.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The coaches an athlete may grant access to, and their invite codes, learned from coach-service's events. */
@Component
@ProcessingGroup(ReadModels.GROUP)
public class KnownCoachesProjection {
    private final JdbcClient jdbc;

    KnownCoachesProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CoachRegisteredEvent event) {
        jdbc.sql("insert into athlete_known_coach (coach_id, display_name) values (?, ?) on conflict do nothing")
                .params(event.coachId().value(), event.displayName().value()).update();
    }

    @EventHandler
    void on(CoachInviteCodeIssuedEvent event) {
        jdbc.sql("update athlete_known_coach set invite_code = ? where coach_id = ?")
                .params(event.code().value(), event.coachId().value()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from athlete_known_coach").update();
    }

    public boolean exists(UUID coachId) {
        return jdbc.sql("select count(*) from athlete_known_coach where coach_id = ?").params(coachId)
                .query(Long.class).single() > 0;
    }

    /** The coach whose current code this is; empty when none is, or (rarely) when two coaches hold it. */
    public Optional<UUID> byInviteCode(InviteCode code) {
        List<UUID> coaches = jdbc.sql("select coach_id from athlete_known_coach where invite_code = ? limit 2")
                .params(code.value()).query(UUID.class).list();
        return coaches.size() == 1 ? Optional.of(coaches.get(0)) : Optional.empty();
    }

    /** The name the coach goes by, if athlete-service knows the coach. */
    public Optional<String> displayName(UUID coachId) {
        return jdbc.sql("select display_name from athlete_known_coach where coach_id = ?").params(coachId)
                .query(String.class).optional();
    }
}
