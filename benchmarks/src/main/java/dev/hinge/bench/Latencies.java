package dev.hinge.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Latencies in microseconds (HdrHistogram, 3 significant digits, up to 10 minutes), safe to record from many threads. */
final class Latencies {
    private final Histogram histogram = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);

    void recordNanos(long nanos) {
        histogram.recordValue(Math.min(Math.max(nanos / 1_000, 0), histogram.getHighestTrackableValue()));
    }

    long count() {
        return histogram.getTotalCount();
    }

    double p50Millis() {
        return millisAt(50);
    }

    double p99Millis() {
        return millisAt(99);
    }

    double maxMillis() {
        return count() == 0 ? Double.NaN : histogram.getMaxValue() / 1_000.0;
    }

    private double millisAt(double percentile) {
        return count() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1_000.0;
    }

    /** {@code p50 / p99 / max} in milliseconds, or "n/a" with no samples. */
    String summary() {
        if (count() == 0) {
            return "n/a";
        }
        return ms(p50Millis()) + " / " + ms(p99Millis()) + " / " + ms(maxMillis());
    }

    static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "n/a";
        }
        return millis >= 100 ? String.format(Locale.ROOT, "%.0f", millis) : String.format(Locale.ROOT, "%.1f", millis);
    }
}
