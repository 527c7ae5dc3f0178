package dev.hinge.coach.videos;

import dev.hinge.kernel.coaching.VideoReviewedEvent;
import dev.hinge.kernel.training.VideoAttachedEvent;
import dev.hinge.platform.problem.InvalidRequestException;
import dev.hinge.platform.paging.Page;
import dev.hinge.coach.config.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.hinge.kernel.training.VideoUrl;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Videos athletes attached, and whether they were reviewed: the coach's review queue. */
@Component
@ProcessingGroup(ReadModels.GROUP)
public class VideoProjection {
    private final JdbcClient jdbc;

    VideoProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record QueuedVideo(UUID videoId, UUID athleteId, UUID setId, String exercise, String url, Instant submittedAt) {
    }

    @EventHandler
    void on(VideoAttachedEvent e) {
        jdbc.sql("""
                        insert into coach_video (video_id, athlete_id, set_id, exercise, url, submitted_at)
                        values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(e.videoId().value(), e.athleteId().value(), e.setId().value(), e.exercise().slug(), e.url().value(),
                        OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC))
                .update();
    }

    @EventHandler
    void on(VideoReviewedEvent e) {
        jdbc.sql("update coach_video set reviewed_at = ? where video_id = ? and reviewed_at is null")
                .params(OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC), e.videoId().value()).update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from coach_video").update();
    }

    public boolean isVideoOf(UUID videoId, UUID athleteId) {
        return jdbc.sql("select count(*) from coach_video where video_id = ? and athlete_id = ?")
                .params(videoId, athleteId).query(Long.class).single() > 0;
    }

    /** Whose video this is, if an athlete attached it. */
    public Optional<UUID> athleteOf(UUID videoId) {
        return jdbc.sql("select athlete_id from coach_video where video_id = ?").param(videoId).query(UUID.class).optional();
    }

    /** Unreviewed videos of these athletes, oldest first. */
    public Page<QueuedVideo> queue(List<UUID> athletes, int limit, String cursor) {
        if (athletes.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        StringBuilder sql = new StringBuilder("select video_id, athlete_id, set_id, exercise, url, submitted_at from coach_video"
                + " where reviewed_at is null and athlete_id in (" + "?,".repeat(athletes.size() - 1) + "?)");
        List<Object> params = new ArrayList<>(athletes);
        if (cursor != null) {
            QueuedVideo after = decode(cursor);
            OffsetDateTime at = OffsetDateTime.ofInstant(after.submittedAt(), ZoneOffset.UTC);
            sql.append(" and (submitted_at > ? or (submitted_at = ? and video_id > ?))");
            params.addAll(List.of(at, at, after.videoId()));
        }
        sql.append(" order by submitted_at, video_id limit ?");
        params.add(limit + 1);
        List<QueuedVideo> rows = jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new QueuedVideo(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class).toInstant()))
                .list();
        List<QueuedVideo> items = rows.stream().limit(limit).toList();
        return new Page<>(items, rows.size() > limit ? encode(items.get(limit - 1)) : null);
    }

    /** A video as the review pages show it: whose, of which set (load and reps, when the set is known here), where. */
    public record ReviewVideo(UUID videoId, UUID athleteId, String athleteName, UUID setId, String exercise,
                              String url, Instant submittedAt, Instant reviewedAt, BigDecimal loadValue,
                              String loadUnit, Integer reps) {
        /** Uploaded to the platform (played here), not a link to footage hosted elsewhere. */
        public boolean uploaded() {
            return url.startsWith(VideoUrl.UPLOADED_PATH);
        }
    }

    /** A fault a coach marked in a review of a video. */
    public record MarkedFault(String fault, BigDecimal atSecond, String note) {
    }

    private static final String REVIEW_VIDEO = """
            select v.video_id, v.athlete_id, a.display_name, v.set_id, v.exercise, v.url, v.submitted_at, v.reviewed_at,
                   s.data -> 'load' ->> 'value', s.data -> 'load' ->> 'unit', s.data ->> 'reps'
            from coach_video v
            left join coach_athlete a on a.athlete_id = v.athlete_id
            left join lateral (select t.item::jsonb -> 'data' as data from coach_timeline_item t
                               where t.athlete_id = v.athlete_id and t.type = 'set_logged'
                                 and t.item::jsonb -> 'data' ->> 'id' = v.set_id::text limit 1) s on true
            """;

    /** The video, with its athlete's name and its set's load, for the review page. */
    public Optional<ReviewVideo> reviewVideo(UUID videoId) {
        return jdbc.sql(REVIEW_VIDEO + " where v.video_id = ?").param(videoId)
                .query((rs, n) -> reviewVideo(rs)).optional();
    }

    /** Unreviewed videos of these athletes, newest first: the review queue page. */
    public List<ReviewVideo> awaitingReview(List<UUID> athletes, int limit) {
        if (athletes.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(athletes);
        params.add(limit);
        return jdbc.sql(REVIEW_VIDEO + " where v.reviewed_at is null and v.athlete_id in ("
                        + "?,".repeat(athletes.size() - 1) + "?) order by v.submitted_at desc, v.video_id limit ?")
                .params(params).query((rs, n) -> reviewVideo(rs)).list();
    }

    /** The faults marked in every review of this video of this athlete, in the order they were recorded. */
    public List<MarkedFault> faultsOf(UUID athleteId, UUID videoId) {
        return jdbc.sql("""
                        select f ->> 'fault', f ->> 'atSecond', f ->> 'note'
                        from coach_timeline_item t,
                             jsonb_array_elements(t.item::jsonb -> 'data' -> 'faults') with ordinality as faults(f, n)
                        where t.athlete_id = ? and t.type = 'video_reviewed' and t.item::jsonb -> 'data' ->> 'videoId' = ?
                        order by t.at, t.position, faults.n""")
                .params(athleteId, videoId.toString())
                .query((rs, n) -> new MarkedFault(rs.getString(1), decimal(rs.getString(2)), rs.getString(3)))
                .list();
    }

    private static ReviewVideo reviewVideo(ResultSet rs) throws SQLException {
        OffsetDateTime reviewed = rs.getObject(8, OffsetDateTime.class);
        String reps = rs.getString(11);
        return new ReviewVideo(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6),
                rs.getObject(7, OffsetDateTime.class).toInstant(), reviewed == null ? null : reviewed.toInstant(),
                decimal(rs.getString(9)), rs.getString(10), reps == null ? null : Integer.valueOf(reps));
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static String encode(QueuedVideo last) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((last.submittedAt() + "|" + last.videoId()).getBytes(StandardCharsets.UTF_8));
    }

    private static QueuedVideo decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            return new QueuedVideo(UUID.fromString(parts[1]), null, null, null, null, Instant.parse(parts[0]));
        } catch (RuntimeException e) {
            throw InvalidRequestException.of("cursor", "is not a cursor this list gave out");
        }
    }
}
