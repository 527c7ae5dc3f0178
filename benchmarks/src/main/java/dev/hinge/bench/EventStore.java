package dev.hinge.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The benchmark's direct access to the event store: templates, bulk generation with COPY, projection progress. */
public final class EventStore {
    public static final String REGISTERED = "dev.hinge.kernel.account.AthleteRegisteredEvent";
    public static final String SET_LOGGED = "dev.hinge.kernel.training.SetLoggedEvent";
    private static final Pattern INDEX = Pattern.compile("\"index\":(\\d+)");
    private static final int ROWS_PER_COPY = 100_000;

    private final String url;
    private final String user;
    private final String password;

    EventStore(Options options) {
        this(options.jdbcUrl(options.database()), options.pgUser(), options.pgPassword());
    }

    /** The store of the database at {@code url} (the fault suite's own cluster, say). */
    public EventStore(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    public long count() throws SQLException {
        return single("select count(*) from domain_event_entry");
    }

    public long head() throws SQLException {
        return single("select coalesce(max(global_index), 0) from domain_event_entry");
    }

    public long single(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    public void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The registration and first set of an athlete registered and given a set over HTTP, as templates. */
    public record Templates(EventTemplates.Template registered, EventTemplates.Template setLogged) {
    }

    public Templates templates(UUID athleteId, UUID setId, String displayName, Instant performedAt) throws SQLException, IOException {
        EventTemplates.Template registered = null;
        EventTemplates.Template set = null;
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(
                "select type, payload_type, payload_revision, payload, meta_data from domain_event_entry "
                        + "where aggregate_identifier = ? order by sequence_number")) {
            statement.setString(1, athleteId.toString());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String payloadType = rows.getString(2);
                    byte[] payload = rows.getBytes(4);
                    if (payloadType.equals(REGISTERED) && registered == null) {
                        String at = HingeClient.JSON.readTree(payload).path("at").asText();
                        registered = EventTemplates.of(rows.getString(1), payloadType, rows.getString(3), payload,
                                rows.getBytes(5), Map.of("athlete", athleteId.toString(), "name", displayName, "at", at));
                    } else if (payloadType.equals(SET_LOGGED) && set == null
                            && new String(payload, StandardCharsets.UTF_8).contains(setId.toString())) {
                        set = EventTemplates.of(rows.getString(1), payloadType, rows.getString(3), payload,
                                rows.getBytes(5), Map.of("athlete", athleteId.toString(), "set", setId.toString(),
                                        "performedAt", performedAt.toString()));
                    }
                }
            }
        }
        if (registered == null || set == null) {
            throw new IllegalStateException("athlete " + athleteId + " has no registration and set rows to copy");
        }
        return new Templates(registered, set);
    }

    /**
     * Appends well-formed events with COPY (binary): for each athlete, {@code counts[i]} events from sequence
     * {@code firstSequence} on, a registration at sequence 0 (when {@code firstSequence} is 0) and sets after it;
     * athletes interleaved in the store as real traffic would be. Returns the number of rows written.
     */
    public long generate(Templates templates, List<UUID> athletes, long firstSequence, int[] counts, Duration limit)
            throws SQLException, IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        int max = 0;
        long total = 0;
        for (int count : counts) {
            max = Math.max(max, count);
            total += count;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant firstStamp = now.minusMillis(total + 1);
        long written = 0;
        Map<String, String> values = new HashMap<>();
        try (Connection connection = connect()) {
            connection.setAutoCommit(true);
            Copy copy = null;
            for (int step = 0; step < max; step++) {
                long sequence = firstSequence + step;
                for (int a = 0; a < athletes.size(); a++) {
                    if (step >= counts[a]) {
                        continue;
                    }
                    if (copy == null) {
                        if (System.nanoTime() > deadline) {
                            throw new IllegalStateException("generating events took longer than " + limit.toSeconds() + " s");
                        }
                        copy = new Copy(connection);
                    }
                    String athlete = athletes.get(a).toString();
                    values.put("athlete", athlete);
                    // history that ends about now: one set an hour, the newest an hour ago
                    Instant performed = now.minus(Duration.ofHours(counts[a] - step + 1L));
                    EventTemplates.Template template;
                    if (sequence == 0) {
                        template = templates.registered();
                        values.put("name", "Generated " + a);
                        values.put("at", performed.toString());
                    } else {
                        template = templates.setLogged();
                        values.put("set", UUID.randomUUID().toString());
                        values.put("performedAt", performed.toString());
                    }
                    copy.row(UUID.randomUUID().toString(), athlete, sequence, template.type(),
                            firstStamp.plusMillis(written).toString(), template, template.render(values));
                    written++;
                    if (copy.rows() >= ROWS_PER_COPY) {
                        copy.end();
                        copy = null;
                    }
                }
            }
            if (copy != null) {
                copy.end();
            }
        }
        return written;
    }

    /** One COPY ... FROM STDIN (FORMAT binary) of domain_event_entry rows. */
    private static final class Copy {
        private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
        private final CopyIn copyIn;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 20);
        private final DataOutputStream out = new DataOutputStream(buffer);
        private int rows;

        Copy(Connection connection) throws SQLException, IOException {
            copyIn = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, "
                            + "payload_type, payload_revision, payload, meta_data) from stdin (format binary)");
            out.write(SIGNATURE);
            out.writeInt(0);
            out.writeInt(0);
        }

        void row(String eventId, String aggregateId, long sequence, String type, String timeStamp,
                 EventTemplates.Template template, String payload) throws IOException, SQLException {
            out.writeShort(9);
            text(eventId);
            text(aggregateId);
            out.writeInt(8);
            out.writeLong(sequence);
            text(type);
            text(timeStamp);
            text(template.payloadType());
            text(template.payloadRevision());
            bytes(payload.getBytes(StandardCharsets.UTF_8));
            bytes(template.metaData());
            rows++;
            if (buffer.size() > (1 << 20)) {
                flush();
            }
        }

        int rows() {
            return rows;
        }

        void end() throws IOException, SQLException {
            out.writeShort(-1);
            flush();
            copyIn.endCopy();
        }

        private void flush() throws IOException, SQLException {
            out.flush();
            copyIn.writeToCopy(buffer.toByteArray(), 0, buffer.size());
            buffer.reset();
        }

        private void text(String value) throws IOException {
            bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }

        private void bytes(byte[] value) throws IOException {
            if (value == null) {
                out.writeInt(-1);
            } else {
                out.writeInt(value.length);
                out.write(value);
            }
        }
    }

    /** How many events the slowest streaming processor still has to handle (0 when all have caught up). */
    public long backlog() throws SQLException {
        long head = head();
        long slowest = Long.MAX_VALUE;
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select token from token_entry")) {
            while (rows.next()) {
                byte[] token = rows.getBytes(1);
                slowest = Math.min(slowest, token == null ? 0 : index(new String(token, StandardCharsets.UTF_8)));
            }
        }
        return slowest == Long.MAX_VALUE ? 0 : Math.max(0, head - slowest);
    }

    /** The position a token has reached: the highest {@code "index"} in its JSON (a replay token nests two). */
    static long index(String tokenJson) {
        Matcher matcher = INDEX.matcher(tokenJson);
        long index = 0;
        while (matcher.find()) {
            index = Math.max(index, Long.parseLong(matcher.group(1)));
        }
        return index;
    }

    /** Waits until every processor has handled every event; returns how long that took, or null past the limit. */
    public Duration awaitCaughtUp(Duration limit) throws SQLException, InterruptedException {
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (backlog() == 0) {
                return Duration.ofNanos(System.nanoTime() - started);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return null;
    }
}
