package dev.hinge.platform.processing;

import java.util.Objects;
import java.util.Set;

/**
 * Puts event handlers whose class names no processing group in one of this service's groups: a class that both
 * services instantiate (the read side's projections) cannot carry a {@code @ProcessingGroup}, as each service puts it
 * in its own. Declared as a bean; the handlers then belong to the group exactly as if their class carried
 * {@code @ProcessingGroup(group)}: its processor and tokens, its dead-letter queue, its replays, its savepoints.
 */
public record GroupAssignment(String group, Set<Class<?>> handlerTypes) {
    public GroupAssignment {
        Objects.requireNonNull(group, "group");
        handlerTypes = Set.copyOf(handlerTypes);
    }

    public GroupAssignment(String group, Class<?>... handlerTypes) {
        this(group, Set.of(handlerTypes));
    }
}
