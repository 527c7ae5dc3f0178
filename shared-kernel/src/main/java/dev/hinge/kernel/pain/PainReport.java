package dev.hinge.kernel.pain;

import dev.hinge.kernel.common.DomainException;
import dev.hinge.kernel.common.Text;

import java.util.Objects;

/**
 * A pain reading: score, where (optional, "lower back") and what it feels like. A person's report goes through
 * {@link #of}: quality {@code none} goes with score 0 only, a score above 0 needs a quality, and the location is
 * short text. The canonical constructor only requires a score and a quality, so a stored report reads back as it was.
 */
public record PainReport(PainScore score, String location, PainQuality quality) {
    public static final int MAX_LOCATION_LENGTH = 80;
    public static final PainReport NONE = new PainReport(PainScore.ZERO, null, PainQuality.NONE);

    public PainReport {
        Objects.requireNonNull(score, "pain score");
        Objects.requireNonNull(quality, "pain quality");
    }

    /** A report a person gives; a refusal names its field ({@code location}, {@code quality}). */
    public static PainReport of(PainScore score, String location, PainQuality quality) {
        Objects.requireNonNull(score, "pain score");
        Objects.requireNonNull(quality, "pain quality");
        String where;
        try {
            where = Text.optional(location, MAX_LOCATION_LENGTH);
        } catch (DomainException e) {
            throw DomainException.invalid("location", e.getMessage());
        }
        if (quality == PainQuality.NONE && score.value() > 0) {
            throw DomainException.invalid("quality", "must not be none when the score is above 0");
        }
        return new PainReport(score, where, quality);
    }

    public PainClass classification() {
        if (quality.isRedFlag()) {
            return PainClass.RED_FLAG;
        }
        if (quality == PainQuality.SHARP || score.value() >= PainScore.PAINFUL_FROM) {
            return PainClass.STOP_AND_REASSESS;
        }
        if (score.value() == 0) {
            return PainClass.PAIN_FREE;
        }
        // below 4, not sharp, not a red flag, not none: soreness is the only quality left
        return PainClass.NORMAL_SORENESS;
    }

    public boolean isRedFlag() {
        return classification() == PainClass.RED_FLAG;
    }

    /** Score 0 and no red-flag symptom. */
    public boolean isPainFree() {
        return classification() == PainClass.PAIN_FREE;
    }
}
