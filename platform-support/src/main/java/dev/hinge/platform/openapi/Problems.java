package dev.hinge.platform.openapi;

import dev.hinge.platform.problem.FieldError;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problem answers the document lists, each with an example as {@code ProblemAdvice} and the security handlers
 * write it. A route may declare any status of its own (a 429) without content: {@link #describe} gives it the problem
 * shape and, where one is known here, an example.
 */
enum Problems {
    INVALID("400", "Invalid input: every invalid field, body or query parameter is named in `errors`", "validation",
            "Invalid request", "reps must be between 1 and 100; limt is not a query parameter of this route"),
    UNAUTHORIZED("401", "No valid bearer token (none, expired, revoked by a logout, or forged)", "unauthorized",
            "Unauthorized", "A valid bearer token is required"),
    FORBIDDEN("403", "A token of the other role (the detail names this service's)", "forbidden", "Forbidden", "This route is for athlete accounts"),
    NOT_FOUND("404", "Not there, not yours, or not granted: Hinge never tells which", "not-found", "Not found",
            "No such athlete"),
    CONFLICT("409", "Another change won the race (retry), or the first request with this Idempotency-Key is still running",
            "concurrent-change", "Concurrent change", "Another change to the same resource won; retry"),
    KEY_REUSED("422", "This Idempotency-Key was used with another body or route", "idempotency-key-reused",
            "Idempotency key reused", "This Idempotency-Key was used for another request"),
    TOO_MANY("429", "Too many attempts: wait the seconds `Retry-After` says", "too-many-attempts", "Too many attempts",
            "Too many failed logins; try again in 12 s"),
    TOO_MANY_STREAMS("429", "This user has 5 live streams open already: wait `Retry-After` seconds",
            "http-429", "Too Many Requests",
            "At most 5 timeline streams can be open at once; close one or retry later."),
    UNAVAILABLE("503", "The database cannot be reached, or (coach-service) this athlete's events are parked in a "
            + "dead-letter queue; nothing was recorded: retry after `Retry-After` seconds", "database-unavailable",
            "Service unavailable", "The database cannot be reached; nothing was recorded");

    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final String status;
    private final String description;
    private final Map<String, Object> example;

    Problems(String status, String description, String type, String title, String detail) {
        this.status = status;
        this.description = description;
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "urn:hinge:problem:" + type);
        example.put("title", title);
        example.put("status", Integer.parseInt(status));
        example.put("detail", detail);
        example.put("instance", "/api/v1/me/sets");
        if (status.equals("400")) {
            example.put("errors", List.of(new FieldError("reps", "must be between 1 and 100"),
                    new FieldError("limt", "is not a query parameter of this route")));
        }
        this.example = example;
    }

    String status() {
        return status;
    }

    String description() {
        return description;
    }

    /**
     * Every error answer is a problem (whatever the route's own answer is), with this list's example for its status;
     * a 204 has no body.
     */
    static void describe(String status, ApiResponse response) {
        if (status.equals("204")) {
            response.setContent(null);
        }
        if (!(status.startsWith("4") || status.startsWith("5"))) {
            return;
        }
        MediaType problem = new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"));
        for (Problems known : values()) {
            if (known.status.equals(status)) {
                problem.addExamples(known.name().toLowerCase(), new Example().value(known.example));
                if (response.getDescription() == null || response.getDescription().isBlank()) {
                    response.setDescription(known.description);
                }
            }
        }
        response.setContent(new Content().addMediaType(PROBLEM_JSON, problem));
    }
}
