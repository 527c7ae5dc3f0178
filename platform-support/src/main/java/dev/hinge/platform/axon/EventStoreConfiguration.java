package dev.hinge.platform.axon;

import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The event store both services share, and how soon each sees what the other appends: the store polls every
 * {@code hinge.event-store.fetch-delay}, and on PostgreSQL an append by either service wakes both at once.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

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

    /** On PostgreSQL, appends by either service wake both services' readers (LISTEN/NOTIFY). */
    @Bean
    @ConditionalOnProperty(name = "hinge.event-store.listen", havingValue = "true", matchIfMissing = true)
    AppendListener appendListener(DataSource dataSource, WakeableEventStore eventStore) throws SQLException {
        return EventStorageConfiguration.isPostgres(dataSource) ? new AppendListener(dataSource, eventStore) : null;
    }
}
