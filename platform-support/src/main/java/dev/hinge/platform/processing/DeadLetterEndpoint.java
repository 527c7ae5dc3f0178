package dev.hinge.platform.processing;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The operator's view of dead letters, admin-only ({@code AdminSecurity}):
 * {@code GET /actuator/deadletters} lists them by group and sequence; {@code POST /actuator/deadletters/{group}}
 * (optionally {@code {"sequence":"<athlete id>"}}) retries; {@code DELETE /actuator/deadletters/{group}/{sequence}}
 * evicts a sequence for good.
 */
@Component
@Endpoint(id = "deadletters")
public class DeadLetterEndpoint {
    private final DeadLetters deadLetters;

    public DeadLetterEndpoint(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    public record Letter(String eventIdentifier, String payloadType, String aggregateIdentifier, Long sequenceNumber,
                         String causeType, String causeMessage, Instant enqueuedAt, Instant lastTouched) {
    }

    public record Sequence(String sequence, List<Letter> letters) {
    }

    @ReadOperation
    public Map<String, List<Sequence>> list() {
        Map<String, List<Sequence>> groups = new TreeMap<>();
        deadLetters.queues().keySet().forEach(group -> groups.put(group, sequences(group)));
        return groups;
    }

    @ReadOperation
    public List<Sequence> group(@Selector String group) {
        return sequences(group);
    }

    @WriteOperation
    public Map<String, Object> retry(@Selector String group, @Nullable String sequence) {
        int processed = deadLetters.retry(group, sequence);
        return Map.of("processed", processed, "remaining", deadLetters.counts().getOrDefault(group, 0L));
    }

    @DeleteOperation
    public Map<String, Object> evict(@Selector String group, @Selector String sequence) {
        return Map.of("evicted", deadLetters.evict(group, sequence));
    }

    private List<Sequence> sequences(String group) {
        return deadLetters.letters(group).stream()
                .map(letters -> new Sequence(DeadLetters.sequenceOf(letters.get(0)),
                        letters.stream().map(DeadLetterEndpoint::letter).toList()))
                .toList();
    }

    private static Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
        return new Letter(message.getIdentifier(), message.getPayloadType().getName(),
                domain == null ? null : domain.getAggregateIdentifier(), domain == null ? null : domain.getSequenceNumber(),
                letter.cause().map(Cause::type).orElse(null), letter.cause().map(Cause::message).orElse(null),
                letter.enqueuedAt(), letter.lastTouched());
    }
}
