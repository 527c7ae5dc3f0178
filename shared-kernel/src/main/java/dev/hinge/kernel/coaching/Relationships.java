package dev.hinge.kernel.coaching;

import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.common.CoachId;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** One coaching relationship per coach and athlete; its id follows from the pair, so a re-grant reopens it. */
public final class Relationships {
    private Relationships() {
    }

    public static RelationshipId idOf(CoachId coach, AthleteId athlete) {
        return new RelationshipId(UUID.nameUUIDFromBytes(("relationship:" + coach + ":" + athlete)
                .getBytes(StandardCharsets.UTF_8)));
    }
}
