package dev.hinge.kernel.coaching;

import dev.hinge.kernel.common.DomainException;
import dev.hinge.kernel.common.Text;

import java.util.Objects;

/** One fault seen in a video, optionally at a second of it, with an optional note. */
public record FaultObservation(FormFault fault, Integer atSecond, String note) {
    public static final int MAX_SECOND = 6 * 60 * 60;

    public FaultObservation {
        Objects.requireNonNull(fault, "fault");
        if (atSecond != null && (atSecond < 0 || atSecond > MAX_SECOND)) {
            throw DomainException.invalid("atSecond", "must be between 0 and " + MAX_SECOND);
        }
        try {
            note = Text.optional(note, 500);
        } catch (DomainException e) {
            throw DomainException.invalid("note", e.getMessage());
        }
    }
}
