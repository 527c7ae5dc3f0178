package dev.hinge.athlete.access;

import dev.hinge.athlete.config.ReadModels;
import dev.hinge.kernel.access.CoachAccessGrantedEvent;
import dev.hinge.kernel.access.CoachAccessRevokedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The coaches each athlete has granted access now, since when (a grant after a revoke starts again): the athlete's
 * list of coaches and their export read it.
 */
@Component
@ProcessingGroup(ReadModels.GROUP)
public class CoachesGrantedProjection {
    private final JdbcClient jdbc;

    CoachesGrantedProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record CoachGranted(UUID coachId, String displayName, Instant since) {
    }

    @EventHandler
    void on(CoachAccessGrantedEvent event) {
        jdbc.sql("insert into athlete_coach_grant (athlete_id, coach_id, since) values (?, ?, ?) on conflict do nothing")
                .params(event.athleteId().value(), event.coachId().value(), OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC)).update();
    }

    @EventHandler
    void on(CoachAccessRevokedEvent event) {
        jdbc.sql("delete from athlete_coach_grant where athlete_id = ? and coach_id = ?")
                .params(event.athleteId().value(), event.coachId().value()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from athlete_coach_grant").update();
    }

    /** Up to {@code rows} of the athlete's coaches from {@code offset} on, longest-standing first. */
    public List<CoachGranted> page(UUID athlete, int offset, int rows) {
        return jdbc.sql("""
                        select g.coach_id, k.display_name, g.since from athlete_coach_grant g
                        left join athlete_known_coach k on k.coach_id = g.coach_id
                        where g.athlete_id = ? order by g.since, g.coach_id limit ? offset ?""")
                .params(athlete, rows, offset)
                .query((rs, i) -> new CoachGranted(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant())).list();
    }
}
