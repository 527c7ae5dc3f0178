package dev.hinge.kernel.timeline;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One entry of the progression timeline, in the API's shape. {@code id} is the event's identifier. */
public record TimelineItem(UUID id, Instant at, String type, Actor actor, String summary, Map<String, Object> data) {
}
