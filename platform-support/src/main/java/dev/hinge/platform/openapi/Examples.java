package dev.hinge.platform.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

/**
 * The Mark case (docs/domain.md) as examples of the shapes whose records live in the kernel, which knows nothing of
 * this document: by schema name.
 */
final class Examples {
    static final Map<String, Object> MARK_CASE = Map.of(
            "ProgressView", json("""
                    {"exercise": "deadlift", "unit": "lb", "referenceMax": 365,
                     "deload": {"percent": 50, "exactLoad": 182.5, "roundedLoad": 180, "since": "2026-10-01T12:00:00Z"},
                     "bestPainFreeLoad": 295, "bestPainFreePercent": 80.8, "weeksSinceDeload": 4.0, "painFreeStreak": 7,
                     "latestPain": {"score": 0, "quality": "none", "at": "2026-10-26T12:00:00Z"},
                     "activeCues": ["chest up", "push the floor away", "drag the bar up your legs"],
                     "status": "progressing",
                     "suggestion": {"action": "increase", "load": {"value": 310, "unit": "lb"},
                                    "reason": "The sessions on 2026-10-22 and 2026-10-26 were pain-free up to 295 lb: add 5% of the 365 lb reference max, capped at it, rounded down to the plate step."},
                     "e1rmTrend": [{"date": "2026-09-29", "topLoad": 365, "estimatedOneRepMax": 425.83},
                                   {"date": "2026-10-26", "topLoad": 295, "estimatedOneRepMax": 344.17}],
                     "warnings": [],
                     "checklist": {"setsConsidered": 1, "skipped": [{"item": "shoulders_over_bar", "count": 1}]}}"""),
            "TimelineItem", json("""
                    {"id": "32e76596-1dba-4562-a331-f13c04b64aa9", "at": "2026-09-29T12:00:00Z", "type": "set_logged",
                     "actor": {"role": "athlete", "id": "18c0ed1c-007a-481c-9ad2-cfafa76bf106"},
                     "summary": "Deadlift 365 lb × 5 @ RPE 9, pain 6/10 sharp (lower back)",
                     "data": {"id": "1a315b0f-37d3-4891-8b50-be3bccda1576", "exercise": "deadlift",
                              "load": {"value": 365, "unit": "lb"}, "reps": 5, "rpe": 9,
                              "performedAt": "2026-09-29T12:00:00Z",
                              "pain": {"score": 6, "location": "lower back", "quality": "sharp"},
                              "checklist": ["feet_position", "grip", "core_braced"], "notes": null}}"""));

    private Examples() {
    }

    private static Object json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An example is not JSON", e);
        }
    }
}
