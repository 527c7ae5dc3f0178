package dev.hinge.platform.recorded;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * A kind of thing an aggregate records under an id the client chose (or one derived from it): the event that records
 * it, and where that event carries the id. {@code name} is stored with each id: it never changes.
 */
public record Recorded<E>(String name, Class<E> event, Function<E, UUID> id) {
    public Recorded {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(id, "id");
    }

    /** The id {@code payload} records, when it is an event of this kind. */
    UUID idIn(Object payload) {
        return event.isInstance(payload) ? id.apply(event.cast(payload)) : null;
    }
}
