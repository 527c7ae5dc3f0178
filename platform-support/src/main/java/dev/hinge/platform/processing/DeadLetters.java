package dev.hinge.platform.processing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The dead letters of this service's processing groups: whether an athlete's sequence is parked (coach routes answer
 * 503 meanwhile), how many there are (health, the {@code hinge.dead.letters} gauge), and the operator's retry and evict.
 */
@Component
public class DeadLetters {
    private final EventProcessingConfiguration processing;
    private final SavepointOnFailure savepoints;

    public DeadLetters(EventProcessingConfiguration processing, SavepointOnFailure savepoints) {
        this.processing = processing;
        this.savepoints = savepoints;
    }

    /** Queues by processing group, in name order. */
    public Map<String, SequencedDeadLetterQueue<EventMessage<?>>> queues() {
        Map<String, SequencedDeadLetterQueue<EventMessage<?>>> queues = new TreeMap<>();
        processing.eventProcessors().keySet().forEach(group ->
                processing.deadLetterQueue(group).ifPresent(queue -> queues.put(group, queue)));
        return queues;
    }

    /** Whether any group of this service has parked this sequence (an athlete id). */
    public boolean isParked(String sequence) {
        return queues().values().stream().anyMatch(queue -> queue.contains(sequence));
    }

    public Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        queues().forEach((group, queue) -> counts.put(group, queue.size()));
        return counts;
    }

    /** Every dead letter of a group, by sequence. */
    public List<List<DeadLetter<? extends EventMessage<?>>>> letters(String group) {
        List<List<DeadLetter<? extends EventMessage<?>>>> sequences = new ArrayList<>();
        queue(group).ifPresent(queue -> queue.deadLetters().forEach(sequence -> {
            List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
            sequence.forEach(letters::add);
            sequences.add(letters);
        }));
        return sequences;
    }

    /**
     * Hands a group's parked sequences (or only {@code sequence}) to its handlers again, each from its first letter:
     * a sequence that now succeeds leaves the queue and its athlete flows on; one that fails stays, with the new cause.
     *
     * @return how many sequences were fully processed
     */
    public int retry(String group, String sequence) {
        var processor = processing.sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new IllegalArgumentException("No dead-letter queue for " + group));
        savepoints.beCareful(); // a handler that fails again must not abort the transaction the letter is kept in
        long sequences = queue(group).map(SequencedDeadLetterQueue::amountOfSequences).orElse(0L);
        int processed = 0;
        for (long i = 0; i < sequences; i++) {
            boolean done = sequence == null ? processor.processAny()
                    : processor.process(letter -> sequence.equals(sequenceOf(letter)));
            if (done) {
                processed++;
            }
            if (sequence != null) {
                break;
            }
        }
        return processed;
    }

    /** Drops a sequence's dead letters for good: the read models never see those events. */
    public int evict(String group, String sequence) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group)
                .orElseThrow(() -> new IllegalArgumentException("No dead-letter queue for " + group));
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        queue.deadLetterSequence(sequence).forEach(letters::add);
        letters.forEach(queue::evict);
        return letters.size();
    }

    static String sequenceOf(DeadLetter<?> letter) {
        return letter instanceof org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter<?> jdbc
                ? jdbc.getSequenceIdentifier() : null;
    }

    private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String group) {
        return processing.deadLetterQueue(group);
    }

    /** {@code hinge.dead.letters{group=...}}: dead letters per processing group, read when scraped. */
    @EventListener(ApplicationReadyEvent.class)
    void registerGauges(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBeanProvider(MeterRegistry.class).ifAvailable(registry ->
                queues().forEach((group, queue) -> Gauge.builder("hinge.dead.letters", queue, SequencedDeadLetterQueue::size)
                        .description("Events parked in the processing group's dead-letter queue")
                        .tag("group", group)
                        .register(registry)));
    }
}
