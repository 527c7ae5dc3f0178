package dev.hinge.platform.problem;

/** One invalid request field, named as the client spelled it ({@code load.value}, {@code checklist[2]}). */
public record FieldError(String field, String message) {
}
