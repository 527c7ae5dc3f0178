package dev.hinge.platform.axon;

import com.zaxxer.hikari.HikariDataSource;
import dev.hinge.platform.test.TestDatabase;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event whose append transaction commits after later events is read by every reader, on real PostgreSQL, in the
 * three ways Axon's gap handling lost it: the reader was not running while the gap appeared (the events after it were
 * older than the gap timeout when read), more than 10,000 events were appended while the transaction was open (max gap
 * offset), and more than 250 rolled-back appends put that many gaps in the token (gap cleaning). The slow writer is a
 * JDBC connection that keeps its transaction open; Axon's clock is moved on instead of waiting.
 */
class GapSafeReadingTest {
    private static final Clock REAL_CLOCK = GenericEventMessage.clock;

    private HikariDataSource dataSource;
    private JdbcEventStorageEngine engine;
    private Connection slowWriter;

    @BeforeEach
    void eventStore() throws SQLException {
        TestDatabase.Connection db = TestDatabase.fresh();
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(db.url());
        dataSource.setUsername(db.username());
        dataSource.setPassword(db.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/platform", "classpath:db/platform-postgresql")
                .table("platform_schema_history").load().migrate();
        engine = EventStorageConfiguration.storageEngine(JdbcEventStorageEngine.builder()
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .snapshotSerializer(JacksonSerializer.defaultSerializer())
                .connectionProvider(new DataSourceConnectionProvider(dataSource))
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(new EventStorageConfiguration().eventSchema()), NoTransactionManager.INSTANCE, true);
        slowWriter = dataSource.getConnection();
        slowWriter.setAutoCommit(false);
    }

    @AfterEach
    void close() throws SQLException {
        GenericEventMessage.clock = REAL_CLOCK;
        slowWriter.close();
        dataSource.close();
    }

    @Test
    void anEventCommittedLateIsReadByAReaderThatWasDownWhileItsGapAppeared() throws SQLException {
        long late = append(slowWriter, Instant.now());
        List<Long> expected = new ArrayList<>(List.of(late));
        for (int i = 0; i < 3; i++) {
            expected.add(appendCommitted(Instant.now()));
        }
        Reader reader = new Reader();
        GenericEventMessage.clock = Clock.offset(REAL_CLOCK, Duration.ofMinutes(2)); // the reader starts 2 minutes later
        reader.readAll();

        slowWriter.commit();

        await().untilAsserted(() -> assertThat(reader.readAll()).containsExactlyInAnyOrderElementsOf(expected));
    }

    @Test
    void anEventCommittedLateIsReadAfterMoreThanTenThousandLaterEvents() throws SQLException {
        long late = append(slowWriter, Instant.now());
        List<Long> expected = new ArrayList<>(List.of(late));
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            for (int i = 0; i < 10_050; i++) {
                expected.add(append(writer, Instant.now()));
            }
            writer.commit();
        }
        Reader reader = new Reader();
        reader.readAll();

        slowWriter.commit();

        await().untilAsserted(() -> assertThat(reader.readAll()).containsExactlyInAnyOrderElementsOf(expected));
    }

    @Test
    void anEventCommittedLateIsReadAfterMoreThan250RolledBackAppends() throws SQLException {
        long late = append(slowWriter, Instant.now());
        List<Long> expected = new ArrayList<>(List.of(late));
        Reader reader = new Reader();
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            for (int i = 0; i < 300; i++) {
                append(writer, Instant.now());
                writer.rollback();
                expected.add(append(writer, Instant.now()));
                writer.commit();
                if (i % 50 == 0) {
                    reader.readAll(); // the reader runs while the gaps appear
                }
            }
        }
        reader.readAll();
        GenericEventMessage.clock = Clock.offset(REAL_CLOCK, Duration.ofMinutes(2)); // the gaps time out
        reader.readAll();

        slowWriter.commit();

        await().untilAsserted(() -> assertThat(reader.readAll()).containsExactlyInAnyOrderElementsOf(expected));
    }

    /** A tracking reader that keeps its token between reads, as a processor does. */
    private final class Reader {
        private final List<Long> read = new ArrayList<>();
        private TrackingToken token;

        List<Long> readAll() {
            try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(token, false)) {
                events.forEach(event -> {
                    read.add(((GapAwareTrackingToken) event.trackingToken()).getIndex());
                    token = event.trackingToken();
                });
            }
            return read;
        }
    }

    private long appendCommitted(Instant at) throws SQLException {
        try (Connection writer = dataSource.getConnection()) {
            return append(writer, at);
        }
    }

    private static long append(Connection connection, Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                                payload_type, payload, meta_data)
                values (?, ?, 0, 'Test', ?, 'java.lang.String', cast('"x"' as bytea), cast('{}' as bytea))
                returning global_index""")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, UUID.randomUUID().toString());
            insert.setString(3, at.toString());
            try (ResultSet index = insert.executeQuery()) {
                index.next();
                return index.getLong(1);
            }
        }
    }
}
