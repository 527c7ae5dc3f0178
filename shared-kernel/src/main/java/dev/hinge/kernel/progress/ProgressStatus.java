package dev.hinge.kernel.progress;

/** Where an athlete stands on an exercise; the first that holds, in this order (docs/domain.md), wins. */
public enum ProgressStatus {
    /** A red-flag stop stands on the exercise: a red flag since the last clearance for it. */
    RED_FLAG,
    /** The latest session had pain of 4 or more, or sharp pain. */
    PAIN_REPORTED,
    /** A deload is active and a pain-free load since it reached the reference max. */
    RECOVERED,
    /** A deload is active and a pain-free load since it is above its rounded load; or no deload is active. */
    PROGRESSING,
    /** A deload is active and nothing pain-free above its load yet. */
    DELOADED
}
