package dev.hinge.coach.web;

import dev.hinge.kernel.timeline.Timeline;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the coach's use cases answer alike: a recorded thing in the shape of its POST body. */
public final class Answers {
    public static final int MAX_NOTES = 2000;

    private Answers() {
    }

    /** 201 with the event's timeline data (the thing in the shape of its POST body, plus its id), and {@code extra}. */
    public static ResponseEntity<Object> created(Object event, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>(Timeline.describe(event).orElseThrow().data());
        body.putAll(extra);
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }
}
