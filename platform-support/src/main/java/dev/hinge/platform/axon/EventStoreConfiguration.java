package dev.hinge.platform.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.jdbc.ConnectionProvider;
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
import dev.hinge.platform.processing.GroupAssignment;
import dev.hinge.platform.processing.PerAthleteSequencingPolicy;
import dev.hinge.platform.processing.ProcessingGroups;
import dev.hinge.platform.processing.UnknownPayloadTypes;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
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
    private static final Logger log = LoggerFactory.getLogger(EventStoreConfiguration.class);

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

    /**
     * The embedded event store polls the database for events appended by the other service; Axon's default 1 s fetch
     * delay made the other side lag by most of a second, so it is configurable and short by default.
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
     * Every processor is a tracking processor handling events in batches (one transaction each): measured with
     * benchmarks/run, pooled streaming processors delivered new events in bursts, tracking processors as they arrive.
     * <p>
     * Every group has a dead-letter queue ({@code dead_letter_entry}) and is sequenced per athlete
     * ({@link PerAthleteSequencingPolicy}): an event whose handler fails is parked at once, with every later event of
     * the same athlete, in the same transaction as the group's token, and every other athlete flows on. No in-place
     * retries: a failure that a retry would mend (the database going away) fails the enqueue too, so the batch rolls
     * back and the processor retries it as before; what remains is a poison event, which an operator retries or evicts
     * ({@code /actuator/deadletters}) once it is mended. An event of a payload type this build does not know is parked
     * the same way ({@link UnknownPayloadTypes}).
     * <p>
     * A group listed in {@code hinge.event-processing.segments[<group>]=N} is split into N segments by athlete, each
     * with its own thread, so one thread's handling overlaps another's database round trip. Only for groups whose read
     * models do not depend on the order of events of different athletes; the count applies when the group's tokens
     * are first created (a new database, or a rebuild after its tokens were removed).
     */
    @Bean
    public ConfigurerModule trackingProcessors(@Value("${hinge.event-processing.batch-size}") int batchSize,
                                               Environment environment, ListableBeanFactory beans,
                                               ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                               Serializer serializer) {
        Map<String, Integer> segments = Binder.get(environment)
                .bind("hinge.event-processing.segments", Bindable.mapOf(String.class, Integer.class)).orElse(Map.of());
        return configurer -> configurer.eventProcessing(processing -> {
            processing.usingTrackingEventProcessors()
                    .registerTrackingEventProcessorConfiguration(config ->
                            TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(batchSize))
                    .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance())
                    .registerDefaultSequencingPolicy(config -> PerAthleteSequencingPolicy.INSTANCE)
                    .registerDefaultDeadLetterPolicy(config -> (letter, cause) -> {
                        log.error("Parking event {} ({}) and every later event of its sequence: {}",
                                letter.message().getIdentifier(), letter.message().getPayloadType().getSimpleName(),
                                cause.toString());
                        return Decisions.enqueue(ThrowableCause.truncated(cause));
                    });
            segments.forEach((group, count) -> processing.registerTrackingEventProcessorConfiguration(group, config ->
                    TrackingEventProcessorConfiguration.forParallelProcessing(count).andInitialSegmentsCount(count)
                            .andBatchSize(batchSize)));
            // a handler class both services instantiate joins the group each service names for it
            beans.getBeansOfType(GroupAssignment.class).values().forEach(assignment ->
                    processing.assignHandlerTypesMatching(assignment.group(), assignment.handlerTypes()::contains));
            for (String group : ProcessingGroups.names(beans)) {
                UnknownPayloadTypes guard = new UnknownPayloadTypes(group);
                // per group: Axon's Spring Boot module replaces any queue provider with its dlq.enabled properties
                processing.registerDeadLetterQueue(group, config -> JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                                .processingGroup(group)
                                .connectionProvider(connectionProvider)
                                .transactionManager(transactionManager)
                                .schema(deadLetterSchema())
                                .genericSerializer(serializer)
                                .eventSerializer(serializer)
                                .build())
                        .registerEventHandler(config -> guard)
                        .assignHandlerInstancesMatching(group, Integer.MAX_VALUE, handler -> handler == guard)
                        // a replay empties the group's queue: every event is handled again, a poison one parks again
                        .registerDeadLetteringEventHandlerInvokerConfiguration(group, (config, invoker) -> invoker.allowReset(true));
            }
        });
    }

    /** Axon's dead-letter table, in the schema's snake_case ({@code V4__dead_letters.sql}). */
    static DeadLetterSchema deadLetterSchema() {
        return DeadLetterSchema.builder()
                .deadLetterTable("dead_letter_entry")
                .deadLetterIdentifierColumn("dead_letter_id")
                .processingGroupColumn("processing_group")
                .sequenceIdentifierColumn("sequence_identifier")
                .sequenceIndexColumn("sequence_index")
                .messageTypeColumn("message_type")
                .eventIdentifierColumn("event_identifier")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .aggregateTypeColumn("aggregate_type")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .tokenTypeColumn("token_type")
                .tokenColumn("token")
                .enqueuedAtColumn("enqueued_at")
                .lastTouchedColumn("last_touched")
                .processingStartedColumn("processing_started")
                .causeTypeColumn("cause_type")
                .causeMessageColumn("cause_message")
                .diagnosticsColumn("diagnostics")
                .build();
    }

    private static boolean isPostgres(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        }
    }
}
