package dev.hinge.kernel.common;

import java.time.Duration;
import java.time.Instant;

/** The rule for client-supplied times of things that happened ({@code performedAt}, {@code at}). */
public final class Times {
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    public static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private Times() {
    }

    /** {@code given} if it lies between 2000-01-01 and five minutes after {@code now}; {@code now} if absent. */
    public static Instant happenedAt(Instant given, Instant now) {
        if (given == null) {
            return now;
        }
        if (given.isBefore(EARLIEST)) {
            throw DomainException.invalid("must not be before 2000-01-01T00:00:00Z");
        }
        if (given.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw DomainException.invalid("must not lie more than 5 minutes in the future");
        }
        return given;
    }
}
