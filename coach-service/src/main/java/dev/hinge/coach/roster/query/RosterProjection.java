package dev.hinge.coach.roster.query;

import dev.hinge.kernel.account.AthleteRegisteredEvent;
import dev.hinge.kernel.common.Slugs;
import dev.hinge.kernel.pain.PainReport;
import dev.hinge.kernel.pain.PainReportedEvent;
import dev.hinge.kernel.progress.ProgressStatus;
import dev.hinge.kernel.training.SetLoggedEvent;
import dev.hinge.coach.config.ReadModels;
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

/** What a coach's roster shows of each athlete. */
@Component
@ProcessingGroup(ReadModels.GROUP)
public class RosterProjection {
    private static final String RED_FLAG = Slugs.of(ProgressStatus.RED_FLAG);
    private static final String PAIN_REPORTED = Slugs.of(ProgressStatus.PAIN_REPORTED);
    /** A pain score from which the roster puts an athlete among those in pain: the domain's "back off" threshold. */
    static final int PAIN = 4;

    private final JdbcClient jdbc;

    RosterProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record AthleteFacts(UUID athleteId, String displayName, Instant lastSetAt, String lastExercise,
                               Integer painScore, String painQuality, Instant painAt) {
    }

    /**
     * One page of a coach's roster: the athletes who granted access, those whose last exercise a red flag stopped
     * first, then the most recently trained (never trained last), then by id; {@code limit + 1} rows from
     * {@code offset}, so the caller knows whether a next page exists. One row per athlete, from what the projections
     * keep (the status is the stored progress state's, see ProgressStore).
     */
    public List<AthleteFacts> page(UUID coach, int offset, int limit) {
        return jdbc.sql("""
                        select a.athlete_id, a.display_name, a.last_set_at, a.last_exercise, a.latest_pain_score,
                               a.latest_pain_quality, a.latest_pain_at
                        from coach_relationship r
                        join coach_athlete a on a.athlete_id = r.athlete_id
                        left join coach_progress_state s on s.athlete_id = a.athlete_id and s.exercise = a.last_exercise
                        where r.coach_id = ? and r.open
                        order by coalesce(s.status = ?, false) desc, a.last_set_at desc nulls last, a.athlete_id
                        limit ? offset ?""")
                .params(coach, RED_FLAG, limit + 1, offset)
                .query((rs, n) -> facts(rs))
                .list();
    }

    /**
     * One page of a coach's roster as the coach's home page orders it, by what needs the coach first: red flags, then
     * pain (the latest session's pain called for backing off, or the latest pain reading was {@value #PAIN}/10 or
     * more), then the rest; within each, the most recently trained first (never trained last), then by id. As
     * {@link #page}, {@code limit + 1} rows from {@code offset}, one per athlete.
     */
    public List<AthleteFacts> byNeed(UUID coach, int offset, int limit) {
        return jdbc.sql("""
                        select a.athlete_id, a.display_name, a.last_set_at, a.last_exercise, a.latest_pain_score,
                               a.latest_pain_quality, a.latest_pain_at
                        from coach_relationship r
                        join coach_athlete a on a.athlete_id = r.athlete_id
                        left join coach_progress_state s on s.athlete_id = a.athlete_id and s.exercise = a.last_exercise
                        where r.coach_id = ? and r.open
                        order by case when s.status = ? then 0
                                      when s.status = ? or a.latest_pain_score >= ? then 1
                                      else 2 end,
                                 a.last_set_at desc nulls last, a.athlete_id
                        limit ? offset ?""")
                .params(coach, RED_FLAG, PAIN_REPORTED, PAIN, limit + 1, offset)
                .query((rs, n) -> facts(rs))
                .list();
    }

    @EventHandler
    void on(AthleteRegisteredEvent e) {
        jdbc.sql("insert into coach_athlete (athlete_id, display_name) values (?, ?) on conflict do nothing")
                .params(e.athleteId().value(), e.displayName().value()).update();
    }

    @EventHandler
    void on(SetLoggedEvent e) {
        UUID athlete = e.athleteId().value();
        OffsetDateTime at = time(e.performedAt());
        jdbc.sql("update coach_athlete set last_set_at = ?, last_exercise = ? where athlete_id = ? and (last_set_at is null or last_set_at <= ?)")
                .params(at, e.exercise().slug(), athlete, at).update();
        if (e.pain() != null) {
            pain(athlete, e.pain(), e.performedAt());
        }
    }

    @EventHandler
    void on(PainReportedEvent e) {
        pain(e.athleteId().value(), e.report(), e.at());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from coach_athlete").update();
    }

    private void pain(UUID athlete, PainReport pain, Instant at) {
        OffsetDateTime time = time(at);
        jdbc.sql("""
                        update coach_athlete set latest_pain_score = ?, latest_pain_quality = ?, latest_pain_at = ?
                        where athlete_id = ? and (latest_pain_at is null or latest_pain_at <= ?)""")
                .params(pain.score().value(), Slugs.of(pain.quality()), time, athlete, time).update();
    }

    public Optional<AthleteFacts> facts(UUID athlete) {
        return jdbc.sql("""
                        select athlete_id, display_name, last_set_at, last_exercise, latest_pain_score, latest_pain_quality,
                               latest_pain_at from coach_athlete where athlete_id = ?""")
                .params(athlete)
                .query((rs, n) -> facts(rs))
                .optional();
    }

    private static AthleteFacts facts(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AthleteFacts(rs.getObject(1, UUID.class), rs.getString(2), instant(rs.getObject(3, OffsetDateTime.class)),
                rs.getString(4), (Integer) rs.getObject(5), rs.getString(6), instant(rs.getObject(7, OffsetDateTime.class)));
    }

    private static OffsetDateTime time(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

}
