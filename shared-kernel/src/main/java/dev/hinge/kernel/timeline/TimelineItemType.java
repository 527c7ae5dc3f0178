package dev.hinge.kernel.timeline;

/** The kinds of things on an athlete's progression timeline; the slug is the API's {@code type}. */
public enum TimelineItemType {
    SET_LOGGED, VIDEO_ATTACHED, PAIN_REPORTED, RED_FLAG_RAISED, COACH_ACCESS_GRANTED, COACH_ACCESS_REVOKED,
    VIDEO_REVIEWED, CUE_ASSIGNED, CUE_RETIRED, DELOAD_PRESCRIBED, CLEARANCE_GIVEN
}
