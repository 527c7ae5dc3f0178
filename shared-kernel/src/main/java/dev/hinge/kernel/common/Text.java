package dev.hinge.kernel.common;

/** Rules for the free text fields (notes, locations, names): trimmed, bounded, never blank when present. */
public final class Text {
    private Text() {
    }

    /** The trimmed text, or null when absent; refuses blank text and text over {@code maxLength}. */
    public static String optional(String text, int maxLength) {
        if (text == null) {
            return null;
        }
        return required(text, maxLength);
    }

    /** The trimmed text; refuses null, blank text and text over {@code maxLength}. */
    public static String required(String text, int maxLength) {
        if (text == null) {
            throw DomainException.invalid("is required");
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw DomainException.invalid("must not be blank");
        }
        if (trimmed.length() > maxLength) {
            throw DomainException.invalid("must be at most " + maxLength + " characters");
        }
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw DomainException.invalid("must not contain control characters");
        }
        return trimmed;
    }
}
