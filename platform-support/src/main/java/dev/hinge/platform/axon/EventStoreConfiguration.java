package dev.hinge.platform.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The event store both services share: Axon's JDBC engine on the schema Flyway owns (snake_case tables,
 * {@code bytea} payloads), Jackson for events, messages and tokens, and streaming processors that pick up
 * the other service's events within {@code hinge.event-store.fetch-delay}.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    /** Events are forever: they get their own mapper, independent of the web's wire settings. */
    @Bean
    @Primary
    public Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(eventMapper()).lenientDeserialization().build();
    }

    /** How events are written: records as JSON objects, instants as ISO text, unknown fields ignored on reading. */
    static ObjectMapper eventMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

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

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("time_stamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * Snapshots are written by their own serializer ({@link SnapshotConfiguration}); the snapshot filter drops those
     * of any other {@code @Revision} than the aggregate's, as Axon's own JDBC auto-configuration would.
     */
    @Bean
    public EventStorageEngine eventStorageEngine(Serializer serializer, ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                                 EventSchema eventSchema, SpringAxonConfiguration axon) {
        return JdbcEventStorageEngine.builder()
                .eventSerializer(serializer)
                .snapshotSerializer(SnapshotConfiguration.snapshotSerializer())
                .snapshotFilter(axon.getObject().snapshotFilter())
                .upcasterChain(axon.getObject().upcasterChain())
                .persistenceExceptionResolver(new JdbcSQLErrorCodesResolver())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .build();
    }

    /**
     * The embedded event store polls the database for events appended by the other service; its default
     * 1 s fetch delay made the other side lag ~670 ms at p50, so it is configurable and short by default.
     */
    @Bean
    public WakeableEventStore eventStore(EventStorageEngine storageEngine, SpringAxonConfiguration axon,
                                         @Value("${hinge.event-store.fetch-delay}") Duration fetchDelay) {
        org.axonframework.config.Configuration configuration = axon.getObject();
        return new WakeableEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay.toMillis())
                .timeUnit(TimeUnit.MILLISECONDS));
    }

    /**
     * Aggregates stay in memory between commands ({@code hinge.aggregate-cache.size} of them, 0 for none), so
     * an athlete with a long history is not replayed on every set they log.
     */
    @Bean
    public Cache aggregateCache(@Value("${hinge.aggregate-cache.size}") int size) {
        return size > 0 ? new BoundedCache(size) : NoCache.INSTANCE;
    }

    /** On PostgreSQL, appends by either service wake both services' readers (LISTEN/NOTIFY). */
    @Bean
    @ConditionalOnProperty(name = "hinge.event-store.listen", havingValue = "true", matchIfMissing = true)
    AppendListener appendListener(DataSource dataSource, WakeableEventStore eventStore) throws SQLException {
        return isPostgres(dataSource) ? new AppendListener(dataSource, eventStore) : null;
    }

    /**
     * Every processor is a tracking processor handling events in batches (one transaction each). Measured with
     * benchmarks/run: pooled streaming processors delivered new events in bursts (201 -> coach's stream p50 278 ms,
     * p99 514 ms at 30 sets/s); tracking processors read them as they arrive (p50 8 ms, p99 151 ms). A handler that
     * fails rolls its batch back and the batch is retried: a read model never skips an event (Axon's default would
     * log the failure and move on).
     * <p>
     * A group listed in {@code hinge.event-processing.segments[<group>]=N} is split into N segments by aggregate,
     * each with its own thread, so one thread's handling overlaps another's database round trip. Only for groups
     * whose read models do not depend on the order of events of different aggregates; the count applies when the
     * group's tokens are first created (a new database, or a rebuild after its tokens were removed).
     */
    @Bean
    public ConfigurerModule trackingProcessors(@Value("${hinge.event-processing.batch-size}") int batchSize,
                                               Environment environment) {
        Map<String, Integer> segments = Binder.get(environment)
                .bind("hinge.event-processing.segments", Bindable.mapOf(String.class, Integer.class)).orElse(Map.of());
        return configurer -> configurer.eventProcessing(processing -> {
            processing.usingTrackingEventProcessors()
                    .registerTrackingEventProcessorConfiguration(config ->
                            TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(batchSize))
                    .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance());
            segments.forEach((group, count) -> processing.registerTrackingEventProcessorConfiguration(group, config ->
                    TrackingEventProcessorConfiguration.forParallelProcessing(count).andInitialSegmentsCount(count)
                            .andBatchSize(batchSize)));
        });
    }

    private static boolean isPostgres(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        }
    }
}
