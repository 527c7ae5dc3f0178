package dev.hinge.kernel.pain;

import java.util.Objects;
import java.util.UUID;

/** pain report id */
public record PainReportId(UUID value) {
    public PainReportId {
        Objects.requireNonNull(value, "pain report id");
    }

    public static PainReportId of(UUID value) {
        return new PainReportId(value);
    }

    /** Axon keys aggregates and entities by {@code toString()}, so this is the bare UUID. */
    @Override
    public String toString() {
        return value.toString();
    }
}
