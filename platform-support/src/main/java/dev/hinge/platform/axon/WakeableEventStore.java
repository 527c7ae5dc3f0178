package dev.hinge.platform.axon;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;

/**
 * The embedded event store, with a way to tell it that another process appended events, so its streaming
 * processors read them now rather than at the next poll.
 */
public class WakeableEventStore extends EmbeddedEventStore {

    public WakeableEventStore(Builder builder) {
        super(builder);
    }

    /** Events were appended elsewhere: fetch now if the reader is waiting. */
    public void wake() {
        afterCommit(List.of());
    }
}
