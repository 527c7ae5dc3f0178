package dev.hinge.readside.progress;

import dev.hinge.kernel.coaching.CueRetiredEvent;
import dev.hinge.kernel.pain.RedFlagRaisedEvent;
import dev.hinge.kernel.progress.ProgressFold;
import dev.hinge.kernel.progress.ProgressState;
import dev.hinge.kernel.progress.ProgressView;
import dev.hinge.kernel.training.Exercise;
import dev.hinge.platform.axon.BatchedInserts;
import dev.hinge.platform.axon.StorePosition;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The progress read model both services keep, each in its own tables ({@code <prefix>_progress_state} and
 * {@code <prefix>_progress_event}): the kernel fold's {@link ProgressState} per athlete and exercise, carried forward
 * as events arrive, so a view reads one row and applies only what depends on the moment asked about; and the events
 * the fold reads, per athlete, for what a state cannot answer.
 *
 * <p>The events are folded whole, once, when:
 * <ul>
 * <li>an event comes before the last one applied to a state (a set logged late): that athlete's history, once;</li>
 * <li>an exercise gets its first state (an earlier red flag without an exercise holds it too);</li>
 * <li>a stored state has another {@link ProgressState#FORMAT} than this code's: it is rebuilt at the athlete's next
 *     event, and read by folding until then;</li>
 * <li>a view is asked as of a moment before the last event applied ({@code asOf} in the past, or a set logged with a
 *     time a few minutes ahead).</li>
 * </ul>
 * A set id reaches the store at most once per athlete (the athlete's aggregate answers a repeated id with what it
 * recorded first, appending nothing), so states never see a set twice.
 *
 * <p>In a processor's unit of work, states are read once per batch and written in one JDBC batch when it commits,
 * with the events, in its transaction.
 */
public class ProgressStore {
    /** Sessions are calendar days in UTC until athletes can set their zone. */
    public static final ZoneId ZONE = ZoneOffset.UTC;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Serializer serializer;
    private final String events;
    private final String states;
    private final BatchedInserts inserts;
    private final String resourceKey;

    /** @param prefix the service's table prefix: {@code athlete} or {@code coach} */
    public ProgressStore(JdbcClient jdbc, JdbcTemplate batches, Serializer serializer, String prefix) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.serializer = serializer;
        this.events = prefix + "_progress_event";
        this.states = prefix + "_progress_state";
        this.resourceKey = ProgressStore.class.getName() + ":" + prefix;
        this.inserts = new BatchedInserts(batches, "insert into " + events
                + " (athlete_id, event_id, position, payload_type, payload_revision, payload) values (?, ?, ?, ?, ?, ?)"
                + " on conflict do nothing");
    }

    /** Keeps {@code event} if the fold reads it and carries the athlete's states forward (in the processor's transaction). */
    public void record(Object event, EventMessage<?> message, TrackingToken token) {
        ProgressFold.athleteOf(event).ifPresent(athlete -> {
            // the bytes the store already holds (read from it, the message keeps them): no serializing again
            SerializedObject<byte[]> payload = message.serializePayload(serializer, byte[].class);
            inserts.add(athlete.value(), UUID.fromString(message.getIdentifier()), StorePosition.of(token),
                    payload.getType().getName(), payload.getType().getRevision(), payload.getData());
            Batch batch = batch();
            if (CurrentUnitOfWork.isStarted()) {
                // written when the unit of work commits: a fold in the meantime reads it from here
                batch.arrived.computeIfAbsent(athlete.value(), a -> new ArrayList<>()).add(event);
            }
            for (Exercise exercise : exercisesConcerned(event, athlete.value(), batch)) {
                carryForward(batch, athlete.value(), exercise, event);
            }
            if (!CurrentUnitOfWork.isStarted()) {
                batch.write();
            }
        });
    }

    public void clear() {
        jdbc.sql("delete from " + events).update();
        jdbc.sql("delete from " + states).update();
    }

    /** The athlete's progress on {@code exercise} as of {@code asOf}. */
    public ProgressView view(UUID athleteId, Exercise exercise, Instant asOf) {
        return stored(athleteId, exercise)
                .filter(state -> state.describes(asOf))
                .map(state -> state.view(asOf))
                .orElseGet(() -> ProgressFold.fold(exercise, eventsFor(athleteId, exercise), asOf, ZONE));
    }

    /** The exercises the athlete has a progress state for (anything logged or prescribed on them), by slug. */
    public List<Exercise> exercises(UUID athleteId) {
        return jdbc.sql("select exercise from " + states + " where athlete_id = ? order by exercise")
                .params(athleteId).query((rs, n) -> new Exercise(rs.getString(1))).list();
    }

    /**
     * Each athlete's progress on the exercise given for them, as of {@code asOf}, in one query; athletes without a
     * state for it are folded one by one.
     */
    public Map<UUID, ProgressView> views(Map<UUID, Exercise> exercises, Instant asOf) {
        Map<UUID, ProgressView> views = new HashMap<>();
        if (exercises.isEmpty()) {
            return views;
        }
        List<Object> params = new ArrayList<>();
        StringBuilder pairs = new StringBuilder();
        exercises.forEach((athlete, exercise) -> {
            pairs.append(pairs.isEmpty() ? "(athlete_id = ? and exercise = ?)" : " or (athlete_id = ? and exercise = ?)");
            params.add(athlete);
            params.add(exercise.slug());
        });
        // one lookup by primary key per athlete, written as an "or" that H2 (the embedded store) reads as well
        jdbc.sql("select athlete_id, format, state from " + states + " where " + pairs)
                .params(params)
                .query((rs, n) -> {
                    if (rs.getInt(2) == ProgressState.FORMAT) {
                        ProgressState state = read(rs.getBytes(3));
                        if (state.describes(asOf)) {
                            views.put(rs.getObject(1, UUID.class), state.view(asOf));
                        }
                    }
                    return null;
                })
                .list();
        exercises.forEach((athlete, exercise) -> views.computeIfAbsent(athlete, a -> view(a, exercise, asOf)));
        return views;
    }

    /**
     * The events the fold needs for {@code exercise}: all of the athlete's when it has a state; else only red flags,
     * the one kind that can concern an exercise with no event of its own (one raised for every exercise).
     */
    private List<Object> eventsFor(UUID athleteId, Exercise exercise) {
        boolean known = jdbc.sql("select 1 from " + states + " where athlete_id = ? and exercise = ?")
                .params(athleteId, exercise.slug()).query().singleColumn().size() == 1;
        return known ? events(athleteId) : redFlags(athleteId);
    }

    private List<Object> events(UUID athleteId) {
        return jdbc.sql("select payload_type, payload_revision, payload from " + events + " where athlete_id = ? order by position")
                .params(athleteId)
                .query((rs, n) -> deserialize(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .list();
    }

    private List<Object> redFlags(UUID athleteId) {
        return jdbc.sql("select payload_type, payload_revision, payload from " + events
                        + " where athlete_id = ? and payload_type = ? order by position")
                .params(athleteId, RedFlagRaisedEvent.class.getName())
                .query((rs, n) -> deserialize(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .list();
    }

    /** The exercises whose state {@code event} can change: its own; every known one for a retirement or a red flag for all. */
    private Collection<Exercise> exercisesConcerned(Object event, UUID athlete, Batch batch) {
        Exercise exercise = ProgressFold.exerciseOf(event);
        if (exercise != null) {
            return List.of(exercise);
        }
        if (event instanceof CueRetiredEvent || event instanceof RedFlagRaisedEvent) {
            Set<Exercise> known = new LinkedHashSet<>();
            jdbc.sql("select exercise from " + states + " where athlete_id = ?").params(athlete)
                    .query((rs, n) -> new Exercise(rs.getString(1))).list().forEach(known::add);
            batch.states.keySet().stream().filter(k -> k.athlete().equals(athlete)).map(Key::exercise).forEach(known::add);
            return known;
        }
        return List.of();
    }

    private void carryForward(Batch batch, UUID athlete, Exercise exercise, Object event) {
        Key key = new Key(athlete, exercise);
        if (!batch.states.containsKey(key)) {
            Optional<Row> row = row(athlete, exercise);
            batch.versions.put(key, row.map(Row::version).orElse(null));
            batch.states.put(key, row.filter(r -> r.format() == ProgressState.FORMAT).map(r -> read(r.state())).orElse(null));
        }
        ProgressState current = batch.states.get(key);
        ProgressState next = current == null ? null : current.then(event).orElse(null);
        if (next == null) {
            // a first state, a late event, or a state of another format: the athlete's history, folded once
            List<Object> history = new ArrayList<>(events(athlete));
            history.addAll(batch.arrived.getOrDefault(athlete, List.of()));
            next = ProgressFold.state(exercise, history, ZONE);
        }
        batch.states.put(key, next);
    }

    private record Row(long version, int format, byte[] state) {
    }

    private Optional<Row> row(UUID athlete, Exercise exercise) {
        return jdbc.sql("select version, format, state from " + states + " where athlete_id = ? and exercise = ?")
                .params(athlete, exercise.slug())
                .query((rs, n) -> new Row(rs.getLong(1), rs.getInt(2), rs.getBytes(3)))
                .optional();
    }

    /** The stored state, if there is one of this code's format. */
    private Optional<ProgressState> stored(UUID athlete, Exercise exercise) {
        return jdbc.sql("select state from " + states + " where athlete_id = ? and exercise = ? and format = ?")
                .params(athlete, exercise.slug(), ProgressState.FORMAT)
                .query((rs, n) -> read(rs.getBytes(1)))
                .optional();
    }

    private ProgressState read(byte[] state) {
        return serializer.deserialize(new SimpleSerializedObject<>(state, byte[].class, ProgressState.class.getName(), null));
    }

    private Object deserialize(String type, String revision, byte[] payload) {
        return serializer.deserialize(new SimpleSerializedObject<>(payload, byte[].class, type, revision));
    }

    private Batch batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new Batch();
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(resourceKey, key -> {
            Batch batch = new Batch();
            unitOfWork.onPrepareCommit(u -> batch.write());
            return batch;
        });
    }

    private record Key(UUID athlete, Exercise exercise) {
    }

    /**
     * The states a unit of work changed, with the version each had when read (null: no row yet), and the events it
     * handled per athlete (not yet in the table).
     *
     * <p>Two segments of a processing group may handle events of one athlete at once (they are split by aggregate,
     * and an athlete's events come from several). A state is written only if it is still the version read; else the
     * unit of work fails, rolls back, and the processor handles its batch again, then reading the other's state.
     */
    private final class Batch {
        final Map<Key, ProgressState> states = new LinkedHashMap<>();
        final Map<Key, Long> versions = new HashMap<>();
        final Map<UUID, List<Object>> arrived = new HashMap<>();

        void write() {
            List<Object[]> updates = new ArrayList<>();
            states.forEach((key, state) -> {
                byte[] bytes = serializer.serialize(state, byte[].class).getData();
                Long version = versions.get(key);
                if (version == null) {
                    int inserted = jdbc.sql("insert into " + ProgressStore.this.states
                                    + " (athlete_id, exercise, version, format, status, state) values (?, ?, 1, ?, ?, ?)"
                                    + " on conflict do nothing")
                            .params(key.athlete(), key.exercise().slug(), state.format(), status(state), bytes).update();
                    requireWritten(inserted, key);
                } else {
                    updates.add(new Object[]{state.format(), status(state), bytes, key.athlete(), key.exercise().slug(), version});
                }
            });
            if (!updates.isEmpty()) {
                int[] counts = batches.batchUpdate("update " + ProgressStore.this.states
                        + " set version = version + 1, format = ?, status = ?, state = ? where athlete_id = ? and exercise = ?"
                        + " and version = ?", updates);
                for (int i = 0; i < counts.length; i++) {
                    requireWritten(counts[i], new Key((UUID) updates.get(i)[3], new Exercise((String) updates.get(i)[4])));
                }
            }
            states.clear();
            versions.clear();
        }

        private static void requireWritten(int count, Key key) {
            if (count == 0) {
                throw new ConcurrentStateChangeException("the progress state of " + key.athlete() + " on "
                        + key.exercise().slug() + " changed while this batch was handled; the batch is handled again");
            }
        }
    }

    /** Another transaction changed a state this one read: the processor rolls back and handles its batch again. */
    static final class ConcurrentStateChangeException extends IllegalStateException {
        ConcurrentStateChangeException(String message) {
            super(message);
        }
    }

    /** The status, which no clock changes: a read can sort and filter by it (the roster puts red flags first). */
    private static String status(ProgressState state) {
        Instant at = state.last() == null ? Instant.EPOCH : state.last().at();
        return state.view(at).status();
    }
}
