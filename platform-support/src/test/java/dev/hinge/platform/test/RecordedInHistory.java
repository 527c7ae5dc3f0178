package dev.hinge.platform.test;

import dev.hinge.platform.recorded.Recorded;
import dev.hinge.platform.recorded.RecordedIds;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Optional;
import java.util.UUID;

/**
 * {@link RecordedIds} for aggregate fixtures: the first event of the kind with the id in the aggregate's history, found
 * by reading that history (the fixture's event store, given events included) instead of a table.
 */
public class RecordedInHistory implements RecordedIds {
    private final EventStore eventStore;

    public RecordedInHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public <E> Optional<E> first(Object aggregateId, Recorded<E> kind, UUID id) {
        DomainEventStream events = eventStore.readEvents(aggregateId.toString());
        while (events.hasNext()) {
            Object payload = events.next().getPayload();
            if (kind.event().isInstance(payload) && id.equals(kind.id().apply(kind.event().cast(payload)))) {
                return Optional.of(kind.event().cast(payload));
            }
        }
        return Optional.empty();
    }
}
