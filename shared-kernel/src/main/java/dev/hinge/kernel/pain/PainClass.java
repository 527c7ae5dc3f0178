package dev.hinge.kernel.pain;

/** What a pain report means for training, per the article. */
public enum PainClass {
    /** Nothing reported: a pain-free set. */
    PAIN_FREE,
    /** Mild muscle soreness, normal after deadlifts. */
    NORMAL_SORENESS,
    /** Pain of 4 or more, or sharp: stop the exercise, rest, reassess; go back to the last pain-free load. */
    STOP_AND_REASSESS,
    /** Radiating, tingling or numbness: stop and see a professional; no more load until a coach clears. */
    RED_FLAG
}
