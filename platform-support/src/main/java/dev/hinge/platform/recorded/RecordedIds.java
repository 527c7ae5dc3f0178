package dev.hinge.platform.recorded;

import java.util.Optional;
import java.util.UUID;

/**
 * What an aggregate's history holds under an id: answers a repeated id with what was recorded the first time, and the
 * rules that ask whether a thing was recorded (a video attaches to a set of this athlete's log). Kept outside the
 * aggregates, so their state does not grow with every id they have seen.
 */
public interface RecordedIds {

    /** The event that recorded {@code id} as a {@code kind} in the history of {@code aggregateId}, as it was stored. */
    <E> Optional<E> first(Object aggregateId, Recorded<E> kind, UUID id);

    /** Whether {@code id} was recorded as a {@code kind} in the history of {@code aggregateId}. */
    default boolean contains(Object aggregateId, Recorded<?> kind, UUID id) {
        return first(aggregateId, kind, id).isPresent();
    }
}
