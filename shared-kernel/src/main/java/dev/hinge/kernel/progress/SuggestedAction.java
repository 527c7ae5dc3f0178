package dev.hinge.kernel.progress;

/** What the next session should do with the load. */
public enum SuggestedAction {
    /** A red-flag stop stands ({@link dev.hinge.kernel.pain.RedFlagStop}): no load until a coach gives clearance. */
    STOP,
    /** The latest session hurt: go back to the best pain-free load below it. */
    BACK_OFF,
    /** Two pain-free sessions in a row: add 5%. */
    INCREASE,
    /** Stay at the latest top load (nothing to do with a red flag: that is {@link #STOP}). */
    HOLD
}
