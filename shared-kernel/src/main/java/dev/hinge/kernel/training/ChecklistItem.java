package dev.hinge.kernel.training;

/** The eight points of the pre-lift checklist, in the order a lifter runs through them. */
public enum ChecklistItem {
    /** Bar over mid-foot, feet hip-width. */
    FEET_POSITION,
    /** Just outside the legs. */
    GRIP,
    /** Shoulders slightly in front of the bar. */
    SHOULDERS_OVER_BAR,
    NEUTRAL_SPINE,
    CORE_BRACED,
    LATS_ENGAGED,
    /** Bar touching the shins. */
    BAR_CLOSE,
    /** Think "hips drive forward". */
    HIP_DRIVE_INTENT
}
