package dev.hinge.platform.processing;

import java.time.Duration;

/**
 * A read model this answer would come from is behind for this athlete: one of their events is dead-lettered. The
 * answer is 503 with {@code Retry-After}, never the stale view (a revoked coach must not keep reading).
 */
public class SequenceParkedException extends RuntimeException {
    public static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    public SequenceParkedException() {
        super("This athlete's data is being repaired; try again later");
    }
}
