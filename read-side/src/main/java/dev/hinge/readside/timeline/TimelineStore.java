package dev.hinge.readside.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hinge.kernel.timeline.TimelineEntry;
import dev.hinge.kernel.timeline.TimelineItem;
import dev.hinge.platform.problem.InvalidRequestException;
import dev.hinge.platform.web.Params;
import dev.hinge.platform.paging.Page;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import dev.hinge.platform.axon.BatchedInserts;
import dev.hinge.platform.axon.StorePosition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * The progression timeline read model both services keep (each in its own table): items ordered by the time
 * the thing happened, then by the event's position in the store, so a set logged late lands in its place.
 */
public class TimelineStore {
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final TimelineUpdates updates;
    private final String table;
    private final BatchedInserts inserts;

    public TimelineStore(JdbcClient jdbc, JdbcTemplate batches, ObjectMapper json, TimelineUpdates updates, String table) {
        this.jdbc = jdbc;
        this.json = json;
        this.updates = updates;
        this.table = table;
        this.inserts = new BatchedInserts(batches, "insert into " + table
                + " (athlete_id, item_id, at, position, type, exercise, item) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing");
    }

    /** Records the item of an event (in the processor's transaction) and announces it once committed. */
    public void record(TimelineEntry entry, EventMessage<?> message, TrackingToken token) {
        TimelineItem item = entry.toItem(UUID.fromString(message.getIdentifier()));
        long position = StorePosition.of(token);
        inserts.add(entry.athleteId().value(), item.id(), OffsetDateTime.ofInstant(item.at(), ZoneOffset.UTC), position,
                item.type(), entry.exercise() == null ? null : entry.exercise().slug(), write(item));
        CurrentUnitOfWork.ifStarted(uow -> uow.afterCommit(u -> updates.recorded(entry.athleteId().value(), position, item)));
    }

    /** Empties the table (a replay rebuilds it). */
    public void clear() {
        jdbc.sql("delete from " + table).update();
    }

