package dev.hinge.coach.config;

/**
 * All of coach-service's read models (access, roster, videos, timeline, progress) form one processing group: one
 * streaming processor, one transaction and one token update per batch for all of them. The relationship policy,
 * which sends commands and must never replay, keeps its own group.
 */
public final class ReadModels {
    public static final String GROUP = "coach.read-models";

    private ReadModels() {
    }
}
