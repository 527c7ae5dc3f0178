package dev.hinge.platform.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where events are stored and how they are read back: Axon's JDBC engine on the schema Flyway owns (snake_case
 * tables, {@code bytea} payloads, {@code V1__event_store.sql}), with the upcasters of older event shapes, and, on
 * PostgreSQL, reading that never passes an event whose transaction may still commit.
 */
@Configuration(proxyBeanMethods = false)
public class EventStorageConfiguration {

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /**
     * Snapshots are written by their own serializer ({@link SnapshotConfiguration}); the snapshot filter drops those
     * of any other {@code @Revision} than the aggregate's, as Axon's own JDBC auto-configuration would.
     */
    @Bean
    public EventStorageEngine eventStorageEngine(Serializer serializer, ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                                 EventSchema eventSchema, SpringAxonConfiguration axon, DataSource dataSource) throws SQLException {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .eventSerializer(serializer)
                .snapshotSerializer(SnapshotConfiguration.snapshotSerializer())
                .snapshotFilter(axon.getObject().snapshotFilter())
                .upcasterChain(axon.getObject().upcasterChain())
                .persistenceExceptionResolver(new AppendConflicts())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema);
        return storageEngine(builder, transactionManager, isPostgres(dataSource));
    }

    /**
     * On PostgreSQL the gap-safe engine: no reader ever passes an event whose transaction commits late. On the embedded
     * H2 store (one machine, development) Axon's own engine: its gap timing is what protects late commits there.
     */
    static JdbcEventStorageEngine storageEngine(JdbcEventStorageEngine.Builder builder, TransactionManager transactionManager,
                                                boolean postgres) {
        return postgres ? new GapSafeEventStorageEngine(builder, transactionManager, 1) : builder.build();
    }

    static boolean isPostgres(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        }
    }
}
