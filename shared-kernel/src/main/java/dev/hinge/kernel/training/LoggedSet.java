package dev.hinge.kernel.training;

/** What logging a set recorded: the set, and the video linked with it (null when none). */
public record LoggedSet(SetLoggedEvent set, VideoAttachedEvent video) {
}
