package dev.hinge.kernel.common;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Asserts that a value or rule refuses its input the way callers rely on: a {@link DomainException} with a code. */
public final class Refusals {
    private Refusals() {
    }

    /** The refusal {@code call} throws, after checking it is an {@link ErrorCode#INVALID_VALUE}. */
    public static DomainException refusedAsInvalid(ThrowingCallable call) {
        DomainException refusal = catchThrowableOfType(DomainException.class, call);
        assertThat(refusal).as("expected a DomainException").isNotNull();
        assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_VALUE);
        return refusal;
    }
}
