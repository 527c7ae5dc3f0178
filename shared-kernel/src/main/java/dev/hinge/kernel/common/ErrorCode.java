package dev.hinge.kernel.common;

/** Why a command or value was refused. Each service maps a code to an HTTP status in one place. */
public enum ErrorCode {
    /** A value broke a rule of its type (a negative load, a score of 11). */
    INVALID_VALUE,
    /** The thing does not exist for this caller (or must not be revealed to them). */
    NOT_FOUND,
    /** The request contradicts what is already recorded. */
    CONFLICT
}
