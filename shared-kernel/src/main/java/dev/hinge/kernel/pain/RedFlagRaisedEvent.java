package dev.hinge.kernel.pain;

import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.training.Exercise;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A red-flag symptom (radiating, tingling, numbness) was reported: training of {@code exercise} (every
 * exercise when null) stops until a coach clears the athlete ({@link RedFlagStop} holds the rules). An event, because
 * the stop is history. {@code sourceId} is the set or pain report that carried the symptom.
 */
public record RedFlagRaisedEvent(AthleteId athleteId, UUID redFlagId, UUID sourceId, Exercise exercise,
                                 PainReport report, Instant at) {

    /** The red flag raised by a given set or pain report has an id derived from it, so a replay is exact. */
    public static UUID idFor(UUID sourceId) {
        return UUID.nameUUIDFromBytes(("red-flag:" + sourceId).getBytes(StandardCharsets.UTF_8));
    }
}