    /** Oldest first; {@code from} inclusive, {@code to} exclusive, {@code asOf} inclusive; {@code cursor} from a previous page's next. */
    public Page<TimelineItem> page(UUID athleteId, String exercise, Instant from, Instant to, Instant asOf, int limit,
                                   String cursor) {
        StringBuilder sql = new StringBuilder("select at, position, item from " + table + " where athlete_id = ?");
        List<Object> params = new ArrayList<>(List.of(athleteId));
        if (exercise != null) {
            sql.append(" and exercise = ?");
            params.add(exercise);
        }
        if (from != null) {
            sql.append(" and at >= ?");
            params.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        }
        if (to != null) {
            sql.append(" and at < ?");
            params.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        }
        if (asOf != null) {
            sql.append(" and at <= ?");
            params.add(OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC));
        }
        if (cursor != null) {
            Cursor after = Cursor.decode(cursor);
            OffsetDateTime at = OffsetDateTime.ofInstant(after.at(), ZoneOffset.UTC);
            sql.append(" and (at > ? or (at = ? and position > ?))");
            params.addAll(List.of(at, at, after.position()));
        }
        sql.append(" order by at, position limit ?");
        params.add(limit + 1);
        List<Row> rows = jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Row(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getLong(2), rs.getString(3)))
                .list();
        List<TimelineItem> items = rows.stream().limit(limit).map(r -> read(r.item())).toList();
        String next = rows.size() > limit ? new Cursor(rows.get(limit - 1).at(), rows.get(limit - 1).position()).encode() : null;
        return new Page<>(items, next);
    }

    /**
     * The latest {@code limit} items of one athlete on {@code exercise} of the given types, at or before
     * {@code asOf}, oldest first (a progress chart's rows): one read along the athlete's rows of the primary key.
     */
    public List<TimelineItem> latestOfTypes(UUID athleteId, String exercise, Collection<String> types, Instant asOf,
                                            int limit) {
        List<Object> params = new ArrayList<>(List.of(athleteId, exercise, OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC)));
        params.addAll(types);
        params.add(limit);
        List<TimelineItem> items = new ArrayList<>(jdbc.sql("select item from " + table
                        + " where athlete_id = ? and exercise = ? and at <= ? and type in ("
                        + String.join(", ", Collections.nCopies(types.size(), "?")) + ")"
                        + " order by at desc, position desc limit ?")
                .params(params)
                .query((rs, n) -> read(rs.getString(1)))
                .list());
        Collections.reverse(items);
        return items;
    }

    /** The latest {@code limit} items of one athlete, oldest first, with their positions (a stream's first page). */
    public List<TimelineUpdates.Recorded> latest(UUID athleteId, int limit) {
        List<TimelineUpdates.Recorded> latest = new ArrayList<>(newestFirst(athleteId, null, 0, limit));
        Collections.reverse(latest);
        return latest;
    }

    /**
     * Up to {@code limit} items of one athlete, newest first, from the newest ({@code beforeAt} null) or from just
     * before the item at {@code beforeAt} and {@code beforePosition} (the last one a page showed): a page reading back
     * in time, with positions.
     */
    public List<TimelineUpdates.Recorded> newestFirst(UUID athleteId, Instant beforeAt, long beforePosition, int limit) {
        String sql = "select position, item from " + table + " where athlete_id = ?"
                + (beforeAt == null ? "" : " and (at < ? or (at = ? and position < ?))")
                + " order by at desc, position desc limit ?";
        List<Object> params = new ArrayList<>(List.of(athleteId));
        if (beforeAt != null) {
            OffsetDateTime at = OffsetDateTime.ofInstant(beforeAt, ZoneOffset.UTC);
            params.addAll(List.of(at, at, beforePosition));
        }
        params.add(limit);
        return jdbc.sql(sql).params(params)
                .query((rs, n) -> new TimelineUpdates.Recorded(athleteId, rs.getLong(1), read(rs.getString(2))))
                .list();
    }

    /** Up to {@code limit} items of one athlete recorded after {@code position}, in the order they were recorded. */
    public List<TimelineUpdates.Recorded> after(UUID athleteId, long position, int limit) {
        return jdbc.sql("select position, item from " + table + " where athlete_id = ? and position > ? order by position limit ?")
                .params(athleteId, position, limit)
                .query((rs, n) -> new TimelineUpdates.Recorded(athleteId, rs.getLong(1), read(rs.getString(2))))
                .list();
    }

    /** Whether one of this athlete's items sits at {@code position}. */
    public boolean holds(UUID athleteId, long position) {
        return !jdbc.sql("select 1 from " + table + " where athlete_id = ? and position = ?")
                .params(athleteId, position).query().singleColumn().isEmpty();
    }

    /**
     * Newest first (by time, then position), as a person reads a history; {@code cursor} from a previous page's next
     * (a cursor of {@link #page} works here too: both mark a place in the same order).
     */
    public Page<TimelineItem> newestFirst(UUID athleteId, int limit, String cursor) {
        Cursor before = cursor == null ? null : Cursor.decode(cursor);
        List<TimelineUpdates.Recorded> rows = newestFirst(athleteId, before == null ? null : before.at(),
                before == null ? 0 : before.position(), limit + 1);
        List<TimelineItem> items = rows.stream().limit(limit).map(TimelineUpdates.Recorded::item).toList();
        String next = rows.size() > limit ? new Cursor(items.get(limit - 1).at(), rows.get(limit - 1).position()).encode() : null;
        return new Page<>(items, next);
    }

    /**
     * The highest store position among this athlete's items, or -1 when there are none: read before a page, it is
     * where a live stream ({@link TimelineStreams}, as a {@code Last-Event-ID}) picks up, so nothing recorded
     * after the page was read is missed.
     */
    public long lastPosition(UUID athleteId) {
        return jdbc.sql("select coalesce(max(position), -1) from " + table + " where athlete_id = ?").params(athleteId)
                .query(Long.class).single();
    }

    private String write(TimelineItem item) {
        try {
            return json.writeValueAsString(item);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private TimelineItem read(String item) {
        try {
            return json.readValue(item, TimelineItem.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Row(Instant at, long position, String item) {
    }

    record Cursor(Instant at, long position) {
        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((at + "|" + position).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                return new Cursor(Params.instant(parts[0]), Long.parseLong(parts[1]));
            } catch (RuntimeException e) {
                throw InvalidRequestException.of("cursor", "is not a cursor this list gave out");
            }
        }
    }
}
