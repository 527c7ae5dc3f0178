package dev.hinge.kernel.common;

import java.util.Objects;

/**
 * A refused command or value. Carries a code so callers never parse messages, and optionally the name
 * of the field (as the client spelled it) the refusal is about.
 */
public class DomainException extends RuntimeException {
    private final ErrorCode code;
    private final String field;

    public DomainException(ErrorCode code, String message) {
        this(code, null, message);
    }

    public DomainException(ErrorCode code, String field, String message) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
    }

    public ErrorCode code() {
        return code;
    }

    /** The request field this refusal is about, or null. */
    public String field() {
        return field;
    }

    public static DomainException invalid(String message) {
        return new DomainException(ErrorCode.INVALID_VALUE, message);
    }

    public static DomainException invalid(String field, String message) {
        return new DomainException(ErrorCode.INVALID_VALUE, field, message);
    }

    public static DomainException notFound(String message) {
        return new DomainException(ErrorCode.NOT_FOUND, message);
    }
}
