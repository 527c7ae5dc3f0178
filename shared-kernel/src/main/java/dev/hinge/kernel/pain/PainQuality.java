package dev.hinge.kernel.pain;

/** What the pain feels like. The quality, more than the score, says whether training may go on. */
public enum PainQuality {
    NONE,
    /** Mild muscle soreness along the spine, glutes or hamstrings: normal. */
    SORENESS,
    /** Sharp, localised pain during or right after lifting: stop the exercise, rest, reassess. */
    SHARP,
    /** Down the leg: a red flag. */
    RADIATING,
    TINGLING,
    NUMBNESS;

    /** Radiating, tingling or numbness: stop and see a professional before resuming. */
    public boolean isRedFlag() {
        return this == RADIATING || this == TINGLING || this == NUMBNESS;
    }
}
