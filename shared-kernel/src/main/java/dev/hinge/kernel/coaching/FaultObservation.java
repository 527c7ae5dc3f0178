package dev.hinge.kernel.coaching;

import dev.hinge.kernel.common.Decimals;
import dev.hinge.kernel.common.DomainException;
import dev.hinge.kernel.common.Text;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One fault seen in a video, optionally at a second of it (millisecond precision: {@code 1.532}), with an optional
 * note. A coach's observation goes through {@link #of}; the canonical constructor only requires the fault, so a
 * stored review reads back as it was.
 */
public record FaultObservation(FormFault fault, BigDecimal atSecond, String note) {
    public static final int MAX_SECOND = 6 * 60 * 60;
    public static final int MAX_NOTE = 500;
    private static final String SECOND_RANGE = "must be between 0 and " + MAX_SECOND + ", with at most 3 decimals";

    public FaultObservation {
        Objects.requireNonNull(fault, "fault");
    }

    /** An observation a coach makes; a refusal names its field ({@code atSecond}, {@code note}). */
    public static FaultObservation of(FormFault fault, BigDecimal atSecond, String note) {
        Objects.requireNonNull(fault, "fault");
        BigDecimal second;
        try {
            second = atSecond == null ? null : second(atSecond);
        } catch (DomainException e) {
            throw DomainException.invalid("atSecond", e.getMessage());
        }
        try {
            return new FaultObservation(fault, second, Text.optional(note, MAX_NOTE));
        } catch (DomainException e) {
            throw DomainException.invalid("note", e.getMessage());
        }
    }

    /** A moment of a video a coach points at (a fault, a cue): 0 to 6 hours, to the millisecond. */
    public static BigDecimal second(BigDecimal atSecond) {
        BigDecimal second = Decimals.bounded(atSecond, 5, 3, SECOND_RANGE);
        if (second.signum() < 0 || second.compareTo(BigDecimal.valueOf(MAX_SECOND)) > 0) {
            throw DomainException.invalid(SECOND_RANGE);
        }
        return second;
    }
}
