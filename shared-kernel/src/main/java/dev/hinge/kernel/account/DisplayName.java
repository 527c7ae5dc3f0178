package dev.hinge.kernel.account;

import dev.hinge.kernel.common.Text;

/** The name a person shows to the people they train with. */
public record DisplayName(String value) {
    public static final int MAX_LENGTH = 80;

    public DisplayName {
        value = Text.required(value, MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
