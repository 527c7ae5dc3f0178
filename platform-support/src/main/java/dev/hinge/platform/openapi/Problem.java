package dev.hinge.platform.openapi;

import dev.hinge.platform.problem.FieldError;
import io.swagger.v3.oas.annotations.media.Schema;

import java.net.URI;
import java.util.List;

/** How every error is answered: the shape {@code ProblemAdvice} writes, for the document only. */
@Schema(name = "Problem", description = "An RFC 9457 problem (`application/problem+json`)")
record Problem(
        @Schema(description = "A stable name to branch on", example = "urn:hinge:problem:validation") URI type,
        @Schema(description = "For people", example = "Invalid request") String title,
        @Schema(description = "The HTTP status", example = "400") int status,
        @Schema(description = "For people: what was wrong", example = "reps must be between 1 and 100") String detail,
        @Schema(description = "The path asked", example = "/api/v1/me/sets") URI instance,
        @Schema(description = "With a 400: every invalid field, body or query parameter, named as the client spelled it",
                nullable = true) List<FieldError> errors) {
}
