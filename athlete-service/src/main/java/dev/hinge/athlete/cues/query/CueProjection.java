package dev.hinge.athlete.cues.query;

import dev.hinge.kernel.coaching.CueAssignedEvent;
import dev.hinge.kernel.coaching.CueRetiredEvent;
import dev.hinge.kernel.common.Slugs;
import dev.hinge.athlete.config.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** The cues coaches gave the athlete; active until retired. */
@Component
@ProcessingGroup(ReadModels.GROUP)
public class CueProjection {
    private final JdbcClient jdbc;

    CueProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record CueView(UUID id, String text, String exercise, String fault, UUID videoId, BigDecimal atSecond,
                          UUID coachId, Instant assignedAt) {
    }

    @EventHandler
    void on(CueAssignedEvent e) {
        jdbc.sql("""
                        insert into athlete_cue (cue_id, athlete_id, coach_id, text, exercise, fault, video_id, at_second, assigned_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(e.cueId().value(), e.athleteId().value(), e.coachId().value(), e.text(), e.exercise().slug(),
                        e.fault() == null ? null : Slugs.of(e.fault()), e.videoId() == null ? null : e.videoId().value(),
                        e.atSecond(), OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC))
                .update();
    }

    @EventHandler
    void on(CueRetiredEvent e) {
        jdbc.sql("update athlete_cue set retired_at = ? where cue_id = ?")
                .params(OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC), e.cueId().value()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from athlete_cue").update();
    }

    /** Active cues, newest first. */
    public List<CueView> active(UUID athleteId) {
        return jdbc.sql("""
                        select cue_id, text, exercise, fault, video_id, at_second, coach_id, assigned_at from athlete_cue
                        where athlete_id = ? and retired_at is null order by assigned_at desc, cue_id""")
                .params(athleteId)
                .query((rs, n) -> new CueView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, UUID.class), rs.getBigDecimal(6), rs.getObject(7, UUID.class),
                        rs.getObject(8, OffsetDateTime.class).toInstant()))
                .list();
    }
}
