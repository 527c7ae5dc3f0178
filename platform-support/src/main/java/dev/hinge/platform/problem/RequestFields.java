package dev.hinge.platform.problem;

import dev.hinge.kernel.common.DomainException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns raw request values into kernel values field by field, collecting every refusal under the field's
 * name, then {@link #validate()} throws them all at once. The rules themselves live in the kernel's value
 * objects; this only names the fields.
 */
public final class RequestFields {
    private final List<FieldError> errors = new ArrayList<>();

    /** {@code convert(raw)}, or null when raw is null; a refusal is recorded under {@code field}. */
    public <T, R> R optional(String field, T raw, Function<T, R> convert) {
        if (raw == null) {
            return null;
        }
        try {
            return convert.apply(raw);
        } catch (DomainException e) {
            errors.add(new FieldError(e.field() == null ? field : field.isEmpty() ? e.field() : field + "." + e.field(), e.getMessage()));
            return null;
        }
    }

    /** Like {@link #optional} but a missing value is refused as "is required". */
    public <T, R> R required(String field, T raw, Function<T, R> convert) {
        if (raw == null) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        return optional(field, raw, convert);
    }

    public void reject(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** Throws every refusal recorded so far as one 400. */
    public void validate() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}
