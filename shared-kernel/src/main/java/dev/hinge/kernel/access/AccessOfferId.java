package dev.hinge.kernel.access;

import java.util.Objects;
import java.util.UUID;

/** An athlete's offer of access to whoever coaches under an email address. */
public record AccessOfferId(UUID value) {
    public AccessOfferId {
        Objects.requireNonNull(value, "access offer id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
