package dev.hinge.readside.progress;

import dev.hinge.kernel.training.Exercise;
import dev.hinge.platform.problem.RequestFields;
import dev.hinge.platform.web.Params;

import java.time.Instant;

/** {@code ?exercise=deadlift&asOf=...}: the exercise is required; asOf defaults to now. */
public record ProgressQuery(Exercise exercise, Instant asOf) {
    public static ProgressQuery parse(String exercise, String asOf, Instant now) {
        RequestFields fields = new RequestFields();
        Exercise ex = fields.required("exercise", exercise, Exercise::new);
        Instant at = fields.optional("asOf", asOf, Params::instant);
        fields.validate();
        return new ProgressQuery(ex, at == null ? now : at);
    }
}
