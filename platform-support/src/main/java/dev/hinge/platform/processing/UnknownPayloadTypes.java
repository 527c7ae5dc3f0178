package dev.hinge.platform.processing;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.UnknownSerializedType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of these joins every processing group: an event whose payload type no class of this build knows (the lenient
 * serializer reads it as {@link UnknownSerializedType}, which no projection handles) is logged and refused, so the
 * group's dead-letter queue parks it and its athlete's sequence instead of the group skipping it silently. Once a build
 * that knows the type runs, an operator retries the sequence.
 */
public final class UnknownPayloadTypes {
    private static final Logger log = LoggerFactory.getLogger(UnknownPayloadTypes.class);

    private final String group;

    public UnknownPayloadTypes(String group) {
        this.group = group;
    }

    public String group() {
        return group;
    }

    @EventHandler
    void on(UnknownSerializedType payload, EventMessage<?> event) {
        log.error("{}: event {} has a payload type this build does not know ({}, revision {}); dead-lettering it",
                group, event.getIdentifier(), payload.serializedType().getName(), payload.serializedType().getRevision());
        throw new UnknownPayloadTypeException(payload.serializedType().getName() + " (revision "
                + payload.serializedType().getRevision() + ") is not a payload type of this build");
    }

    /** Why an event of an unknown type was dead-lettered. */
    public static final class UnknownPayloadTypeException extends RuntimeException {
        UnknownPayloadTypeException(String message) {
            super(message);
        }
    }
}
