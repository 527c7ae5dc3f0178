package dev.hinge.athlete.config;

/**
 * All of athlete-service's read models (timeline, progress, cues, known coaches) form one processing group: one
 * streaming processor, one transaction and one token update per batch for all of them, instead of one each.
 * The benchmark showed four processors cost four transactions per event and let the timeline lag by ~0.6 s.
 */
public final class ReadModels {
    public static final String GROUP = "athlete.read-models";

    private ReadModels() {
    }
}
