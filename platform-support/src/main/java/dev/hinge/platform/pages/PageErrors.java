package dev.hinge.platform.pages;

import dev.hinge.platform.problem.FieldError;
import dev.hinge.platform.problem.InvalidRequestException;

import java.util.LinkedHashMap;
import java.util.Map;

/** A refused form's errors for its page: field (the API's name, e.g. {@code load.value}) to message, in order. */
public final class PageErrors {
    private PageErrors() {
    }

    public static Map<String, String> of(InvalidRequestException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : e.errors()) {
            errors.merge(error.field(), error.message(), (a, b) -> a + "; " + b);
        }
        return errors;
    }

    public static Map<String, String> of(String field, String message) {
        return Map.of(field, message);
    }
}
