package dev.hinge.kernel.timeline;

import java.util.UUID;

/** Who did it: {@code role} is "athlete" or "coach". */
public record Actor(String role, UUID id) {
    public static Actor athlete(UUID id) {
        return new Actor("athlete", id);
    }

    public static Actor coach(UUID id) {
        return new Actor("coach", id);
    }
}
