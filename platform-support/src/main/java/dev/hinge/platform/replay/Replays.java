package dev.hinge.platform.replay;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Drops and rebuilds read models from the event store: start a service with {@code --hinge.replay=all} (or a
 * comma-separated list of processor names). Each processor's reset handler empties its tables, its token goes
 * back to the start, and it replays every event; progress is logged until it has caught up with the store.
 */
@Component
public class Replays implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(Replays.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final String requested;

    public Replays(EventProcessingConfiguration processing, EventStore eventStore,
                   @Value("${hinge.replay:}") String requested) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.requested = requested;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (requested.isBlank()) {
            return;
        }
        Set<String> names = requested.strip().equals("all") ? replayable() : Set.of(requested.strip().split("\\s*,\\s*"));
        Thread replay = new Thread(() -> replay(List.copyOf(names)), "hinge-replay");
        replay.setDaemon(true);
        replay.start();
    }

    /**
     * The processors that can be reset: read models. A group whose handlers must not see an event twice (the
     * relationship policy sends commands, {@code @DisallowReplay}) does not support a reset and keeps running.
     */
    public Set<String> replayable() {
        Set<String> names = new TreeSet<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming && streaming.supportsReset()) {
                names.add(name);
            } else {
                log.info("Not replaying {}: its handlers do not support a reset", name);
            }
        });
        return names;
    }

    /** Resets the named processors and waits until each has replayed up to the store's head. */
    public void replay(List<String> names) {
        long head = eventStore.createHeadToken().position().orElse(0);
        long started = System.nanoTime();
        Map<String, StreamingEventProcessor> processors = new TreeMap<>();
        for (String name : names) {
            StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                    .orElseThrow(() -> new IllegalArgumentException("No streaming processor named " + name));
            if (!processor.supportsReset()) {
                throw new IllegalArgumentException(name + " cannot be replayed: its handlers do not support a reset");
            }
            processor.shutDown();
            try {
                processor.resetTokens();
            } finally {
                processor.start();
            }
            processors.put(name, processor);
        }
        log.info("Replaying {} up to event {}", processors.keySet(), head);
        long lastReport = 0;
        while (!processors.values().stream().allMatch(p -> caughtUp(p, head))) {
            if (System.nanoTime() - lastReport > Duration.ofSeconds(5).toNanos()) {
                processors.forEach((name, p) -> log.info("Replay of {}: at {} of {}", name, position(p), head));
                lastReport = System.nanoTime();
            }
            sleep(Duration.ofMillis(100));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info("Replay finished: {} processors, {} events in {} s ({} events/s)", processors.size(), head,
                String.format("%.1f", seconds), String.format("%.0f", head / Math.max(seconds, 1e-9)));
    }

    private static boolean caughtUp(StreamingEventProcessor processor, long head) {
        return !processor.isReplaying() && position(processor) >= head;
    }

    private static long position(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition).mapToLong(p -> p.orElse(0)).min().orElse(0);
    }

    private static void sleep(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay wait interrupted", e);
        }
    }

}
