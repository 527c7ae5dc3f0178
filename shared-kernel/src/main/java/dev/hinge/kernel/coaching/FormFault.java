package dev.hinge.kernel.coaching;

import java.util.List;

/** The article's six causes of lower-back pain after deadlifts, with the cues that answer them. */
public enum FormFault {
    /** Lumbar curve collapses under load; top cause of strain. */
    ROUNDED_LOWER_BACK(List.of("chest up", "shoulder blades in your back pockets")),
    /** Leaning back at the top jams the facet joints. */
    HYPEREXTENDED_LOCKOUT(List.of("hips drive forward, don't lean back")),
    /** The pull becomes a good morning; load shifts to the spine. */
    HIPS_RISE_TOO_FAST(List.of("chest up", "push the floor away")),
    /** Bar leaves the shins; leverage worsens, shear rises. */
    BAR_DRIFTS_FORWARD(List.of("drag the bar up your legs")),
    /** Core not set before the pull. */
    INSUFFICIENT_BRACING(List.of("breathe into your belly and brace as for a punch")),
    /** Weight added before form is mastered: answered by a deload, not a cue. */
    OVERLOADING_TOO_SOON(List.of());

    private final List<String> standardCues;

    FormFault(List<String> standardCues) {
        this.standardCues = standardCues;
    }

    public List<String> standardCues() {
        return standardCues;
    }

    /** The standard cues for these faults, each once, in the order the faults name them. */
    public static List<String> cuesFor(List<FormFault> faults) {
        return faults.stream().flatMap(f -> f.standardCues.stream()).distinct().toList();
    }
}
