package dev.hinge.platform.problem;

import org.springframework.http.HttpStatus;

/**
 * A request field refused with a status of its own rather than 400: an uploaded {@code file} that is too large (413)
 * or not a video (415). Answered like a 400, with the field named under {@code errors}.
 */
public class FieldRefusedException extends RuntimeException {
    private final HttpStatus status;
    private final String type;
    private final FieldError error;

    public FieldRefusedException(HttpStatus status, String type, String field, String message) {
        super(field + " " + message, null, false, false);
        this.status = status;
        this.type = type;
        this.error = new FieldError(field, message);
    }

    public HttpStatus status() {
        return status;
    }

    /** The problem type, {@code urn:hinge:problem:<type>}. */
    public String type() {
        return type;
    }

    public FieldError error() {
        return error;
    }
}
