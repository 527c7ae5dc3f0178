package dev.hinge.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * {@code hinge.processor.lag{group, segment}}: how many places in the event store a processing group's segment is
 * behind the store's head (the highest global index), read when scraped: 0 when it has caught up, the events still to
 * handle during a backlog or a replay, NaN for a segment this instance does not process (another instance holds it).
 * The head is read once per scrape (one indexed {@code max} on the event table), the positions from the processors'
 * memory.
 */
@Component
public class ProcessorLag {
    static final String LAG = "hinge.processor.lag";
    private static final long HEAD_FRESH_FOR_NANOS = 1_000_000_000L;

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TokenStore tokenStore;
    private long headReadAt;
    private long head;
    private boolean headRead;

    public ProcessorLag(EventProcessingConfiguration processing, EventStore eventStore, TokenStore tokenStore) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
    }

    /** Every segment of every streaming processor: those in the token store, and one per thread of a new group. */
    @EventListener(ApplicationReadyEvent.class)
    void registerGauges(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBeanProvider(MeterRegistry.class).ifAvailable(registry ->
                processing.eventProcessors().forEach((group, processor) -> {
                    if (processor instanceof StreamingEventProcessor streaming) {
                        Set<Integer> segments = new TreeSet<>();
                        IntStream.of(tokenStore.fetchSegments(group)).forEach(segments::add);
                        IntStream.range(0, Math.max(1, streaming.maxCapacity())).forEach(segments::add);
                        segments.forEach(segment -> Gauge.builder(LAG, () -> lag(streaming, segment))
                                .description("Events in the store this processing group's segment has not handled yet")
                                .tag("group", group)
                                .tag("segment", Integer.toString(segment))
                                .register(registry));
                    }
                }));
    }

    double lag(StreamingEventProcessor processor, int segment) {
        EventTrackerStatus status = processor.processingStatus().get(segment);
        if (status == null) {
            return Double.NaN;
        }
        OptionalLong position = status.getCurrentPosition();
        long head = head();
        return Math.max(0, head - position.orElse(-1));
    }

    /** The highest global index in the store (-1 while it is empty), read at most once a second. */
    private synchronized long head() {
        long now = System.nanoTime();
        if (!headRead || now - headReadAt > HEAD_FRESH_FOR_NANOS) {
            TrackingToken token = eventStore.createHeadToken();
            head = token == null ? -1 : token.position().orElse(-1);
            headReadAt = now;
            headRead = true;
        }
        return head;
    }
}
