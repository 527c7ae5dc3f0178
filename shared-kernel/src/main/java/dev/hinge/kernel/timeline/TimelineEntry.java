package dev.hinge.kernel.timeline;

import dev.hinge.kernel.common.AthleteId;
import dev.hinge.kernel.training.Exercise;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What an event contributes to its athlete's timeline, before it gets the event's id: whose timeline,
 * the exercise it concerns (null for none, for filtering) and the item's content.
 */
public record TimelineEntry(AthleteId athleteId, Exercise exercise, Instant at, TimelineItemType type, Actor actor,
                            String summary, Map<String, Object> data) {

    public TimelineItem toItem(UUID eventId) {
        return new TimelineItem(eventId, at, type.name().toLowerCase(Locale.ROOT), actor, summary, data);
    }
}
