package dev.hinge.platform.recorded;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link RecordedIds} in the {@code recorded_id} table: the aggregate, the kind and the id, and the sequence number of
 * the event in the aggregate's history; the event itself is read back from the store.
 * <p>
 * Rows are written by a dispatch interceptor of the event store. Inside a command, Axon runs it as the unit of work
 * prepares to commit, just before the events are appended, on the connection of the command's transaction (the
 * command bus runs each command in a Spring transaction; the JDBC template and the event store both use the connection
 * bound to it): the row and its event are committed together or not at all. A second row for the same id, a repeat
 * that raced the first past the check, is a {@link ConcurrencyException}: nothing is appended, and a retry answers
 * what the first recorded.
 */
public class JdbcRecordedIds implements RecordedIds {
    private final JdbcClient jdbc;
    private final EventStore eventStore;
    private final List<Recorded<?>> kinds;

    /** Records the ids of {@code kinds} as the events carrying them are appended to {@code eventStore}. */
    public JdbcRecordedIds(JdbcClient jdbc, EventStore eventStore, List<Recorded<?>> kinds) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.kinds = List.copyOf(kinds);
        eventStore.registerDispatchInterceptor(events -> {
            events.forEach(this::record);
            return (index, event) -> event;
        });
    }

    @Override
    public <E> Optional<E> first(Object aggregateId, Recorded<E> kind, UUID id) {
        return sequenceOf(aggregateId, kind, id).map(sequence -> {
            DomainEventStream events = eventStore.readEvents(aggregateId.toString(), sequence);
            DomainEventMessage<?> event = events.hasNext() ? events.next() : null;
            if (event == null || event.getSequenceNumber() != sequence || !kind.event().isInstance(event.getPayload())) {
                throw new IllegalStateException("The " + kind.name() + " " + id + " of " + aggregateId
                        + " was recorded at " + sequence + ", where the store holds no such event");
            }
            return kind.event().cast(event.getPayload());
        });
    }

    @Override
    public boolean contains(Object aggregateId, Recorded<?> kind, UUID id) {
        return sequenceOf(aggregateId, kind, id).isPresent();
    }

    private Optional<Long> sequenceOf(Object aggregateId, Recorded<?> kind, UUID id) {
        return jdbc.sql("select sequence_number from recorded_id where aggregate_identifier = ? and kind = ? and client_id = ?")
                .params(aggregateId.toString(), kind.name(), id)
                .query(Long.class).optional();
    }

    private void record(EventMessage<?> event) {
        if (!(event instanceof DomainEventMessage<?> domainEvent)) {
            return;
        }
        for (Recorded<?> kind : kinds) {
            UUID id = kind.idIn(domainEvent.getPayload());
            if (id != null) {
                try {
                    jdbc.sql("insert into recorded_id (aggregate_identifier, kind, client_id, sequence_number) values (?, ?, ?, ?)")
                            .params(domainEvent.getAggregateIdentifier(), kind.name(), id, domainEvent.getSequenceNumber())
                            .update();
                } catch (DuplicateKeyException e) {
                    throw new ConcurrencyException("The " + kind.name() + " " + id + " of "
                            + domainEvent.getAggregateIdentifier() + " is already recorded", e);
                }
            }
        }
    }
}
