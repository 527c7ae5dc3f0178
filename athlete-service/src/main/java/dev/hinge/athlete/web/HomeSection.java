package dev.hinge.athlete.web;

import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.UUID;

/**
 * A part of the athlete's home page that another use case owns (the active cues, the latest of the timeline): the home
 * page puts together what every section adds to its model, so no use case reaches into another's read model.
 */
public interface HomeSection {
    /** This section's model attributes for the athlete's home page. */
    Mono<Map<String, Object>> model(UUID athlete);
}
