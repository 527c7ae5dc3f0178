package dev.hinge.platform.processing;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * {@code deadLetters} in {@code /actuator/health}: UP while no event is parked, else {@value #DEGRADED} with the count
 * per group. Degraded, not DOWN: every athlete but the parked ones is served, so a load balancer must keep sending
 * traffic (the status maps to 200); an operator's monitor alerts on the status. Liveness and readiness groups do not
 * include it: restarting or unrouting the service would not mend a poison event.
 */
@Component("deadLettersHealthIndicator")
public class DeadLetterHealth extends AbstractHealthIndicator {
    public static final String DEGRADED = "DEGRADED";

    private final DeadLetters deadLetters;

    public DeadLetterHealth(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Long> counts = deadLetters.counts();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        builder.status(total == 0 ? Status.UP : new Status(DEGRADED, "events are parked; see /actuator/deadletters"))
                .withDetails(Map.copyOf(counts));
    }
}
