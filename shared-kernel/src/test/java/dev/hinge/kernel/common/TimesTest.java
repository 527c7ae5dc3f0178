package dev.hinge.kernel.common;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.hinge.kernel.common.Refusals.refusedAsInvalid;
import static org.assertj.core.api.Assertions.assertThat;

class TimesTest {
    private static final Instant NOW = Instant.parse("2026-11-02T18:00:00Z");

    @Test
    void anAbsentTimeMeansNow() {
        assertThat(Times.happenedAt(null, NOW)).isEqualTo(NOW);
    }

    @Test
    void acceptsATimeInThePast() {
        Instant lastWeek = NOW.minus(Duration.ofDays(7));

        assertThat(Times.happenedAt(lastWeek, NOW)).isEqualTo(lastWeek);
    }

    @Test
    void acceptsTheFirstInstantOf2000() {
        Instant earliest = Instant.parse("2000-01-01T00:00:00Z");

        assertThat(Times.happenedAt(earliest, NOW)).isEqualTo(earliest);
    }

    @Test
    void refusesATimeBefore2000() {
        refusedAsInvalid(() -> Times.happenedAt(Instant.parse("1999-12-31T23:59:59Z"), NOW));
    }

    @Test
    void acceptsUpToFiveMinutesInTheFutureForClockSkew() {
        Instant fiveMinutesAhead = NOW.plus(Duration.ofMinutes(5));

        assertThat(Times.happenedAt(fiveMinutesAhead, NOW)).isEqualTo(fiveMinutesAhead);
    }

    @Test
    void refusesMoreThanFiveMinutesInTheFuture() {
        refusedAsInvalid(() -> Times.happenedAt(NOW.plus(Duration.ofMinutes(5)).plusSeconds(1), NOW));
        refusedAsInvalid(() -> Times.happenedAt(NOW.plus(Duration.ofDays(1)), NOW));
    }
}
