package dev.hinge.platform.processing;

import dev.hinge.kernel.common.AthleteId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.serialization.SerializationException;

import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Events about one athlete form one sequence: the athlete id the payload carries (every kernel event about an athlete
 * has an {@code athleteId()}, whichever aggregate appended it: the athlete's own, or a coaching relationship), else the
 * aggregate's id (a coach's registration), else the event's own id. The sequence decides the order handlers see events
 * in, which segment of a split group handles an event, and what a dead letter parks: one athlete's later events, never
 * anyone else's.
 */
public final class PerAthleteSequencingPolicy implements SequencingPolicy<EventMessage<?>> {
    public static final PerAthleteSequencingPolicy INSTANCE = new PerAthleteSequencingPolicy();

    private static final ClassValue<Optional<Method>> ATHLETE_ID = new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> type) {
            try {
                Method accessor = type.getMethod("athleteId");
                return accessor.getReturnType() == AthleteId.class ? Optional.of(accessor) : Optional.empty();
            } catch (NoSuchMethodException e) {
                return Optional.empty();
            }
        }
    };

    private PerAthleteSequencingPolicy() {
    }

    /** The sequence of a payload, as a string (a dead-letter queue keys sequences by their text). */
    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Optional<String> athlete = readableAthleteOf(event);
        if (athlete.isPresent()) {
            return athlete.get();
        }
        if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
            return domain.getAggregateIdentifier();
        }
        return event.getIdentifier();
    }

    /**
     * The athlete of a payload that can be read; none for one that cannot (stored JSON that is not what its type
     * reads): that event is then sequenced by its aggregate, reaches its handler, fails there and is dead-lettered,
     * instead of failing here, before any handler, where it would stop the whole group.
     */
    private static Optional<String> readableAthleteOf(EventMessage<?> event) {
        Object payload;
        try {
            payload = event.getPayload();
        } catch (SerializationException unreadable) {
            return Optional.empty();
        }
        return athleteOf(payload);
    }

    static Optional<String> athleteOf(Object payload) {
        return ATHLETE_ID.get(payload.getClass()).map(accessor -> {
            try {
                Object id = accessor.invoke(payload);
                return id == null ? null : id.toString();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read the athlete id of " + payload.getClass().getSimpleName(), e);
            }
        });
    }
}
